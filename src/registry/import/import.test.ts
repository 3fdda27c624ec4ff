// Spreadsheet import and export of the register, through the HTTP API as an admin's browser would use it.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { makeAccount, makeUmkm, unique } from '../../../test/support/factories.ts';
import { createSession } from '../../platform/auth/session.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { batchSize } from './import-batch.ts';
import { generateList, type ListRow, listToCsv, listToXlsx } from '../../../test/support/generate-list.ts';

let app: App;
let db: Db;
let admin: string;
let agencyA: number;
let agencyB: number;
let list: ListRow[];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function cookieOf(grants: Parameters<typeof makeAccount>[1], totp = false) {
  const acc = await makeAccount(db, grants, { totp });
  const s = await db.transaction((tx) => createSession(tx, acc.id));
  return `pl_session=${s.token}`;
}

function multipart(file: Buffer, filename: string, type: string) {
  const boundary = `----pl${unique()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function waitFor(jobId: number) {
  for (;;) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/registry/import-jobs/${jobId}`,
      headers: { cookie: admin },
    });
    const job = res.json();
    if (!['checking', 'importing'].includes(job.phase)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function upload(file: Buffer, filename: string, agency: number, type = XLSX) {
  const m = multipart(file, filename, type);
  const res = await app.inject({
    method: 'POST',
    url: `/api/registry/import-jobs?fosteringAgencyId=${agency}`,
    payload: m.payload,
    headers: { cookie: admin, 'content-type': m.contentType },
  });
  expect(res.statusCode, res.body).toBe(202);
  return waitFor(res.json().id);
}

async function runImport(job: { id: number; rowsTotal: number }) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/registry/import-jobs/${job.id}/import`,
    payload: { rowsTotal: job.rowsTotal },
    headers: { cookie: admin },
  });
  expect(res.statusCode, res.body).toBe(202);
  return waitFor(job.id);
}

const linksOf = async (agency: number) =>
  (await db.query<{ n: number }>('select count(*)::int8 as n from fostering_link where agency_id = $1', [agency]))[0]!
    .n;

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  admin = await cookieOf([{ role: 'platform_admin' }], true);
  const mk = async () =>
    (
      await db.query<{ id: number }>('insert into fostering_agency (code, name) values ($1, $2) returning id', [
        `IMP-${unique()}`,
        `Pengampu Impor ${unique()}`,
      ])
    )[0]!.id;
  agencyA = await mk();
  agencyB = await mk();
  list = await generateList(db, { rows: 10_000, seed: Number.parseInt(unique().slice(0, 7), 16) });
});

describe('member list import', () => {
  it('serves a template whose example row passes the dry run', async () => {
    const t = await app.inject({
      method: 'GET',
      url: '/api/registry/import-template.xlsx',
      headers: { cookie: admin },
    });
    expect(t.statusCode).toBe(200);
    const job = await upload(t.rawPayload, 'templat-anggota.xlsx', agencyB);
    expect(job.phase, JSON.stringify(job)).toBe('ready');
    expect(job.rowsTotal).toBe(1);
    const csv = await app.inject({
      method: 'GET',
      url: '/api/registry/import-template.csv',
      headers: { cookie: admin },
    });
    expect(csv.body).toContain('nama_pemilik,nik,no_hp');
  });

  it('a 10,000-row file with one bad row imports nothing and reports exactly that row; fixed, it imports all; again, nothing changes', async () => {
    const bad = list.map((r, i) => (i === 4321 ? { ...r, nik: `${String(r.nik).slice(0, 12)}0000` } : r));
    let t = performance.now();
    const job = await upload(await listToXlsx(bad), 'anggota.xlsx', agencyA);
    const dryRunMs = performance.now() - t;
    expect(job).toMatchObject({ phase: 'has_errors', rowsTotal: 10_000, rowsBad: 1, canImport: false });
    const errors = (
      await app.inject({ method: 'GET', url: `/api/registry/import-jobs/${job.id}/errors`, headers: { cookie: admin } })
    ).json();
    expect(errors.items).toEqual([
      {
        row: 4323,
        column: 'nik',
        code: 'nik_serial',
        message: { id: expect.stringContaining('0000'), en: expect.stringContaining('0000') },
      },
    ]);
    const report = await app.inject({
      method: 'GET',
      url: `/api/registry/import-jobs/${job.id}/errors.csv`,
      headers: { cookie: admin },
    });
    expect(report.body.trim().split('\r\n')).toHaveLength(2);
    expect(report.body).toContain('4323,nik,nik_serial');
    const refused = await app.inject({
      method: 'POST',
      url: `/api/registry/import-jobs/${job.id}/import`,
      payload: { rowsTotal: 10_000 },
      headers: { cookie: admin },
    });
    expect(refused.statusCode).toBe(409);
    expect(await linksOf(agencyA)).toBe(0);
    // Only the bad row stays staged, with no personal data.
    expect((await db.query('select data from import_row where job_id = $1', [job.id])).map((r) => r.data)).toEqual([
      { label: expect.any(String) },
    ]);

    const fixed = await upload(await listToXlsx(list), 'anggota-perbaikan.xlsx', agencyA);
    expect(fixed).toMatchObject({
      phase: 'ready',
      rowsBad: 0,
      canImport: true,
      preview: { create: 10_000, link: 0, unchanged: 0 },
    });
    // The staged NIK is ciphertext, never the number itself.
    const [staged] = await db.query<{ data: string }>(
      'select data::text as data from import_row where job_id = $1 order by row_no limit 1',
      [fixed.id],
    );
    expect(staged!.data).not.toContain(String(list[0]!.nik));

    // Other users keep working while the import runs: measure the longest wait of a read and a write.
    const other = await makeUmkm(db, String(list[0]!.kelurahan));
    let probing = true;
    let longest = 0;
    let probes = 0;
    const probe = (async () => {
      while (probing) {
        // Measured from when the probe wanted to run, so a blocked event loop (PGlite runs in this thread) counts too.
        const s = performance.now();
        await new Promise((r) => setTimeout(r, 5));
        await db.query('select count(*) from umkm where village_code = $1', [list[0]!.kelurahan]);
        await db.transaction((tx) => tx.query('update umkm set updated_at = updated_at where id = $1', [other.umkmId]));
        longest = Math.max(longest, performance.now() - s - 5);
        probes++;
      }
    })();
    t = performance.now();
    const done = await runImport(fixed);
    const importMs = performance.now() - t;
    probing = false;
    await probe;
    console.info(
      `import 10k on ${db.engine}: dry run ${Math.round(dryRunMs)} ms, import ${Math.round(importMs)} ms, longest wait of another user ${Math.round(longest)} ms over ${probes} probes`,
    );
    expect(done).toMatchObject({
      phase: 'imported',
      rowsNew: 10_000,
      rowsLinked: 0,
      rowsUnchanged: 0,
      rowsDone: 10_000,
    });
    // Batches, not one long transaction: a wait is a small part of the whole import, however loaded the machine.
    expect(longest).toBeLessThan(Math.max(1000, importMs / 2));
    expect(await linksOf(agencyA)).toBe(10_000);
    const [facts] = await db.query<{ umkm: number; p1: number; hist: number; imported: number }>(
      `select count(*)::int8 as umkm, count(j.umkm_id)::int8 as p1, count(h.umkm_id)::int8 as hist, count(*) filter (where u.registration_channel = 'import')::int8 as imported
         from fostering_link f join umkm u on u.id = f.umkm_id left join journey_stage j on j.umkm_id = u.id and j.stage = 1
         left join (select distinct umkm_id from size_class_history) h on h.umkm_id = u.id where f.agency_id = $1`,
      [agencyA],
    );
    expect(facts).toEqual({ umkm: 10_000, p1: 10_000, hist: 10_000, imported: 10_000 });
    const audits = await db.query<{ action: string }>(
      `select action from audit_log where entity_type = 'import_job' and entity_id = $1`,
      [String(fixed.id)],
    );
    expect(audits.filter((a) => a.action === 'import.batch')).toHaveLength(10_000 / batchSize(db.engine));
    expect(await db.query('select 1 from import_row where job_id = $1', [fixed.id])).toEqual([]); // staging purged

    const again = await upload(listToCsv(list), 'anggota-lagi.csv', agencyA, 'text/csv');
    expect(again).toMatchObject({ phase: 'ready', preview: { create: 0, link: 0, unchanged: 10_000 } });
    expect(await runImport(again)).toMatchObject({
      phase: 'imported',
      rowsNew: 0,
      rowsLinked: 0,
      rowsUnchanged: 10_000,
    });
    expect(await linksOf(agencyA)).toBe(10_000);
  }, 180_000);

  it('a NIK registered under another pengampu becomes a fostering link; counts per pengampu and the de-duplicated total agree', async () => {
    const rows = list.slice(0, 3).map((r) => ({ ...r, nib: '' }));
    const job = await upload(listToCsv(rows), 'pengampu-b.csv', agencyB, 'text/csv');
    expect(job.preview).toEqual({ create: 0, link: 3, unchanged: 0 });
    expect(await runImport(job)).toMatchObject({ phase: 'imported', rowsNew: 0, rowsLinked: 3 });
    const [c] = await db.query<{ a: number; b: number; total: number }>(
      `select count(*) filter (where agency_id = $1)::int8 as a, count(*) filter (where agency_id = $2)::int8 as b, count(distinct umkm_id)::int8 as total
         from fostering_link where agency_id in ($1, $2)`,
      [agencyA, agencyB],
    );
    expect(c).toEqual({ a: 10_000, b: 3, total: 10_000 });
  });

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

describe('register export', () => {
  async function exportAs(cookie: string, query: string, format: 'csv' | 'xlsx' = 'csv') {
    const res = await app.inject({
      method: 'GET',
      url: `/api/registry/export.${format}?${query}`,
      headers: { cookie },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  }
  const csvRows = (body: string) =>
    body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));

  it('masks NIK for a pengampu officer, who sees only its own members', async () => {
    const officer = await cookieOf([{ role: 'pengampu_officer', scopeId: String(agencyB) }]);
    const rows = csvRows((await exportAs(officer, '')).body);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const niks = new Set(list.slice(0, 3).map((r) => String(r.nik)));
    for (const r of rows) expect(r[2]).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect(rows.some((r) => niks.has(r[2]!))).toBe(false);
    const all = (
      await db.query<{ n: number }>(
        'select count(distinct umkm_id)::int8 as n from fostering_link where agency_id = $1',
        [agencyB],
      )
    )[0]!.n;
    expect(rows).toHaveLength(all);
    const summary = (
      await app.inject({ method: 'GET', url: '/api/registry/export/summary', headers: { cookie: officer } })
    ).json();
    expect(summary).toMatchObject({ rows: all, nikMasked: true });
  });

  it('shows NIK to an admin and records the export in the audit log with its row count', async () => {
    const res = await exportAs(admin, `pengampu=${agencyB}`, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const niks: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) niks.push(String(row.getCell(3).value));
    });
    for (const r of list.slice(0, 3)) expect(niks).toContain(String(r.nik));
    const [a] = await db.query<{ after: { rows: number } }>(
      `select after from audit_log where action = 'registry.export_unmasked' and entity_id = $1`,
      [res.headers['x-request-id']],
    );
    expect(a!.after.rows).toBe(niks.length);
  });

  it('finishes the download when one row cannot be decrypted (sealed under another key), marking that value', async () => {
    const [o] = await db.query<{ id: number }>(
      `insert into owner (full_name, nik_enc, nik_hash, nik_last4, nik_region, phone_enc) values ('Kunci Lain', '\\x00', $1, '0009', '317101', '\\x0001') returning id`,
      [Buffer.from(`other-key-${Math.random()}`)],
    );
    const [u] = await db.query<{ id: number }>(
      `insert into umkm (owner_id, name, kbli_code, village_code) values ($1, 'Usaha Kunci Lain', '10710', '3171011001') returning id`,
      [o!.id],
    );
    await db.query(`insert into fostering_link (umkm_id, agency_id, since) values ($1, $2, '2024-01-01')`, [
      u!.id,
      agencyB,
    ]);
    const rows = csvRows((await exportAs(admin, `pengampu=${agencyB}`)).body);
    expect(rows.find((r) => r[0] === String(u!.id))?.slice(2, 4)).toEqual(['(tidak terbaca)', '(tidak terbaca)']);
  });
});
