import type { Db, Queryable } from '../../platform/db/types.ts';

/**
 * The funnel and overlap rollups (migration 0013): per-kelurahan counts rebuilt from the register. A rebuild
 * takes about a second at jakarta scale; it runs when the rollup is older than MAX_AGE, in the background when
 * an older copy can answer meanwhile, and at most one at a time (advisory lock).
 */
export const MAX_AGE_MS = 5 * 60_000;
/** A slice with at most this many members is counted live (tens of milliseconds), larger ones from the rollup. */
export const LIVE_MAX = 20_000;
const LOCK = 7461313;

/** The journey rows (kelurahan, pengampu or 0 = everyone once, stage, members) of the members in `m`. */
export function journeyCountsSql(members: string, withAgencies: string | false): string {
  return `s as (select m.id, m.village_code, 1::smallint as stage from ${members} m
                union all
                select m.id, m.village_code, j.stage from ${members} m join journey_stage j on j.umkm_id = m.id and j.stage > 1)
          select village_code, 0 as agency_id, stage, count(*)::int8 as members from s group by 1, 3
          ${withAgencies === false ? '' : `union all select s.village_code, f.agency_id, s.stage, count(*)::int8 from s join fostering_link f on f.umkm_id = s.id ${withAgencies} group by 1, 2, 3`}`;
}

/** Pairs of pengampu fostering the same member, own counts (a = b) and every fostered member once (0, 0). */
export function overlapCountsSql(members: string): string {
  return `select m.village_code, a.agency_id as agency_a, b.agency_id as agency_b, count(*)::int8 as members
            from ${members} m join fostering_link a on a.umkm_id = m.id join fostering_link b on b.umkm_id = m.id and b.agency_id >= a.agency_id
           group by 1, 2, 3
          union all
          select m.village_code, 0, 0, count(*)::int8 from ${members} m where exists (select 1 from fostering_link f where f.umkm_id = m.id) group by 1`;
}

export async function refreshRollups(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [got] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [LOCK]);
    if (!got?.ok) return false;
    await tx.query('delete from journey_rollup');
    await tx.query(`insert into journey_rollup (village_code, agency_id, stage, members)
                    with ${journeyCountsSql(`(select id, village_code from umkm where kind = 'jakpreneur')`, '')}`);
    await tx.query('delete from overlap_rollup');
    await tx.query(
      `insert into overlap_rollup (village_code, agency_a, agency_b, members) ${overlapCountsSql('umkm')}`,
    );
    await tx.query(
      `insert into rollup_state (name, refreshed_at) values ('registry', now()) on conflict (name) do update set refreshed_at = excluded.refreshed_at`,
    );
    return true;
  });
}

async function refreshedAt(q: Queryable): Promise<Date | undefined> {
  const [r] = await q.query<{ refreshed_at: Date }>(`select refreshed_at from rollup_state where name = 'registry'`);
  return r?.refreshed_at;
}

let background: Promise<unknown> | undefined;

/** The time the rollup describes; rebuilt first when there is none, in the background when it is stale. */
export async function ensureRollups(db: Db, onError: (e: unknown) => void): Promise<Date> {
  let at = await refreshedAt(db);
  if (!at) {
    await refreshRollups(db);
    at = (await refreshedAt(db)) ?? new Date();
  } else if (Date.now() - at.getTime() > MAX_AGE_MS && !background) {
    background = refreshRollups(db)
      .catch(onError)
      .finally(() => (background = undefined));
  }
  return at;
}
