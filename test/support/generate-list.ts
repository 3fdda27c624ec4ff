// Realistic member lists for tests and the import benchmark, built from the seed's vocabularies and the region
// table, so every generated row passes validation (unless a test breaks one on purpose).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../src/platform/db/types.ts';
import { loadGeography } from '../../src/seed/geography.ts';
import { mulberry32 } from '../../src/seed/prng.ts';
import { businessName, lines, people } from '../../src/seed/vocabulary.ts';
import { COLUMN_KEYS } from '../../src/registry/import/columns.ts';

export type ListRow = Record<string, string | number>;

export interface ListOptions {
  rows: number;
  seed: number;
  /** Existing members to repeat (same NIK, maybe NIB) at the start of the list, to exercise linking. */
  existing?: { nik: string; nib?: string | null }[];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export async function generateList(db: Queryable, opts: ListOptions): Promise<ListRow[]> {
  const rng = mulberry32(opts.seed);
  const geo = await loadGeography(db, {});
  const villages = geo.villages.filter((v) => v.postalCode);
  const serialStart = 1000 + rng.int(0, 7999); // seeded members have small serials; a run picks its own block
  const dayOffset = rng.int(0, 96);
  const nibBase = rng.int(1, 8_000_000) * 100_000;
  const year = new Date().getUTCFullYear();
  const out: ListRow[] = [];
  for (let i = 0; i < opts.rows; i++) {
    const v = villages[rng.int(0, villages.length - 1)]!;
    const female = rng.chance(0.64);
    // (birth date, serial) is unique per row: 1,000 serials per date, dates 97 days apart.
    const block = Math.floor(i / 1000);
    const serial = serialStart + (i % 1000);
    const birth = new Date(Date.UTC(1965, 0, 1) + (block * 97 + dayOffset) * 86_400_000);
    const by = birth.getUTCFullYear();
    const bm = birth.getUTCMonth() + 1;
    const bd = birth.getUTCDate();
    let nik = `${v.districtCode}${pad(bd + (female ? 40 : 0))}${pad(bm)}${pad(by % 100)}${pad(serial, 4)}`;
    let nib: string = rng.chance(0.5) ? `7${pad(nibBase + i, 12)}` : '';
    const dup = opts.existing?.[i];
    if (dup) {
      nik = dup.nik;
      nib = dup.nib ?? '';
    }
    const [given, nick] = rng.pick(female ? people.female : people.male);
    const line = lines[rng.weighted(lines.map((l) => l.weight))]!;
    const hon = rng.pick(female ? people.honorific.female : people.honorific.male);
    const name = businessName(rng, line, hon, nick, v.name);
    const sales = Math.round(((12 + rng.next() * 1800) * 1_000_000) / 100_000) * 100_000;
    out.push({
      nama_pemilik: rng.chance(0.75) ? `${given} ${rng.pick(people.family)}` : given,
      nik,
      no_hp: `08${rng.pick(['12', '13', '21', '52', '57', '77', '95', '81'])}${String(rng.int(10_000_000, 99_999_999))}`,
      email: rng.chance(0.2) ? `${nick.toLowerCase().replace(/[^a-z]/g, '')}${i}@contoh.id` : '',
      jenis_kelamin: dup ? '' : female ? 'P' : 'L',
      tanggal_lahir: dup ? '' : `${by}-${pad(bm)}-${pad(bd)}`,
      nama_usaha: name,
      nib,
      npwp: '',
      kbli: rng.chance(0.2) ? `${line.kbli};47111` : line.kbli,
      kelurahan: v.code,
      alamat: `${rng.pick(people.streets)} No. ${rng.int(1, 150)}, RT ${pad(rng.int(1, 15), 3)}/RW ${pad(rng.int(1, 12), 3)}`,
      kode_pos: v.postalCode!,
      tahun_mulai: dup ? year - rng.int(1, 10) : Math.min(year, by + 18 + rng.int(0, 20)),
      tenaga_kerja: rng.int(1, 6),
      modal: rng.int(2, 400) * 500_000,
      omzet_tahunan: sales,
      jenis: 'jakpreneur',
    });
  }
  return out;
}

export function listToCsv(rows: readonly ListRow[]): Buffer {
  const q = (v: unknown) => {
    const s = String(v ?? '');
    return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [COLUMN_KEYS.join(','), ...rows.map((r) => COLUMN_KEYS.map((k) => q(r[k])).join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** An XLSX of the list, written with the streaming writer (a 100,000-row list is built in seconds). */
export async function listToXlsx(rows: readonly ListRow[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('anggota');
  ws.addRow([...COLUMN_KEYS]).commit();
  for (const r of rows) ws.addRow(COLUMN_KEYS.map((k) => r[k] ?? '')).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
