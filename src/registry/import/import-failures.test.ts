// A member list import that fails: part-way (the committed batches are undone) or because the upload is no spreadsheet.
import { beforeAll, describe, expect, it } from 'vitest';
import { unique } from '../../../test/support/factories.ts';
import { generateList, listToCsv } from '../../../test/support/generate-list.ts';
import { ik, linksOf, multipart, runImport, setUpImport, upload } from '../../../test/support/import.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { batchSize } from './import-batch.ts';

let app: App;
let db: Db;
let admin: string;
let agencyA: number;
let agencyB: number;

beforeAll(async () => {
  await setUpImport();
  ({ app, db, admin, agencyA, agencyB } = ik);
});

describe('member list import', () => {
  it('a failure part-way undoes the batches already committed, and the job says why', async () => {
    const rows = await generateList(db, { rows: 2_500, seed: Number.parseInt(unique().slice(0, 7), 16) });
    const job = await upload(listToCsv(rows), 'rusak.csv', agencyB, 'text/csv');
    expect(job.phase).toBe('ready');
    await db.query(
      `update import_row set data = jsonb_set(data, '{u,kbli}', '["00000"]') where job_id = $1 and row_no = 2400`,
      [job.id],
    );
    const before = await linksOf(agencyB);
    const failed = await runImport(job);
    expect(failed.phase).toBe('failed');
    expect(failed.message.en).toContain('undone');
    expect(await linksOf(agencyB)).toBe(before);
    const actions = (
      await db.query<{ action: string }>(
        `select action from audit_log where entity_type = 'import_job' and entity_id = $1 order by id`,
        [String(job.id)],
      )
    ).map((a) => a.action);
    const committed = Math.floor(2_398 / batchSize(db.engine)); // row 2400 is the 2,399th data row
    expect(actions.filter((a) => a === 'import.batch')).toHaveLength(committed);
    expect(actions.filter((a) => a === 'import.revert_batch')).toHaveLength(committed);
    // The server carries on.
    expect(
      (await app.inject({ method: 'GET', url: '/api/registry/import-jobs', headers: { cookie: admin } })).statusCode,
    ).toBe(200);
  }, 60_000);

  it('refuses what is not a spreadsheet upload with 4xx', async () => {
    const json = await app.inject({
      method: 'POST',
      url: `/api/registry/import-jobs?fosteringAgencyId=${agencyA}`,
      payload: { a: 1 },
      headers: { cookie: admin },
    });
    expect(json.statusCode).toBe(415);
    const exe = multipart(Buffer.from('MZ\0\0binary'), 'virus.exe', 'application/octet-stream');
    const res = await app.inject({
      method: 'POST',
      url: `/api/registry/import-jobs?fosteringAgencyId=${agencyA}`,
      payload: exe.payload,
      headers: { cookie: admin, 'content-type': exe.contentType },
    });
    expect(res.statusCode).toBe(415);
    const noCols = await upload(Buffer.from('nama,alamat\r\nA,B\r\n'), 'salah.csv', agencyA, 'text/csv');
    expect(noCols).toMatchObject({ phase: 'failed', message: { code: 'missing_columns' } });
  });
});
