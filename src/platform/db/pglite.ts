import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type DirLock, lockDataDir } from './lock.ts';
import { preparedQuery } from './pglite-prepared.ts';
import type { Db, QueryOptions, Queryable, Tx } from './types.ts';

const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

type PGliteLike = Pick<PGlite, 'query' | 'exec'>;

function wrap(pgl: PGliteLike): Queryable {
  return {
    engine: 'pglite',
    async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      // Prepared only outside a transaction (a transaction's handle has no protocol interface).
      if (options?.prepare && pgl instanceof PGlite) return preparedQuery<T>(pgl, sql, params);
      const res = await pgl.query<T>(sql, params as unknown[] | undefined);
      return res.rows;
    },
    async exec(sql: string) {
      await pgl.exec(sql);
    },
  };
}

/** Opens the embedded database. `dataDir` undefined means in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  const lock: DirLock | undefined = dataDir ? lockDataDir(dataDir) : undefined;
  let pgl: PGlite;
  try {
    pgl = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent }, parsers });
    await pgl.exec(`set timezone = 'UTC'`);
  } catch (e) {
    lock?.release();
    throw e;
  }
  const base = wrap(pgl);
  return {
    ...base,
    location: dataDir ?? 'memory',
    async useRole(role: string) {
      await pgl.exec(`set role ${role}`); // one connection: setting it once holds for the process
    },
    transaction<T>(fn: (tx: Tx) => Promise<T>) {
      return pgl.transaction((t) => fn(wrap(t)));
    },
    async close() {
      try {
        await pgl.close();
      } finally {
        lock?.release();
      }
    },
  };
}
