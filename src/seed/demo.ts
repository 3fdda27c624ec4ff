import type { Db } from '../platform/db/types.ts';
import { countMembers, runSeed } from './index.ts';

/**
 * Loads the demo scale (≈2,000 UMKM, ≈8,000 products, the agencies, malls and lenders) into an empty database;
 * does nothing when members exist. One transaction: a start interrupted halfway leaves no half-loaded demo.
 */
export async function loadDemoDataIfEmpty(
  db: Db,
  log: (msg: string) => void,
): Promise<{ umkm: number; products: number } | undefined> {
  if ((await countMembers(db)) > 0) return undefined;
  log('Database kosong: memuat data demo (≈2.000 UMKM) / empty database: loading demo data (≈2,000 UMKM)…');
  const report = await db.transaction(async (tx) => {
    // Two instances starting at once on one PostgreSQL: the second waits here, then finds the members.
    await tx.query('select pg_advisory_xact_lock(7461028)');
    if ((await countMembers(tx)) > 0) return undefined;
    return runSeed(tx, { scale: 'demo', log });
  });
  if (!report) return undefined;
  return { umkm: report.rows.umkm ?? 0, products: report.rows.product ?? 0 };
}
