import type crypto from 'node:crypto';
import type { Queryable } from '../platform/db/types.ts';
import type { PersonalDataKeys } from '../platform/personal-data.ts';
import type { Geography } from './geography.ts';
import type { Rng } from './prng.ts';
import type { Progress } from './progress.ts';

/** How much to generate. `demo` and `jakarta` are named; tests pass a small custom number of members. */
export interface Scale {
  name: string;
  umkm: number;
  products: number;
}

export const SCALES: Record<string, Scale> = {
  demo: { name: 'demo', umkm: 2_000, products: 8_000 },
  jakarta: { name: 'jakarta', umkm: 385_000, products: 1_500_000 },
};

/** `demo`, `jakarta`, or a number of members (products ≈ 3.9 each, as at jakarta scale). */
export function parseScale(text: string | number | Partial<Scale>): Scale {
  if (typeof text === 'object') {
    if (text.name && text.umkm && text.products) return text as Scale;
    const umkm = text.umkm ?? 300;
    return {
      name: text.name ?? `custom-${umkm}`,
      umkm,
      products: text.products ?? Math.round((umkm * 1_500_000) / 385_000),
    };
  }
  const named = SCALES[String(text)];
  if (named) return named;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`unknown scale "${text}": use demo, jakarta or a number of UMKM`);
  return parseScale({ umkm: n });
}

/** What the registry generated about each member, for the modules that come after it (catalog, later: orders). */
export interface Member {
  id: number;
  line: number; // index into the business lines vocabulary
  name: string;
  brand: string; // "Bu Sari": how the owner signs the products
  village: number; // index into geography.villages
  sizeClass: 'micro' | 'small' | 'medium';
  registeredAt: number; // epoch ms
}

export interface SeedContext {
  q: Queryable;
  scale: Scale;
  seed: number;
  /** A PRNG stream of its own for each module (and sub-stream), so modules do not disturb each other. */
  rng(stream: string): Rng;
  geography: Geography;
  keys: PersonalDataKeys;
  progress: Progress;
  log: (msg: string) => void;
  /** Filled by the registry module; read by those that follow. */
  members: Member[];
  /** Running digest of generated names and prices: same seed, same digest. */
  digest: crypto.Hash;
  /** Members per insert statement (products: twice as many rows). */
  batch: number;
  /** Insert statements in flight at once (see Pipeline). */
  parallel: number;
}

/**
 * One bounded context's share of the data. A later issue adds its own (accounts, a year of orders, …) by
 * appending a module to the list in index.ts; `units` sizes the progress bar.
 */
export interface SeedModule {
  name: string;
  units(scale: Scale): number;
  run(ctx: SeedContext): Promise<Record<string, number>>;
}
