// Importing a SiRUP export: a realistic CSV (semicolons, Indonesian numbers and months) and an XLSX built here.
// The preview shows the columns, the suggested mapping and the rows read, with errors by line; the confirm with
// the mapping upserts by Kode RUP (a second import changes nothing) and remembers the mapping for the next file.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { cookieAs, csvOf, kit, newAgency, upload, xlsxOf } from './plans-test-kit.ts';

let db: Db;
let app: App;

beforeAll(async () => {
  ({ db, app } = await kit());
});

const HEADER = [
  'No',
  'Kode RUP',
  'Nama Paket',
  'Satuan Kerja',
  'Tahun Anggaran',
  'Pagu (Rp)',
  'Jenis Pengadaan',
  'Cara Pengadaan',
  'Metode Pemilihan',
  'Sumber Dana',
  'Waktu Pemilihan',
  'Waktu Pelaksanaan',
  'Lokasi',
  'Usaha Kecil/Koperasi',
  'Produk Dalam Negeri',
];

function exportRows(base: number): (string | number)[][] {
  return [
    HEADER,
    [
      1,
      base + 1,
      'Belanja Makanan dan Minuman Rapat',
      'Sekretariat',
      2026,
      '250.000.000',
      'Barang',
      'Penyedia',
      'E-Purchasing',
      'APBD',
      'Februari 2026',
      'Maret 2026 - Desember 2026',
      'DKI Jakarta, Kota Administrasi Jakarta Selatan',
      'Ya',
      'Ya',
    ],
    [
      2,
      base + 2,
      'Jasa Kebersihan Kantor',
      'Sekretariat',
      2026,
      1_450_000_000,
      'Jasa Lainnya',
      'Penyedia',
      'Tender',
      'APBD',
      '01/01/2026 s/d 31/01/2026',
      'Februari 2026 - Desember 2026',
      'Jakarta Timur',
      'Ya',
      'Ya',
    ],
    [
      3,
      base + 3,
      'Pembangunan Gedung Sekolah',
      'Bidang Sarpras',
      2026,
      '45.000.000.000',
      'Pekerjaan Konstruksi',
      'Penyedia',
      'Tender',
      'APBD',
      'April 2026',
      'Mei 2026 - November 2026',
      'DKI Jakarta',
      'Tidak',
      'Ya',
    ],
    [
      4,
      base + 4,
      'Pelatihan Guru',
      'Bidang Sarpras',
      2026,
      300_000_000,
      'Jasa Lainnya',
      'Swakelola',
      '',
      'APBD',
      'Maret 2026',
      'Maret 2026',
      'Jakarta Pusat',
      'Ya',
      'Ya',
    ],
    [
      5,
      base + 5,
      'Konsultan Pengawas',
      'Sekretariat',
      2026,
      800_000_000,
      'Jasa Konsultansi Badan Usaha',
      'Penyedia',
      'Seleksi',
      'APBD',
      'Mei 2026',
      'Juni 2026',
      'Jakarta Barat',
      'Tidak',
      'Ya',
    ], // line 6: under the threshold, not reserved, no reason
    [
      6,
      'ABC',
      'Paket Rusak',
      'Sekretariat',
      2026,
      'seratus juta',
      'Alat Berat',
      'Penyedia',
      'Lelang',
      'APBD',
      'kapan-kapan',
      '',
      '',
      'Mungkin',
      'Ya',
    ], // line 7
  ];
}

const packagesOf = (agencyId: number) =>
  db.query<{
    rup_code: string;
    pagu: number;
    kind: string;
    supply: string;
    method: string;
    reserved_small: boolean;
    region_code: string | null;
    selection_from: string | null;
    selection_to: string | null;
    source: string;
  }>(
    `select rup_code, pagu, kind, supply, method, reserved_small, region_code, selection_from::text as selection_from,
            selection_to::text as selection_to, source from procurement_package where agency_id = $1 order by rup_code`,
    [agencyId],
  );

