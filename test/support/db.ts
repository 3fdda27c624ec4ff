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
  if (engine === 'pglite') return freshPglite();
  const runId = inject('pgRunId');
  const name = workerDbName(runId, process.env.VITEST_POOL_ID ?? String(process.pid));
  return (await cloneTemplate(name, 5)).db;
}

async function freshPglite(): Promise<Db> {
  const db = await openPglite();
  await migrate(db);
  return db;
}

/** A PostgreSQL database cloned from the migrated template; `drop` removes it again. */
async function cloneTemplate(name: string, max: number): Promise<{ db: Db; drop: () => Promise<void> }> {
  const adminQuery = async (sql: string) => {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(sql);
    await admin.end();
  };
  await adminQuery(`create database "${name}" template "${templateName(inject('pgRunId'))}"`);
  const db = await openPostgres(urlFor(name), { max });
  await migrate(db); // a no-op on the template clone, kept so a new migration file is always applied
  return { db, drop: () => adminQuery(`drop database if exists "${name}" with (force)`) };
}

/**
 * A migrated database of the test file's own, for tests that need an empty register (the seed generator,
 * the demo): not the worker's shared one. `close` closes it and, on PostgreSQL, drops it.
 */
export async function ownDb(label: string): Promise<{ db: Db; close: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await freshPglite();
    return { db, close: () => db.close() };
  }
  const { db, drop } = await cloneTemplate(`pl_test_${inject('pgRunId')}_${label}${process.pid}`, 3);
  return {
    db,
    close: async () => {
      await db.close();
      await drop();
    },
  };
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
