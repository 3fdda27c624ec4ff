// Exporting the register: NIK masked for a pengampu officer, shown to an admin and audited, an undecryptable row marked.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ListRow, listToCsv } from '../../../test/support/generate-list.ts';
import { cookieOf, ik, newList, runImport, setUpImport, upload } from '../../../test/support/import.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';

let app: App;
let db: Db;
let admin: string;
let agencyB: number;
let list: ListRow[];

beforeAll(async () => {
  await setUpImport();
  ({ app, db, admin, agencyB } = ik);
  // Three members of the pengampu, registered through an import.
  list = await newList(3);
  const job = await upload(listToCsv(list), 'pengampu-b.csv', agencyB, 'text/csv');
  expect(await runImport(job)).toMatchObject({ phase: 'imported' });
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
    // The audit row follows the stream's end (an interrupted download is recorded too), so it may land just after.
    const rowsAudited = async () =>
      (
        await db.query<{ after: { rows: number } }>(
          `select after from audit_log where action = 'registry.export_unmasked' and entity_id = $1`,
          [res.headers['x-request-id']],
        )
      )[0]?.after.rows;
    await expect.poll(rowsAudited).toBe(niks.length);
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
