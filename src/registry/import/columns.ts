// The columns of a member list, in the order of the template. Headers are Indonesian (the admins' language);
// each carries a description in both languages for the template's notes sheet and the API documentation.
import type { Bilingual } from '../../platform/http/problem.ts';

export interface ImportColumn {
  key: string; // the header, exactly as in the file (case and surrounding spaces ignored)
  required: boolean;
  example: string | number;
  help: Bilingual;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'nama_pemilik',
    required: true,
    example: 'Siti Rahayu',
    help: { id: 'Nama pemilik sesuai KTP.', en: "Owner's name as on the KTP." },
  },
  {
    key: 'nik',
    required: true,
    example: '3171014508900001',
    help: {
      id: 'NIK 16 angka (ketik sebagai teks agar angka tidak dibulatkan).',
      en: 'NIK, 16 digits (type it as text so the spreadsheet does not round it).',
    },
  },
  {
    key: 'no_hp',
    required: true,
    example: '081234567890',
    help: { id: 'Nomor HP: 08…, +62… atau 62….', en: 'Mobile number: 08…, +62… or 62….' },
  },
  {
    key: 'email',
    required: false,
    example: '',
    help: { id: 'Email pemilik (boleh kosong).', en: "Owner's email (optional)." },
  },
  {
    key: 'jenis_kelamin',
    required: false,
    example: 'P',
    help: {
      id: 'L atau P (boleh kosong); dicocokkan dengan NIK.',
      en: 'L (male) or P (female), optional; checked against the NIK.',
    },
  },
  {
    key: 'tanggal_lahir',
    required: false,
    example: '1990-08-05',
    help: {
      id: 'YYYY-MM-DD (boleh kosong); dicocokkan dengan NIK.',
      en: 'YYYY-MM-DD, optional; checked against the NIK.',
    },
  },
  { key: 'nama_usaha', required: true, example: 'Warung Bu Siti', help: { id: 'Nama usaha.', en: 'Business name.' } },
  {
    key: 'nib',
    required: false,
    example: '',
    help: { id: 'NIB 13 angka dari OSS (boleh kosong).', en: 'NIB, 13 digits from OSS (optional).' },
  },
  {
    key: 'npwp',
    required: false,
    example: '',
    help: {
      id: 'NPWP 16 angka atau 15 angka format lama (boleh kosong).',
      en: 'NPWP, 16 digits or the old 15 (optional).',
    },
  },
  {
    key: 'kbli',
    required: true,
    example: '10710;47111',
    help: {
      id: 'Kode KBLI 2020 (5 angka); lebih dari satu dipisah titik koma, yang pertama utama.',
      en: 'KBLI 2020 subclass codes (5 digits); several separated by semicolons, the first is the main one.',
    },
  },
  {
    key: 'kelurahan',
    required: true,
    example: '3171011001',
    help: {
      id: 'Kode wilayah kelurahan (10 angka, Kemendagri).',
      en: 'Kelurahan region code (10 digits, Kemendagri).',
    },
  },
  {
    key: 'alamat',
    required: true,
    example: 'Jl. Melati No. 5, RT 001/RW 002',
    help: { id: 'Alamat usaha.', en: 'Business address.' },
  },
  {
    key: 'kode_pos',
    required: true,
    example: '10110',
    help: {
      id: 'Kode pos 5 angka, di wilayah kota kelurahan tersebut.',
      en: "Postal code, 5 digits, within the kelurahan's kota.",
    },
  },
  {
    key: 'tahun_mulai',
    required: true,
    example: 2015,
    help: { id: 'Tahun usaha mulai.', en: 'Year the business started.' },
  },
  {
    key: 'tenaga_kerja',
    required: true,
    example: 3,
    help: { id: 'Jumlah tenaga kerja (bilangan bulat ≥ 0).', en: 'Number of workers (whole number ≥ 0).' },
  },
  {
    key: 'modal',
    required: true,
    example: 25000000,
    help: {
      id: 'Modal usaha tanpa tanah dan bangunan, rupiah bulat.',
      en: 'Capital excluding land and buildings, whole rupiah.',
    },
  },
  {
    key: 'omzet_tahunan',
    required: true,
    example: 350000000,
    help: { id: 'Omzet per tahun, rupiah bulat.', en: 'Annual sales, whole rupiah.' },
  },
  {
    key: 'jenis',
    required: false,
    example: 'jakpreneur',
    help: {
      id: 'jakpreneur (bawaan), non_jakpreneur atau koperasi.',
      en: 'jakpreneur (default), non_jakpreneur or koperasi (cooperative).',
    },
  },
];

export const COLUMN_KEYS = IMPORT_COLUMNS.map((c) => c.key);

/** For the OpenAPI summary/description of the upload route. */
export const COLUMNS_DOC = IMPORT_COLUMNS.map(
  (c) => `- \`${c.key}\`${c.required ? '' : ' (opsional)'}: ${c.help.id} / ${c.help.en}`,
).join('\n');

export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;
export const MAX_ROWS = 200_000;
