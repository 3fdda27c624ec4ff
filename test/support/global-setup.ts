import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import { adminUrl, templateName, urlFor } from './pg-names.ts';

/**
 * For the postgres project: migrate one template database per run; each worker clones it (CREATE DATABASE …
 * TEMPLATE is a file copy, far faster than migrating again). Databases of this run are dropped at the end, and
 * those left by runs that died more than a day ago are cleaned up too.
 */
export default async function setup(project: TestProject) {
  if (project.config.env?.TEST_ENGINE !== 'postgres') return;
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  project.provide('pgRunId', runId);
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const stale = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like 'pl_test_%' and datname < $1`,
    [`pl_test_${(Date.now() - 86_400_000).toString(36)}`],
  );
  for (const r of stale.rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
  const template = templateName(runId);
  await admin.query(`create database "${template}"`);
  const db = await openPostgres(urlFor(template), { max: 1 });
  await migrate(db);
  await db.close();
  return async () => {
    const own = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `pl_test_${runId}%`,
    ]);
    for (const r of own.rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgRunId: string;
  }
}
