import type { Actor } from '../../platform/auth/actor.ts';
import { allows } from '../../platform/auth/rules.ts';
import { scopesOf } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { formatWib } from '../../platform/time.ts';
import { funnelAllowed, registryPolicy } from '../policy.ts';
import { ensureRollups, journeyCountsSql, LIVE_MAX } from './rollup.ts';
import { type RegionSlice, regionSlice } from './slice.ts';
import { STAGES } from './stages.ts';

export type FunnelGroupBy = 'none' | 'agency' | 'city' | 'district' | 'village';

export interface FunnelQuery {
  agencyId?: number;
  region?: string;
  groupBy?: FunnelGroupBy;
}

export interface StageCount {
  stage: number;
  members: number;
  /** members ÷ members of the previous stage (null when that is 0). Stages may be skipped, so it can exceed 1. */
  rateFromPrevious: number | null;
  /** members ÷ members at P1 (registered). */
  rateFromP1: number | null;
}

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

export function withRates(counts: Map<number, number>): StageCount[] {
  return STAGES.map(({ stage }) => {
    const members = counts.get(stage) ?? 0;
    return {
      stage,
      members,
      rateFromPrevious: stage === 1 ? null : rate(members, counts.get(stage - 1) ?? 0),
      rateFromP1: rate(members, counts.get(1) ?? 0),
    };
  });
}

const forbiddenSlice = () =>
  new AppError(403, 'forbidden_slice', {
    id: 'Anda tidak berhak melihat corong untuk wilayah atau pengampu ini.',
    en: 'You may not see the funnel for this region or pengampu.',
  });

/**
 * A non-province role's missing filters default to its own scope: a pengampu officer's agency, a kecamatan role's
 * kecamatan — also when it narrows by the other dimension (a pendamping choosing a pengampu stays in its kecamatan).
 */
function defaultSlice(actor: Actor, q: FunnelQuery): FunnelQuery {
  if (allows(actor, registryPolicy.readsAll)) return q;
  const agency = scopesOf(actor, 'pengampu_officer')[0];
  const district = [...scopesOf(actor, 'pendamping'), ...scopesOf(actor, 'kasatpel')][0];
  if (agency && q.agencyId === undefined && (q.region === undefined || !district))
    return { ...q, agencyId: Number(agency) };
  if (district && q.region === undefined) return { ...q, region: district };
  return q;
}

/**
 * The 7P funnel of a slice (a pengampu and/or a region), optionally broken down by pengampu, kota, kecamatan or
 * kelurahan. Stage 1 counts every Jakpreneur member of the slice; a stage counts members with a record of it.
 * Large slices come from the rollup (`asOf` says when it was built), small ones are counted live.
 */
