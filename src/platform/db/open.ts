import type { Db } from './types.ts';

/** The database role the server runs as (created by migration 0010). */
export const APP_ROLE = 'pasar_lokal_app';

export interface DbConfig {
  databaseUrl?: string;
  pgliteDir?: string;
}

/** `DATABASE_URL` chooses a PostgreSQL server; otherwise the embedded PGlite in `PGLITE_DIR` (default ./data/pglite). */
export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR || './data/pglite' };
}

export async function openDb(cfg: DbConfig = dbConfigFromEnv()): Promise<Db> {
  if (cfg.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(cfg.databaseUrl);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(cfg.pgliteDir);
}

export async function serverVersion(db: Db): Promise<string> {
  const [row] = await db.query<{ v: string }>(`select current_setting('server_version') as v`);
  return row?.v ?? 'unknown';
}
