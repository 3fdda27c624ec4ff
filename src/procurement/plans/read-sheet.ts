// Reads an uploaded spreadsheet (CSV or XLSX) into its header and rows of cells, for the procurement imports
// (spending outside the platform, SiRUP plans). The kind is told by content (registry/import/read-file.ts), CSV
// delimiters as Excel in an Indonesian locale writes them; line numbers are the ones the user sees (header = 1).
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError, type Bilingual } from '../../platform/http/problem.ts';
import { detectKind, FileProblem } from '../../registry/import/read-file.ts';

export type SheetCell = string | number | boolean | Date | null;

export interface SheetRow {
  line: number;
  cells: SheetCell[];
}

export interface Sheet {
  kind: 'csv' | 'xlsx';
  headers: string[];
  rows: SheetRow[];
}

export const MAX_SHEET_ROWS = 20_000;
export const MAX_SHEET_BYTES = 10 * 1024 * 1024;

const fileError = (status: number, code: string, message: Bilingual) =>
  new AppError(status, code, message, [{ field: 'body.file', code, message }]);

function cellValue(v: unknown): SheetCell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (o.richText)
      return o.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in o) return cellValue(o.result);
    if (o.text !== undefined) return cellValue(o.text);
  }
  return String(v);
}

const blank = (cells: SheetCell[]) => cells.every((c) => c === null || c === '');

function fromRecords(kind: Sheet['kind'], records: { line: number; cells: SheetCell[] }[]): Sheet {
  const at = records.findIndex((r) => !blank(r.cells));
  if (at < 0) throw fileError(400, 'empty_file', { id: 'Berkas kosong.', en: 'The file is empty.' });
  const headers = records[at]!.cells.map((c) => (c === null ? '' : String(c).trim()));
  const rows = records.slice(at + 1).filter((r) => !blank(r.cells));
  if (!rows.length)
    throw fileError(400, 'empty_file', {
      id: 'Berkas hanya berisi baris judul.',
      en: 'The file holds only the header row.',
    });
  if (rows.length > MAX_SHEET_ROWS)
    throw fileError(400, 'too_many_rows', {
      id: `Berkas berisi lebih dari ${MAX_SHEET_ROWS.toLocaleString('id-ID')} baris; bagi menjadi beberapa berkas.`,
      en: `The file has more than ${MAX_SHEET_ROWS} rows; split it into several files.`,
    });
  return { kind, headers, rows };
}

function readCsv(buf: Buffer): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    text = new TextDecoder('windows-1252').decode(buf);
  }
  text = text.replace(/^\uFEFF/, '');
  const first = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = first.split(';').length > first.split(',').length ? ';' : ',';
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (e) {
    throw fileError(400, 'unreadable_file', {
      id: `Berkas CSV tidak dapat dibaca: ${(e as Error).message}`,
      en: `The CSV file cannot be read: ${(e as Error).message}`,
    });
  }
  return fromRecords(
    'csv',
    records.map((r, i) => ({ line: i + 1, cells: r.map((c) => c.trim()) })),
  );
}

async function readXlsx(buf: Buffer): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw fileError(400, 'unreadable_file', {
      id: 'Berkas XLSX tidak dapat dibaca (rusak atau terlindungi sandi).',
      en: 'The XLSX file cannot be read (damaged or password-protected).',
    });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fileError(400, 'empty_file', { id: 'Berkas tidak berisi lembar.', en: 'The file has no sheet.' });
  const records: { line: number; cells: SheetCell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1); // ExcelJS rows are 1-based
    records.push({ line: row.number, cells: Array.from(values, (v) => cellValue(v)) });
  });
  return fromRecords('xlsx', records);
}

/** The first sheet of a CSV or XLSX upload; a file of another kind, empty, or too long is refused naming `file`. */
export async function readSheet(buf: Buffer, fileName: string): Promise<Sheet> {
  if (!buf.length) throw fileError(400, 'empty_file', { id: 'Berkas kosong.', en: 'The file is empty.' });
  let kind: Sheet['kind'];
  try {
    kind = detectKind(buf, fileName);
  } catch (e) {
    if (e instanceof FileProblem) throw fileError(415, e.code, e.bilingual);
    throw e;
  }
  return kind === 'xlsx' ? readXlsx(buf) : readCsv(buf);
}

/** A header as compared: lower case, letters and digits only, single spaces ("Pagu (Rp)" → "pagu rp"). */
export const normHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A cell as text ('' for empty); a date as YYYY-MM-DD (spreadsheets store dates at UTC midnight). */
export function cellText(c: SheetCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

/**
 * Whole rupiah from a cell: a number, or text such as "Rp 1.250.000.000", "1250000000", "1,250,000,000" or
 * "1.250.000,00". Undefined when it is not a whole, non-negative amount.
 */
export function parseRupiah(c: SheetCell | undefined): number | undefined {
  if (typeof c === 'number') return Number.isSafeInteger(c) && c >= 0 ? c : undefined;
  let s = cellText(c)
    .replace(/^rp\.?/i, '')
    .replace(/\s/g, '');
  if (!s) return undefined;
  s = s.replace(/,00$/, '').replace(/\.00$/, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  else if (/^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, '');
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}
