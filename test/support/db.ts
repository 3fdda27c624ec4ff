import { inject } from 'vitest';
import pg from 'pg';
import type { App } from '../../src/platform/http/server.ts';
import { createApp } from '../../src/app.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import type { Db } from '../../src/platform/db/types.ts';
import { adminUrl, templateName, urlFor, workerDbName } from './pg-names.ts';

export const engine = (process.env.TEST_ENGINE ?? 'pglite') as 'pglite' | 'postgres';

let shared: Promise<Db> | undefined;

/**
 * The worker's database, migrated, shared by every test file the worker runs. Tests make their own rows
 * (factories with unique values) and never assume an empty table.
 */
export function testDb(): Promise<Db> {
  shared ??= open();
  return shared;
}

async function open(): Promise<Db> {
  if (engine === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return db;
  }
  const runId = inject('pgRunId');
  const name = workerDbName(runId, process.env.VITEST_POOL_ID ?? String(process.pid));
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database "${name}" template "${templateName(runId)}"`);
  await admin.end();
  const db = await openPostgres(urlFor(name), { max: 5 });
  await migrate(db); // a no-op on the template clone, kept so a new migration file is always applied
  return db;
}

let app: Promise<App> | undefined;

/** The whole HTTP app over the worker's database, for `app.inject` tests. */
export function testApp(): Promise<App> {
  app ??= testDb().then(async (db) => {
    const a = await createApp({ db, state: { ready: true } }, 'silent');
    await a.ready();
    return a;
  });
  return app;
}
