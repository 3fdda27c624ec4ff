import type { Actor } from '../../platform/auth/actor.ts';
import { allows } from '../../platform/auth/rules.ts';
import type { Db } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { formatWib } from '../../platform/time.ts';
import { overlapAllowed, registryPolicy } from '../policy.ts';
import { scopesOf } from '../../platform/auth/actor.ts';
import { ensureRollups, LIVE_MAX, overlapCountsSql } from '../journey/rollup.ts';
import { type RegionSlice, regionSlice } from '../journey/slice.ts';

/**
 * Where the pengampu's lists overlap: for every pair of agencies the members both foster, each agency's own
 * count, and the province (or region) total counted once — the figure that differs from the sum of the agencies'.
 */
export async function overlap(
  db: Db,
  actor: Actor,
  q: { region?: string; byCity?: boolean },
  onError: (e: unknown) => void = () => {},
) {
  let code = q.region;
  if (!code && !allows(actor, registryPolicy.readsAll) && !scopesOf(actor, 'pengampu_officer').length)
    code = [...scopesOf(actor, 'pendamping'), ...scopesOf(actor, 'kasatpel')][0];
  const region: RegionSlice | null = code ? await regionSlice(db, code) : null;
  if (!overlapAllowed(actor, region?.district ?? null))
    throw new AppError(403, 'forbidden_slice', {
      id: 'Anda tidak berhak melihat irisan untuk wilayah ini.',
      en: 'You may not see the overlap for this region.',
    });

  let live = region?.district != null;
  let asOf = new Date();
  if (!live) {
    asOf = await ensureRollups(db, onError);
    const [est] = await db.query<{ n: number }>(
      `select coalesce(sum(members), 0)::int8 as n from overlap_rollup where agency_a = 0 and ($1::text[] is null or village_code = any($1::text[]))`,
      [region?.villages ?? null],
    );
    live = (est?.n ?? 0) <= LIVE_MAX;
    if (live) asOf = new Date();
  }
  const source = live
    ? `with r as (${overlapCountsSql(`(select id, village_code from umkm where $1::text[] is null or village_code = any($1::text[]))`)})`
    : `with r as (select * from overlap_rollup where $1::text[] is null or village_code = any($1::text[]))`;
  const rows = await db.query<{ city: string; a: number; b: number; members: number }>(
    `${source}
     select ${q.byCity ? 'd.parent_code' : `''`} as city, r.agency_a as a, r.agency_b as b, sum(r.members)::int8 as members
       from r join region v on v.code = r.village_code join region d on d.code = v.parent_code
      group by 1, 2, 3`,
    [region?.villages ?? null],
  );
  const sum = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).reduce((a, r) => a + r.members, 0);
  const agencyIds = [...new Set(rows.filter((r) => r.a !== 0).flatMap((r) => [r.a, r.b]))];
  const agencies = await db.query<{ id: number; code: string; name: string }>(
    'select id, code, name from fostering_agency where id = any($1::int[]) order by id',
    [agencyIds],
  );
  const own = (id: number, city?: string) =>
    sum((r) => r.a === id && r.b === id && (city === undefined || r.city === city));
  const pair = (a: number, b: number) => sum((r) => r.a === Math.min(a, b) && r.b === Math.max(a, b));
  const distinct = sum((r) => r.a === 0);
  const agencyTotal = agencies.reduce((a, x) => a + own(x.id), 0);
  const cities = q.byCity ? [...new Set(rows.map((r) => r.city))].sort() : [];
  const cityNames = new Map(
    cities.length
      ? (
          await db.query<{ code: string; name: string }>('select code, name from region where code = any($1::text[])', [
            cities,
          ])
        ).map((r) => [r.code, r.name])
      : [],
  );
  return {
    region: region ? { code: region.code, name: region.name, level: region.level } : null,
    source: live ? ('live' as const) : ('rollup' as const),
    asOf: asOf.toISOString(),
    asOfWib: { id: formatWib(asOf, 'id'), en: formatWib(asOf, 'en') },
    agencies: agencies.map((a) => ({ id: a.id, code: a.code, name: a.name, members: own(a.id) })),
    /** matrix[i][j]: members fostered by agencies[i] and agencies[j]; the diagonal is each agency's own count. */
    matrix: agencies.map((a) => agencies.map((b) => (a.id === b.id ? own(a.id) : pair(a.id, b.id)))),
    total: { distinctMembers: distinct, sumOfAgencyCounts: agencyTotal, countedMoreThanOnce: agencyTotal - distinct },
    cities: cities.map((c) => ({
      code: c,
      name: cityNames.get(c) ?? c,
      distinctMembers: sum((r) => r.a === 0 && r.city === c),
      perAgency: agencies.map((a) => ({ id: a.id, members: own(a.id, c) })),
    })),
  };
}
