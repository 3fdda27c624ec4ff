// The seed orchestrator: loads reference context (regions, profile), then runs each context's module in order.
// Later issues add "their own year of activity" (accounts, orders, editions, …) by appending a module to
// seedModules(); every scale, jakarta included, always runs all of them.
import crypto from 'node:crypto';
import type { Queryable } from '../platform/db/types.ts';
import { type PersonalDataKeys, personalDataKeys } from '../platform/personal-data.ts';
import { capitalModule } from './capital.ts';
import { catalogModule } from './catalog.ts';
import { parseScale, type Scale, type SeedContext, type SeedModule } from './context.ts';
import { loadGeography } from './geography.ts';
import { jblActivityModule } from './jbl-activity.ts';
import { mallModule } from './mall.ts';
import { mulberry32, streamSeed } from './prng.ts';
import { procurementModule } from './procurement.ts';
import { type Progress, silentProgress } from './progress.ts';
import { registryModule } from './registry.ts';
import { registryActivityModule } from './registry-activity.ts';
import { loadProfile } from './vocabulary.ts';

export const DEFAULT_SEED = 20211025; // the day of the Kompas article the mission comes from

/** `today`: the reference day (WIB) permit expiry dates are drawn around and the year of e-Order orders ends on. */
export function seedModules(profile = 'jakarta', today?: string): SeedModule[] {
  return [
    registryModule(profile),
    catalogModule(),
    procurementModule(profile, today),
    mallModule(profile),
    capitalModule(profile),
    registryActivityModule(today),
    jblActivityModule(today),
  ];
}

export interface SeedOptions {
  scale: Scale | string | number | Partial<Scale>;
  seed?: number;
  profile?: string;
  /** Given the total of work units (members + products), returns the progress display. */
  progress?: (total: number) => Progress;
  log?: (msg: string) => void;
  keys?: PersonalDataKeys;
  /** Members per insert batch (products: twice as many rows). */
  batch?: number;
  /** Insert statements in flight; default 2 on a PostgreSQL pool, 1 in a transaction or on PGlite. */
  parallel?: number;
  /** The reference day (WIB, YYYY-MM-DD) for permit expiry dates; default today. Fix it for reproducible rows. */
  today?: string;
  /** Run ANALYZE afterwards so the planner knows the new sizes (default true). */
  analyze?: boolean;
}

export interface SeedReport {
  scale: Scale;
  seed: number;
  seconds: number;
  rows: Record<string, number>;
  moduleSeconds: Record<string, number>;
  /** sha256 of the generated names and prices, in generation order: equal seeds give equal checksums. */
  checksum: string;
}

export async function countMembers(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>('select count(*)::int8 as n from umkm');
  return row?.n ?? 0;
}

export async function runSeed(q: Queryable, opts: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const scale = parseScale(opts.scale);
  const seed = opts.seed ?? DEFAULT_SEED;
  const profile = opts.profile ?? 'jakarta';
  const modules = seedModules(profile, opts.today);
  const log = opts.log ?? (() => {});
  const total = modules.reduce((a, m) => a + m.units(scale), 0);
  const ctx: SeedContext = {
    q,
    scale,
    seed,
    rng: (stream) => mulberry32(streamSeed(seed, stream)),
    geography: await loadGeography(q, loadProfile(profile).city_weights),
    keys: opts.keys ?? personalDataKeys(),
    progress: opts.progress?.(total) ?? silentProgress,
    log,
    members: [],
    digest: crypto.createHash('sha256'),
    batch: opts.batch ?? 5_000,
    parallel: opts.parallel ?? (q.engine === 'postgres' && 'transaction' in q ? 2 : 1),
  };
  const rows: Record<string, number> = {};
  const moduleSeconds: Record<string, number> = {};
  for (const m of modules) {
    const t = performance.now();
    Object.assign(rows, await m.run(ctx));
    moduleSeconds[m.name] = Math.round(performance.now() - t) / 1000;
  }
  if (opts.analyze ?? true) {
    const t = performance.now();
    await q.exec('analyze');
    moduleSeconds.analyze = Math.round(performance.now() - t) / 1000;
  }
  ctx.progress.done();
  return {
    scale,
    seed,
    seconds: Math.round(performance.now() - started) / 1000,
    rows,
    moduleSeconds,
    checksum: ctx.digest.digest('hex'),
  };
}
