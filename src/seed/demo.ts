import type { Db } from '../platform/db/types.ts';

/** Loads the demo scale (≈2,000 UMKM) into an empty database; does nothing when members exist. */
export async function loadDemoDataIfEmpty(db: Db, _log: (msg: string) => void): Promise<{ umkm: number; products: number } | undefined> {
  const [row] = await db.query<{ n: number }>('select count(*) as n from umkm');
  if ((row?.n ?? 0) > 0) return undefined;
  return undefined; // TODO(seed): the generator lands in the next commit
}
