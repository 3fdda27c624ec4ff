// Which jobs a starting server takes over (issue 12): those whose process is gone, never a live one's.
import os from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/support/db.ts';
import { makeAccount, unique } from '../../../test/support/factories.ts';
import type { Db } from '../../platform/db/types.ts';
import { backgroundIdle } from './background.ts';
import { watchInterruptedImports } from './routes.ts';
import { RUNNER, runnerGone } from './runner.ts';

let db: Db;
beforeAll(async () => {
  db = await testDb();
});

const host = os.hostname();
const DEAD_PID = 4_194_000; // above any pid this machine has handed out
const soon = new Date(Date.now() + 60_000);
const past = new Date(Date.now() - 1_000);

describe('runnerGone', () => {
  it('on this host asks whether the process lives; elsewhere, whether the lease expired', () => {
    expect(runnerGone(RUNNER, soon)).toBe(false);
    expect(runnerGone(RUNNER, past)).toBe(false); // a slow batch of a live process is not taken from it
    expect(runnerGone(`${host}:${process.pid}:oldboot`, soon)).toBe(true); // this pid, an earlier life (a restarted container)
    expect(runnerGone(`${host}:${DEAD_PID}:x`, soon)).toBe(true);
    expect(runnerGone(`${host}:${process.ppid}:x`, soon)).toBe(false);
    expect(runnerGone(`elsewhere-${unique()}:1:x`, soon)).toBe(false);
    expect(runnerGone(`elsewhere-${unique()}:1:x`, past)).toBe(true);
    expect(runnerGone(null, null)).toBe(true);
  });
});

describe('a dry run whose server died', () => {
  it("fails asking for the file again, and its staged rows are deleted; a live process's dry run is left alone", async () => {
    const admin = await makeAccount(db, [{ role: 'platform_admin' }], { totp: true });
    const job = async (runner: string) => {
      const [j] = await db.query<{ id: number }>(
        `insert into import_job (created_by, file_name, file_kind, status, rows_total, runner, lease_until) values ($1, 'a.csv', 'csv', 'staged', 2, $2, now() + interval '1 minute') returning id`,
        [admin.id, runner],
      );
      await db.query(
        `insert into import_row (job_id, row_no, data) values ($1, 2, '{"o": {"nik_enc": "x"}}'), ($1, 3, '{}')`,
        [j!.id],
      );
      return j!.id;
    };
    const dead = await job(`${host}:${DEAD_PID}:x`);
    const alive = await job(`${host}:${process.ppid}:x`);
    const stop = watchInterruptedImports(db, { info() {}, error() {} } as never);
    stop();
    for (
      let i = 0;
      i < 100 && (await db.query(`select 1 from import_job where id = $1 and status = 'staged'`, [dead])).length;
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    await backgroundIdle();
    const rows = await db.query<{ id: number; status: string; message: string | null; staged: number }>(
      `select id, status, message, (select count(*)::int from import_row r where r.job_id = j.id) as staged from import_job j where id = any($1::int8[]) order by id`,
      [[dead, alive]],
    );
    expect(rows[0]).toMatchObject({ status: 'failed', staged: 0 });
    expect(JSON.parse(rows[0]!.message!)).toMatchObject({
      code: 'check_interrupted',
      id: expect.stringMatching(/Unggah/),
      en: expect.stringMatching(/Upload/),
    });
    expect(rows[1]).toMatchObject({ status: 'staged', staged: 2 });
  });
});
