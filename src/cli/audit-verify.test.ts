import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { engine, testDb } from '../../test/support/db.ts';
import { audit } from '../platform/audit.ts';
import { SYSTEM } from '../platform/auth/actor.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openPglite } from '../platform/db/pglite.ts';
import type { Db } from '../platform/db/types.ts';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

/** A database the CLI can open from outside this process: the worker's server database, or a PGlite directory. */
async function target(): Promise<{ env: NodeJS.ProcessEnv; open: () => Promise<Db>; done: (db: Db) => Promise<void> }> {
  if (engine === 'postgres') {
    const db = await testDb();
    const [{ name } = { name: '' }] = await db.query<{ name: string }>('select current_database() as name');
    const url = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
    url.pathname = `/${name}`;
    return { env: { DATABASE_URL: url.toString() }, open: async () => db, done: async () => {} };
  }
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pl-audit-')), 'pglite');
  return {
    env: { DATABASE_URL: '', PGLITE_DIR: dir },
    open: async () => {
      const db = await openPglite(dir);
      await migrate(db);
      return db;
    },
    done: (db) => db.close(),
  };
}

/** What a superuser bypassing every trigger does. */
const bypassTriggers = (db: Db, sql: string, params: unknown[]) =>
  db.transaction(async (tx) => {
    await tx.exec('set local session_replication_role = replica');
    await tx.query(sql, params);
  });

const verify = (env: NodeJS.ProcessEnv) =>
  run(tsx, ['src/cli/audit-verify.ts'], { env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

describe('npm run audit:verify', () => {
  it('exits 0 on an intact log and non-zero naming the row a superuser altered with triggers disabled', async () => {
    const t = await target();
    let db = await t.open();
    const entity = `cli-${Math.random()}`;
    await db.transaction((tx) =>
      audit(tx, SYSTEM('test'), { action: 'test.one', entityType: 'test', entityId: entity, after: { v: 1 } }),
    );
    const [{ id } = { id: 0 }] = await db.query<{ id: number }>(
      `select max(id) as id from audit_log where entity_id = $1`,
      [entity],
    );
    await t.done(db);

    const ok = await verify(t.env);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('"intact":true');

    db = await t.open();
    await bypassTriggers(db, `update audit_log set actor_label = 'someone else' where id = $1`, [id]);
    await t.done(db);
    const bad = await verify(t.env);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`row id ${id}`);

    // Put it back (the worker's database is shared with other test files).
    db = await t.open();
    await bypassTriggers(db, `update audit_log set actor_label = 'system:test' where id = $1`, [id]);
    await t.done(db);
    expect((await verify(t.env)).code).toBe(0);
  }, 60_000);
});
