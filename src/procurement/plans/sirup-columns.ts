// What a SiRUP export's columns mean (../shared/standards/sirup.md): the fields we read, the headers each is known
// by in SiRUP's listings and spreadsheet exports, and how its texts become our codes. Pure functions.
import type { Bilingual } from '../../platform/http/problem.ts';
import type { KINDS, METHODS, SUPPLIES } from './plan-schema.ts';
import { cellText, normHeader, type SheetCell } from './read-sheet.ts';

export interface SirupField {
  field: string;
  label: Bilingual;
  required: boolean;
  headers: string[]; // normalised (normHeader) names SiRUP versions use
}

export const SIRUP_FIELDS: SirupField[] = [
  {
    field: 'rupCode',
    label: { id: 'Kode RUP', en: 'RUP code' },
    required: true,
    headers: ['kode rup', 'id rup', 'kode paket', 'rup', 'kode'],
  },
  {
    field: 'name',
    label: { id: 'Nama paket', en: 'Package name' },
    required: true,
    headers: ['nama paket', 'paket', 'nama'],
  },
  {
    field: 'satker',
    label: { id: 'Satuan kerja', en: 'Work unit' },
    required: false,
    headers: ['satuan kerja', 'satker', 'nama satker', 'k l pd', 'klpd', 'satuan kerja satker'],
  },
  {
    field: 'year',
    label: { id: 'Tahun anggaran', en: 'Budget year' },
    required: true,
    headers: ['tahun anggaran', 'tahun', 'ta'],
  },
  {
    field: 'pagu',
    label: { id: 'Pagu (Rp)', en: 'Budget ceiling (Rp)' },
    required: true,
    headers: ['pagu rp', 'pagu', 'total pagu', 'nilai pagu', 'pagu paket'],
  },
  {
    field: 'kind',
    label: { id: 'Jenis pengadaan', en: 'Type' },
    required: true,
    headers: ['jenis pengadaan', 'jenis'],
  },
  {
    field: 'supply',
    label: { id: 'Cara pengadaan', en: 'Provider or self-managed' },
    required: false,
    headers: ['cara pengadaan', 'cara', 'tipe paket'],
  },
  {
    field: 'method',
    label: { id: 'Metode pemilihan', en: 'Selection method' },
    required: true,
    headers: ['metode pemilihan', 'metode', 'metode pengadaan'],
  },
  {
    field: 'fundingSource',
    label: { id: 'Sumber dana', en: 'Funding source' },
    required: false,
    headers: ['sumber dana'],
  },
  {
    field: 'selection',
    label: { id: 'Waktu pemilihan', en: 'Selection time' },
    required: false,
    headers: ['waktu pemilihan', 'jadwal pemilihan', 'pemilihan'],
  },
  {
    field: 'execution',
    label: { id: 'Waktu pelaksanaan', en: 'Execution time' },
    required: false,
    headers: ['waktu pelaksanaan', 'jadwal pelaksanaan', 'pelaksanaan'],
  },
  {
    field: 'location',
    label: { id: 'Lokasi', en: 'Location' },
    required: false,
    headers: ['lokasi', 'lokasi pekerjaan'],
  },
  {
    field: 'reserved',
    label: { id: 'Usaha Kecil/Koperasi', en: 'Reserved for small businesses' },
    required: false,
    headers: ['usaha kecil koperasi', 'usaha kecil', 'ukm', 'uk koperasi'],
  },
  {
    field: 'domestic',
    label: { id: 'Produk Dalam Negeri', en: 'Domestic products' },
    required: false,
    headers: ['produk dalam negeri', 'pdn'],
  },
  {
    field: 'exemptReason',
    label: { id: 'Alasan tidak dicadangkan', en: 'Reason not reserved' },
    required: false,
    headers: ['alasan tidak dicadangkan', 'alasan pengecualian', 'alasan'],
  },
  {
    field: 'category',
    label: { id: 'Kategori produk', en: 'Product category' },
    required: false,
    headers: ['kategori', 'kategori produk'],
  },
  { field: 'kbli', label: { id: 'KBLI', en: 'KBLI' }, required: false, headers: ['kbli', 'kode kbli'] },
];

export type Mapping = Record<string, string | null>;