describe('SiRUP import', () => {
  for (const format of ['csv', 'xlsx'] as const)
    it(`previews and imports a ${format.toUpperCase()} export by Kode RUP, idempotently`, async () => {
      const agency = await newAgency(db);
      const pa = await cookieAs(db, 'pa_kpa', agency.id);
      const base = 31_000_000 + Math.floor(Math.random() * 1e6) * 10 + (format === 'csv' ? 0 : 7_000_000_000);
      const rows = exportRows(base);
      const file = { name: `rup.${format}`, data: format === 'csv' ? csvOf(rows, ';') : await xlsxOf(rows) };
      const url = `/api/procurement/agencies/${agency.id}/sirup`;

      const preview = await upload(app, `${url}/preview`, pa, file);
      expect(preview.statusCode).toBe(200);
      const p = preview.json();
      expect(p).toMatchObject({ kind: format, totalRows: 6, validRows: 4, mappingSource: 'detected' });
      expect(p.mapping).toMatchObject({
        rupCode: 'Kode RUP',
        name: 'Nama Paket',
        pagu: 'Pagu (Rp)',
        method: 'Metode Pemilihan',
        reserved: 'Usaha Kecil/Koperasi',
      });
      expect(p.rows[0]).toMatchObject({
        rupCode: String(base + 1),
        pagu: 250_000_000,
        kind: 'barang',
        method: 'e_purchasing',
        selectionFrom: '2026-02-01',
        regionCode: '3174',
      });
      expect(p.errors.filter((e: { line: number }) => e.line === 6).map((e: { field: string }) => e.field)).toEqual([
        'reserved',
      ]);
      expect(
        new Set(p.errors.filter((e: { line: number }) => e.line === 7).map((e: { field: string }) => e.field)),
      ).toEqual(new Set(['rupCode', 'pagu', 'kind', 'method', 'selection', 'reserved']));
      expect(await packagesOf(agency.id)).toEqual([]);

      const mapping = JSON.stringify(p.mapping);
      const first = await upload(app, `${url}/import`, pa, file, { mapping });
      expect(first.json()).toMatchObject({ inserted: 4, updated: 0, unchanged: 0, skipped: 2 });
      const stored = await packagesOf(agency.id);
      expect(stored.map((s) => [s.kind, s.supply, s.method, s.reserved_small, s.region_code])).toEqual([
        ['barang', 'penyedia', 'e_purchasing', true, '3174'],
        ['jasa_lainnya', 'penyedia', 'tender', true, '3175'],
        ['pekerjaan_konstruksi', 'penyedia', 'tender', false, null],
        ['jasa_lainnya', 'swakelola', 'dikecualikan', true, '3171'],
      ]);
      expect(stored[1]).toMatchObject({
        pagu: 1_450_000_000,
        selection_from: '2026-01-01',
        selection_to: '2026-01-31',
        source: 'sirup_import',
      });
      expect(stored[2]!.pagu).toBe(45_000_000_000);

      const again = await upload(app, `${url}/import`, pa, file, { mapping });
      expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
      expect(await packagesOf(agency.id)).toEqual(stored);

      // The next file of the same shape is mapped as confirmed last time.
      expect((await upload(app, `${url}/preview`, pa, file)).json().mappingSource).toBe('remembered');
    });

  it('accepts a renamed column through the mapping, refuses an incomplete mapping, and keeps other agencies out', async () => {
    const agency = await newAgency(db);
    const ppk = await cookieAs(db, 'ppk', agency.id);
    const code = String(41_000_000 + Math.floor(Math.random() * 1e6));
    const rows = [
      ['ID', 'Paket', 'TA', 'Nilai', 'Jenis', 'Metode', 'Dicadangkan', 'Alasan'],
      [
        code,
        'Sewa Tenda Acara',
        2026,
        90_000_000,
        'Jasa Lainnya',
        'Pengadaan Langsung',
        'Tidak',
        'Penyedia harus memiliki sertifikasi K3 tingkat nasional.',
      ],
    ];
    const file = { name: 'x.csv', data: csvOf(rows) };
    const url = `/api/procurement/agencies/${agency.id}/sirup`;
    const preview = (await upload(app, `${url}/preview`, ppk, file)).json();
    expect(preview.mapping.rupCode).toBeNull();
    expect(preview.validRows).toBe(0);
    const incomplete = await upload(app, `${url}/import`, ppk, file, { mapping: JSON.stringify({ name: 'Paket' }) });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().code).toBe('mapping_invalid');
    const mapping = JSON.stringify({
      rupCode: 'ID',
      name: 'Paket',
      year: 'TA',
      pagu: 'Nilai',
      kind: 'Jenis',
      method: 'Metode',
      reserved: 'Dicadangkan',
      exemptReason: 'Alasan',
    });
    const ok = await upload(app, `${url}/import`, ppk, file, { mapping });
    expect(ok.json()).toMatchObject({ inserted: 1, skipped: 0 });
    const [pkg] = await db.query<{ reservation_exempt_reason: string }>(
      'select reservation_exempt_reason from procurement_package where rup_code = $1',
      [code],
    );
    expect(pkg!.reservation_exempt_reason).toContain('K3');
    const other = await newAgency(db);
    expect((await upload(app, `/api/procurement/agencies/${other.id}/sirup/preview`, ppk, file)).statusCode).toBe(404);
    // The same Kode RUP cannot be taken over by another agency's import.
    const bureau = await cookieAs(db, 'bppbj_analyst');
    const takeover = await upload(app, `/api/procurement/agencies/${other.id}/sirup/import`, bureau, file, { mapping });
    expect(takeover.json()).toMatchObject({ inserted: 0, errors: [{ line: 2, field: 'rupCode' }] });
  });
});
