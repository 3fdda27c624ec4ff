// Registry activity: what members did after registering — the 7P journey (shaped like the real funnel of
// 27 Oct 2021, DOMAIN.md §2), the first size-class history row, and permits (NIB, PIRT, halal, HAKI, BPOM).
//
// Determinism: every member draws from its own PRNG stream keyed by the seed, its name and its registration
// instant, so the result does not depend on ids or batch order, and the same rows come out whether this runs
// inside the full seed or alone (`npm run seed -- --only registry-activity`) over members already loaded.
// Journey dates lie between registration and the data horizon (fixed). Permit expiry dates are the one part
// relative to a reference day (`today`, explicit): so that "expires within 30 days" exists whenever the data
// is loaded, each permit's expiry is drawn as an offset from that day. Same seed + same today = same rows.
import type { Queryable } from '../platform/db/types.ts';
import { localDate } from '../platform/time.ts';
import type { SizeThresholds } from '../registry/size-class.ts';
import { ColumnBuffer, Pipeline } from './bulk.ts';
import type { SeedModule } from './context.ts';
import { type Progress, silentProgress } from './progress.ts';
import { type DrawEnv, dayNo, drawMemberActivity, type Row } from './registry-activity-member.ts';
import { lines } from './vocabulary.ts';

export { FUNNEL_SHARE } from './registry-activity-member.ts';

/** The last day generated activity reaches (the catalog's too). */
export const HORIZON = '2025-05-31';

const JOURNEY_COLUMNS = [
  ['umkm_id', 'int8'],
  ['stage', 'int2'],
  ['reached_on', 'date'],
  ['evidence', 'jsonb'],
  ['recorded_at', 'timestamptz'],
] as const;
const PERMIT_COLUMNS = [
  ['umkm_id', 'int8'],
  ['kind', 'text'],
  ['number', 'text'],
  ['issued_on', 'date'],
  ['expires_on', 'date'],
  ['created_at', 'timestamptz'],
] as const;
const SIZE_COLUMNS = [
  ['umkm_id', 'int8'],
  ['size_class', 'text'],
  ['basis', 'text'],
  ['capital', 'int8'],
  ['annual_sales', 'int8'],
  ['rule_effective_from', 'date'],
  ['changed_at', 'timestamptz'],
] as const;

export interface ActivityOptions {
  seed: number;
  /** The reference day (WIB, YYYY-MM-DD) permit expiry dates are drawn around. */
  today: string;
  batch?: number;
  parallel?: number;
  progress?: Progress;
  /** Fed with what was drawn (not the absolute expiry dates): same seed, same digest, whatever `today`. */
  digest?: { update(s: string): unknown };
}

/**
 * Generates and inserts the activity of the given members (ids of `umkm` rows). Returns row counts per table.
 */
export async function seedRegistryActivity(
  q: Queryable,
  ids: readonly number[],
  opts: ActivityOptions,
): Promise<Record<string, number>> {
  const batch = opts.batch ?? 5_000;
  const progress = opts.progress ?? silentProgress;
  const today = dayNo(opts.today);
  const horizon = dayNo(HORIZON);
  const food = new Set(
    (await q.query<{ code: string }>('select code from product_category where is_food')).map((r) => r.code),
  );
  const lineOf = new Map(lines.map((l) => [l.kbli, l]));
  const lenders = (await q.query<{ name: string }>('select name from lender order by code')).map((r) => r.name);
  if (!lenders.length) lenders.push('Bank DKI');
  const organisers = [
    'Dinas PPKUKM',
    ...(await q.query<{ name: string }>('select name from fostering_agency order by code')).map((r) => r.name),
  ];
  const rules = await q.query<{ effective_from: string; value: SizeThresholds }>(
    `select effective_from, value from setting where key = 'registry.size_class_thresholds' order by effective_from`,
  );
  if (!rules.length) throw new Error('setting registry.size_class_thresholds is missing');
  const env: DrawEnv = {
    seed: opts.seed,
    today,
    horizon,
    food,
    lineOf,
    lenders,
    organisers,
    rules,
    digest: opts.digest,
  };
  const counts = { journey_stage: 0, permit: 0, size_class_history: 0 };
  const pipeline = new Pipeline(opts.parallel ?? 1);

  for (let start = 0; start < ids.length; start += batch) {
    const chunk = ids.slice(start, start + batch);
    const rows = await q.query<Row>(
      `select id, name, registered_at, kbli_code, village_code, nib, capital, annual_sales, start_year, size_class from umkm where id = any($1::int8[])`,
      [chunk],
    );
    // In the order given (generation order in a full seed), so the digest does not depend on how ids fell.
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = chunk.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
    const journey = new ColumnBuffer(JOURNEY_COLUMNS);
    const permits = new ColumnBuffer(PERMIT_COLUMNS);
    const sizes = new ColumnBuffer(SIZE_COLUMNS);

    for (const m of ordered) drawMemberActivity(m, env, { journey, permits, sizes });

    await pipeline.add(async () => {
      await journey.flush(q, 'journey_stage');
      await permits.flush(q, 'permit');
      await sizes.flush(q, 'size_class_history');
      counts.journey_stage += journey.length;
      counts.permit += permits.length;
      counts.size_class_history += sizes.length;
      progress.tick(rows.length);
    });
  }
  await pipeline.drain();
  return counts;
}

/** Members loaded by an earlier seed that have no journey yet: what `--only registry-activity` fills in. */
export async function membersWithoutActivity(q: Queryable): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `select u.id from umkm u where u.registration_channel = 'seed' and not exists (select 1 from journey_stage j where j.umkm_id = u.id) order by u.id`,
  );
  return rows.map((r) => r.id);
}

export function registryActivityModule(today?: string): SeedModule {
  return {
    name: 'registry-activity',
    units: (scale) => scale.umkm,
    async run(ctx) {
      return seedRegistryActivity(
        ctx.q,
        ctx.members.map((m) => m.id),
        {
          seed: ctx.seed,
          today: today ?? localDate(new Date()),
          batch: ctx.batch,
          parallel: ctx.parallel,
          progress: ctx.progress,
          digest: ctx.digest,
        },
      );
    },
  };
}