/** Our field → the file's header, by exact name first, then by a known name contained in the header. */
export function detectMapping(headers: string[]): Mapping {
  const norm = headers.map(normHeader);
  const used = new Set<number>();
  const out: Mapping = {};
  for (const f of SIRUP_FIELDS) {
    let i = norm.findIndex((h, j) => !used.has(j) && f.headers.includes(h));
    if (i < 0)
      i = norm.findIndex((h, j) => !used.has(j) && h !== '' && f.headers.some((k) => k.length > 3 && h.includes(k)));
    if (i >= 0) used.add(i);
    out[f.field] = i >= 0 ? headers[i]! : null;
  }
  return out;
}

const words = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '');

const METHOD_TEXT: Record<string, (typeof METHODS)[number]> = {
  epurchasing: 'e_purchasing',
  ekatalog: 'e_purchasing',
  pengadaanlangsung: 'pengadaan_langsung',
  penunjukanlangsung: 'penunjukan_langsung',
  tender: 'tender',
  tendercepat: 'tender_cepat',
  seleksi: 'seleksi',
  dikecualikan: 'dikecualikan',
  pengecualian: 'dikecualikan',
};
export const methodOf = (s: string) => METHOD_TEXT[words(s)];

/** "Jasa Konsultansi Badan Usaha" and "… Perorangan" are both consultancy. */
export function kindOf(s: string): (typeof KINDS)[number] | undefined {
  const w = words(s);
  if (w === 'barang') return 'barang';
  if (w.startsWith('pekerjaankonstruksi') || w === 'konstruksi') return 'pekerjaan_konstruksi';
  if (w.startsWith('jasakonsultansi')) return 'jasa_konsultansi';
  if (w === 'jasalainnya') return 'jasa_lainnya';
  return undefined;
}

export function supplyOf(s: string): (typeof SUPPLIES)[number] | undefined {
  const w = words(s);
  if (w === '' || w === 'penyedia') return 'penyedia';
  if (w.startsWith('swakelola')) return 'swakelola';
  return undefined;
}

export function yesNo(c: SheetCell | undefined): boolean | undefined {
  if (typeof c === 'boolean') return c;
  const w = words(cellText(c));
  if (['ya', 'y', 'yes', 'true'].includes(w)) return true;
  if (['tidak', 't', 'no', 'false', 'tdk'].includes(w)) return false;
  return undefined;
}

const MONTHS = [
  'januari',
  'februari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'desember',
];
const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** One end of a period: [first day, last day] of a month ("Januari 2026", "01/2026") or a single date. */
function periodPart(s: string): [string, string] | undefined {
  const t = s.trim().toLowerCase();
  let m = /^([a-z]+)\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const i = MONTHS.findIndex((x) => x.startsWith(m![1]!.slice(0, 3)));
    const j = i >= 0 ? i : MONTHS_EN.findIndex((x) => x.startsWith(m![1]!.slice(0, 3)));
    if (j < 0) return undefined;
    const y = Number(m[2]);
    return [`${y}-${pad(j + 1)}-01`, `${y}-${pad(j + 1)}-${lastDay(y, j + 1)}`];
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return [t, t];
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (m) {
    const d = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
    return [d, d];
  }
  m = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(t);
  if (m) {
    const i = MONTHS.findIndex((x) => x.startsWith(m![2]!.slice(0, 3)));
    if (i < 0) return undefined;
    const d = `${m[3]}-${pad(i + 1)}-${pad(Number(m[1]))}`;
    return [d, d];
  }
  return undefined;
}

/**
 * A SiRUP period ("Januari 2026", "Januari 2026 - Maret 2026", "01/02/2026 s/d 28/02/2026", a date cell) as its
 * first and last day; null when empty, undefined when unreadable.
 */
export function periodOf(c: SheetCell | undefined): { from: string; to: string } | null | undefined {
  if (c instanceof Date) {
    const d = c.toISOString().slice(0, 10);
    return { from: d, to: d };
  }
  const s = cellText(c);
  if (!s) return null;
  const parts = s.split(/\s+(?:-|–|s\/d|s\.d\.?|sd|sampai(?:\s+dengan)?)\s+/i);
  if (parts.length > 2) return undefined;
  const first = periodPart(parts[0]!);
  const last = periodPart(parts[parts.length - 1]!);
  if (!first || !last || first[0] > last[1]) return undefined;
  return { from: first[0], to: last[1] };
}

/** Lower case without the administrative prefixes, for matching a location's text against region names. */
export const placeName = (s: string) =>
  s
    .toLowerCase()
    .replace(/\b(kota|kabupaten|kab\.?)\s+(administrasi\s+|adm\.?\s+)?/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
