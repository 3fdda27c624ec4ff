// Issue 12: an import whose server is killed (SIGKILL, mid-file) never stays stuck. A real server process runs
// the import; the test kills it once some batches are committed, starts a new one on the same database, and
// checks both ways out: the new server resumes and finishes with exactly the file's members, or the admin
// reverts and every member the job created is gone. Either way no staged row (with its encrypted NIK) is left.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { engine } from '../../../test/support/db.ts';
import { makeAccount, unique } from '../../../test/support/factories.ts';
import { adminUrl, templateName, urlFor } from '../../../test/support/pg-names.ts';
import { createSession } from '../../platform/auth/session.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { openPglite } from '../../platform/db/pglite.ts';
import { openPostgres } from '../../platform/db/postgres.ts';
import type { Db } from '../../platform/db/types.ts';
import { generateList, listToCsv } from '../../../test/support/generate-list.ts';

const root = new URL('../../..', import.meta.url).pathname;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-import-kill-'));
const pgName = `pl_test_${inject('pgRunId')}_kill${process.pid}`;
const env: Record<string, string> =
  engine === 'postgres' ? { DATABASE_URL: urlFor(pgName) } : { DATABASE_URL: '', PGLITE_DIR: path.join(tmp, 'pglite') };

let server: ChildProcess | undefined;
let base = '';
let cookie = '';
let agency = 0;

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  await c.query(sql);
  await c.end();
}

/** The database, opened by the test while no server holds it (PGlite allows one process per directory). */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = engine === 'postgres' ? await openPostgres(urlFor(pgName), { max: 2 }) : await openPglite(env.PGLITE_DIR);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts `src/main.ts` as `npm start` does and waits until it answers. */
async function startServer(batchRows = 0) {
  const port = await freePort();
  // node itself with tsx's loader (not the tsx CLI, which runs the server in a child): SIGKILL must hit the server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PL_DEMO_DATA: '0',
      LOG_LEVEL: 'warn',
      PL_IMPORT_BATCH_ROWS: batchRows ? String(batchRows) : '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  server = child;
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error('server did not become healthy in 90 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stopServer(signal: 'SIGKILL' | 'SIGTERM') {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
  server = undefined;
}

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & {
      phase: string;
      rowsTotal: number;
      rowsDone: number;
      rowsNew: number;
    },
  };
}

/** Uploads a fresh list of `rows` members, waits for the dry run, starts the import, and SIGKILLs the server once ≥ 800 rows are in. */
async function importAndKill(rows: number): Promise<number> {
  const list = await withDb((db) => generateList(db, { rows, seed: Number.parseInt(unique().slice(0, 7), 16) }));
  await startServer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(listToCsv(list))], { type: 'text/csv' }), 'anggota.csv');
  const up = await fetch(`${base}/api/registry/import-jobs?fosteringAgencyId=${agency}`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  expect(up.status, await up.clone().text()).toBe(202);
  const jobId = ((await up.json()) as { id: number }).id;
  let job = (await call('GET', `/api/registry/import-jobs/${jobId}`)).body;
  while (job.phase === 'checking') job = (await call('GET', `/api/registry/import-jobs/${jobId}`)).body;
  expect(job.phase, JSON.stringify(job)).toBe('ready');
  expect((await call('POST', `/api/registry/import-jobs/${jobId}/import`, { rowsTotal: rows })).status).toBe(202);
  for (;;) {
    job = (await call('GET', `/api/registry/import-jobs/${jobId}`)).body;
    expect(job.phase).toBe('importing'); // killed before the end, or the test proves nothing
    if (job.rowsDone >= 800) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  await stopServer('SIGKILL');
  return jobId;
}

const state = (jobId: number) =>
  withDb(async (db) => {
    const [s] = await db.query<{ status: string; staged: number; members: number }>(
      `select status, (select count(*)::int from import_row where job_id = $1) as staged,
              (select count(*)::int from journey_stage where evidence->>'importJobId' = $1::text) as members
         from import_job where id = $1`,
      [jobId],
    );
    return s!;
  });

async function waitWhile(jobId: number, phases: string[]) {
  for (;;) {
    const { body } = await call('GET', `/api/registry/import-jobs/${jobId}`);
    if (!phases.includes(body.phase)) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  if (engine === 'postgres')
    await adminQuery(`create database "${pgName}" template "${templateName(inject('pgRunId'))}"`);
  await withDb(async (db) => {
    await migrate(db);
    const admin = await makeAccount(db, [{ role: 'platform_admin' }], { totp: true });
    cookie = `pl_session=${(await db.transaction((tx) => createSession(tx, admin.id))).token}`;
    agency = (
      await db.query<{ id: number }>('insert into fostering_agency (code, name) values ($1, $2) returning id', [
        `KIL-${unique()}`,
        `Pengampu ${unique()}`,
      ])
    )[0]!.id;
  });
}, 120_000);

afterAll(async () => {
  await stopServer('SIGKILL');
  if (engine === 'postgres') await adminQuery(`drop database if exists "${pgName}" with (force)`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('an import whose server is killed mid-file', () => {
  it("resumes on the next server start and ends with exactly the file's members and no staged rows", async () => {
    const rows = 5_000;
    const jobId = await importAndKill(rows);
    const killed = await state(jobId);
    expect(killed.status).toBe('importing');
    expect(killed.members).toBeGreaterThanOrEqual(800);
    expect(killed.members).toBeLessThan(rows);

    await startServer();
    const job = await waitWhile(jobId, ['importing']);
    expect(job).toMatchObject({ phase: 'imported', rowsTotal: rows, rowsDone: rows, rowsNew: rows });
    await stopServer('SIGTERM');
    expect(await state(jobId)).toEqual({ status: 'imported', staged: 0, members: rows });
  }, 240_000);

  it('is reverted by the admin: the members it created are gone, and so are its staged rows', async () => {
    const rows = 5_000;
    const jobId = await importAndKill(rows);
    expect((await state(jobId)).members).toBeGreaterThanOrEqual(800);

    // The new server resumes at once; in batches of 50 rows it takes seconds, so the admin's revert meets it
    // running: the revert stops it and undoes every committed batch, those before the kill and those after.
    await startServer(50);
    const revert = await call('POST', `/api/registry/import-jobs/${jobId}/revert`);
    expect(revert.status, JSON.stringify(revert.body)).toBe(202);
    const job = await waitWhile(jobId, ['importing', 'reverting']);
    expect(job).toMatchObject({ phase: 'reverted', rowsNew: 0, canRevert: false, canImport: false });
    expect((await call('POST', `/api/registry/import-jobs/${jobId}/revert`)).body).toMatchObject({
      code: 'import_not_revertable',
    });
    await stopServer('SIGTERM');
    expect(await state(jobId)).toEqual({ status: 'reverted', staged: 0, members: 0 });
  }, 240_000);
});
