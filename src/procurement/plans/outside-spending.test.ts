// Spending outside the platform: one month entered by the agency's own official (another agency's is not found),
// and a CSV or XLSX imported with a preview that writes nothing, bad rows named by line, and a re-import that
// changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { cookieAs, csvOf, kit, newAgency, upload, xlsxOf } from './plans-test-kit.ts';

let db: Db;
let app: App;

beforeAll(async () => {
  ({ db, app } = await kit());
});

const rowsOf = (agencyId: number) =>
  db.query<{ month: string; total_amount: number; umk_amount: number; source: string }>(
    `select to_char(month, 'YYYY-MM') as month, total_amount, umk_amount, source from outside_spending where agency_id = $1 order by month`,
    [agencyId],
  );

describe('spending outside the platform', () => {
  it('is entered one month at a time for the official’s own agency only', async () => {
    const own = await newAgency(db);
    const other = await newAgency(db);
    const bendahara = await cookieAs(db, 'bendahara', own.id);
    const put = (agencyId: number, payload: object) =>
      app.inject({
        method: 'PUT',
        url: `/api/procurement/agencies/${agencyId}/outside-spending`,
        headers: { cookie: bendahara },
        payload,
      });
    const ok = await put(own.id, { month: '2025-03', totalAmount: 2_500_000_000, umkAmount: 400_000_000 });
    expect(ok.json()).toEqual({ result: 'inserted' });
    expect(
      (await put(own.id, { month: '2025-03', totalAmount: 2_500_000_000, umkAmount: 400_000_000 })).json(),
    ).toEqual({
      result: 'unchanged',
    });
    const bad = await put(own.id, { month: '2025-04', totalAmount: 100, umkAmount: 200 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.umkAmount');
    expect((await put(other.id, { month: '2025-03', totalAmount: 1, umkAmount: 0 })).statusCode).toBe(404);
    expect(await rowsOf(own.id)).toEqual([
      { month: '2025-03', total_amount: 2_500_000_000, umk_amount: 400_000_000, source: 'entered' },
    ]);
    expect(await rowsOf(other.id)).toEqual([]);
  });

  for (const format of ['csv', 'xlsx'] as const)
    it(`imports a ${format.toUpperCase()} with a preview, names bad rows by line, and re-imports idempotently`, async () => {
      const a = await newAgency(db);
      const b = await newAgency(db);
      const bureau = await cookieAs(db, 'bppbj_analyst');
      const table: (string | number)[][] = [
        ['Kode Instansi', 'Bulan', 'Total', 'UMK'],
        [a.code, '2025-01', '1.250.000.000', '300.000.000'],
        [a.code, '2025-02', 980_000_000, 120_000_000],
        [b.code, '2025-01', 'Rp 75.000.000', ''],
        ['TIDAK-ADA', '2025-01', 1000, 0], // line 5: unknown agency
        [a.code, '2025-13', 1000, 0], // line 6: bad month
        [b.code, '2025-02', 1000, 5000], // line 7: UMK above total
        [a.code, '2025-01', 1, 0], // line 8: same agency and month as line 2
      ];
      const file = { name: `belanja.${format}`, data: format === 'csv' ? csvOf(table, ';') : await xlsxOf(table) };
      const preview = await upload(app, '/api/procurement/outside-spending/import/preview', bureau, file);
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({ kind: format, totalRows: 7, validRows: 3 });
      expect(preview.json().errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
        [5, 'agencyCode'],
        [6, 'month'],
        [7, 'umkAmount'],
        [8, 'month'],
      ]);
      expect(await rowsOf(a.id)).toEqual([]); // the preview wrote nothing

      const first = await upload(app, '/api/procurement/outside-spending/import', bureau, file);
      expect(first.json()).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, skipped: 4 });
      expect(await rowsOf(a.id)).toEqual([
        { month: '2025-01', total_amount: 1_250_000_000, umk_amount: 300_000_000, source: 'import' },
        { month: '2025-02', total_amount: 980_000_000, umk_amount: 120_000_000, source: 'import' },
      ]);
      expect(await rowsOf(b.id)).toEqual([
        { month: '2025-01', total_amount: 75_000_000, umk_amount: 0, source: 'import' },
      ]);
      const audits = async () =>
        Number(
          (
            await db.query<{ n: number }>(
              `select count(*)::int as n from audit_log where action = 'outside_spending.report' and entity_id = $1`,
              [String(a.id)],
            )
          )[0]!.n,
        );
      const before = await audits();
      const again = await upload(app, '/api/procurement/outside-spending/import', bureau, file);
      expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
      expect(await audits()).toBe(before);
    });

  it('refuses rows of another agency for an official, and a file without the columns', async () => {
    const own = await newAgency(db);
    const other = await newAgency(db);
    const pa = await cookieAs(db, 'pa_kpa', own.id);
    const file = {
      name: 'b.csv',
      data: csvOf([
        ['kode instansi', 'bulan', 'total', 'umk'],
        [own.code, '2025-05', 10, 1],
        [other.code, '2025-05', 10, 1],
      ]),
    };
    const res = await upload(app, '/api/procurement/outside-spending/import', pa, file);
    expect(res.json()).toMatchObject({ inserted: 1, skipped: 1, errors: [{ line: 3, field: 'agencyCode' }] });
    expect(await rowsOf(other.id)).toEqual([]);
    const wrong = await upload(app, '/api/procurement/outside-spending/import/preview', pa, {
      name: 'x.csv',
      data: csvOf([
        ['nama', 'nilai'],
        ['a', 1],
      ]),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('mapping_invalid');
  });
});