export async function funnel(db: Db, actor: Actor, query: FunnelQuery, onError: (e: unknown) => void = () => {}) {
  const q = defaultSlice(actor, query);
  const agencyId = q.agencyId ?? null;
  const region: RegionSlice | null = q.region ? await regionSlice(db, q.region) : null;
  if (!funnelAllowed(actor, { agencyId, district: region?.district ?? null })) throw forbiddenSlice();
  const groupBy = q.groupBy ?? 'none';
  const needAgencies = agencyId !== null || groupBy === 'agency';

  // Small slices live; a kecamatan or kelurahan is always small.
  let live = region?.district != null;
  let asOf = new Date();
  if (!live) {
    asOf = await ensureRollups(db, onError);
    const [est] = await db.query<{ n: number }>(
      `select coalesce(sum(members), 0)::int8 as n from journey_rollup where stage = 1 and agency_id = $1 and ($2::text[] is null or village_code = any($2::text[]))`,
      [agencyId ?? 0, region?.villages ?? null],
    );
    live = (est?.n ?? 0) <= LIVE_MAX;
    if (live) asOf = new Date();
  }

  const params: unknown[] = [region?.villages ?? null, agencyId];
  const members = `(select u.id, u.village_code from umkm u where u.kind = 'jakpreneur' and ($1::text[] is null or u.village_code = any($1::text[]))
                      ${agencyId !== null ? 'and exists (select 1 from fostering_link f where f.umkm_id = u.id and f.agency_id = $2::int)' : 'and $2::int is null'})`;
  const source = live
    ? `with r as (with ${journeyCountsSql(members, needAgencies ? (agencyId !== null ? 'where f.agency_id = $2::int' : '') : false)})`
    : `with r as (select * from journey_rollup where ($1::text[] is null or village_code = any($1::text[])) and ($2::int is null or agency_id in (0, $2::int)))`;
  const key = {
    none: `'all'`,
    agency: 'r.agency_id::text',
    city: 'd.parent_code',
    district: 'd.code',
    village: 'v.code',
  }[groupBy];
  const agencyCond =
    groupBy === 'agency'
      ? agencyId !== null
        ? 'r.agency_id = $2::int'
        : 'r.agency_id <> 0'
      : agencyId !== null
        ? 'r.agency_id = $2::int'
        : 'r.agency_id = 0';
  const rows = await db.query<{ key: string; stage: number; members: number }>(
    `${source}
     select ${key} as key, r.stage, sum(r.members)::int8 as members
       from r join region v on v.code = r.village_code join region d on d.code = v.parent_code
      where ${agencyCond}
      group by 1, 2`,
    params,
  );
  // The slice's total: the de-duplicated count (agency 0) even when broken down by pengampu.
  const totals = new Map<number, number>();
  if (groupBy === 'none') for (const r of rows) totals.set(r.stage, r.members);
  else {
    const t = await db.query<{ stage: number; members: number }>(
      `${source} select r.stage, sum(r.members)::int8 as members from r where ${agencyId !== null ? 'r.agency_id = $2::int' : 'r.agency_id = 0'} group by 1`,
      params,
    );
    for (const r of t) totals.set(r.stage, r.members);
  }

  const byKey = new Map<string, Map<number, number>>();
  for (const r of rows) {
    if (!byKey.has(r.key)) byKey.set(r.key, new Map());
    byKey.get(r.key)!.set(r.stage, r.members);
  }
  const names = await groupNames(db, groupBy, [...byKey.keys()]);
  const groups =
    groupBy === 'none'
      ? []
      : [...byKey.entries()]
          .map(([k, counts]) => ({ key: k, name: names.get(k) ?? k, stages: withRates(counts) }))
          .sort((a, b) => (b.stages[0]?.members ?? 0) - (a.stages[0]?.members ?? 0) || a.key.localeCompare(b.key));
  const agencyName =
    agencyId !== null ? ((await groupNames(db, 'agency', [String(agencyId)])).get(String(agencyId)) ?? null) : null;
  return {
    slice: {
      agency: agencyId !== null ? { id: agencyId, name: agencyName ?? String(agencyId) } : null,
      region: region ? { code: region.code, name: region.name, level: region.level } : null,
    },
    groupBy,
    source: live ? ('live' as const) : ('rollup' as const),
    asOf: asOf.toISOString(),
    asOfWib: { id: formatWib(asOf, 'id'), en: formatWib(asOf, 'en') },
    stages: STAGES.map((s) => ({ stage: s.stage, code: s.code, label: s.label })),
    total: withRates(totals),
    groups,
  };
}

async function groupNames(db: Db, groupBy: FunnelGroupBy, keys: string[]): Promise<Map<string, string>> {
  if (!keys.length || groupBy === 'none') return new Map();
  const rows =
    groupBy === 'agency'
      ? await db.query<{ key: string; name: string }>(
          'select id::text as key, name from fostering_agency where id::text = any($1::text[])',
          [keys],
        )
      : await db.query<{ key: string; name: string }>(
          'select code as key, name from region where code = any($1::text[])',
          [keys],
        );
  return new Map(rows.map((r) => [r.key, r.name]));
}
