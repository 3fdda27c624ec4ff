// Reads an uploaded member list (CSV or XLSX) into rows of cells keyed by header. Row numbers are the ones the
// admin sees in the spreadsheet (the header is row 1), so an error report points at the right line.
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Bilingual } from '../../platform/http/problem.ts';
import { COLUMN_KEYS, IMPORT_COLUMNS, MAX_ROWS } from './columns.ts';

export type Cell = string | number | boolean | Date | null;

export interface FileRow {
  rowNo: number;
  cells: Record<string, Cell>;
}

export type FileKind = 'csv' | 'xlsx';

export class FileProblem extends Error {
  constructor(
    readonly code: string,
    readonly bilingual: Bilingual,
  ) {
    super(bilingual.en);
  }
}

/** CSV or XLSX by content, not by the name a browser made up: an XLSX is a zip (PK\x03\x04); a CSV is text. */
export function detectKind(buf: Buffer, fileName: string): FileKind {
  const zip = buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  if (zip) return 'xlsx';
  const sample = buf.subarray(0, 64 * 1024);
  if (sample.includes(0)) {
    throw new FileProblem('unsupported_file', {
      id: 'Berkas bukan CSV atau XLSX (format .xls lama tidak didukung; simpan ulang sebagai .xlsx).',
      en: 'The file is neither CSV nor XLSX (old .xls is not supported; save it again as .xlsx).',
    });
  }
  if (/\.xlsx?$/i.test(fileName))
    throw new FileProblem('unsupported_file', {
      id: 'Berkas .xlsx rusak atau bukan XLSX.',
      en: 'The .xlsx file is damaged or not an XLSX.',
    });
  return 'csv';
}

const normHeader = (h: unknown) =>
  String(h ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');

/** Maps header positions to known keys; a missing required column stops the whole file, before any row is read. */
function headerMap(header: unknown[]): Map<number, string> {
  const map = new Map<number, string>();
  header.forEach((h, i) => {
    const key = normHeader(h);
    if (COLUMN_KEYS.includes(key) && ![...map.values()].includes(key)) map.set(i, key);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && ![...map.values()].includes(c.key)).map((c) => c.key);
  if (missing.length) {
    throw new FileProblem('missing_columns', {
      id: `Kolom wajib tidak ada di baris judul: ${missing.join(', ')}. Gunakan templat.`,
      en: `Required columns are missing from the header row: ${missing.join(', ')}. Use the template.`,
    });
  }
  return map;
}

const tooMany = () =>
  new FileProblem('too_many_rows', {
    id: `Berkas berisi lebih dari ${MAX_ROWS.toLocaleString('id-ID')} baris; bagi menjadi beberapa berkas.`,
    en: `The file has more than ${MAX_ROWS} rows; split it into several files.`,
  });

function toRow(rowNo: number, values: unknown[], map: Map<number, string>): FileRow | undefined {
  const cells: Record<string, Cell> = {};
  let blank = true;
  for (const [i, key] of map) {
    const v = cellValue(values[i]);
    if (v !== null && v !== '') blank = false;
    cells[key] = v;
  }
  return blank ? undefined : { rowNo, cells };
}

/** ExcelJS cell values come as plain values or objects (rich text, hyperlinks, formulas with a cached result). */
function cellValue(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText)
      return o.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in o) return cellValue(o.result);
    if (o.text !== undefined) return cellValue(o.text);
    if (o.error) return String(o.error);
  }
  return String(v);
}

async function readXlsx(buf: Buffer): Promise<FileRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const rows: FileRow[] = [];
  try {
    for await (const sheet of reader) {
      let map: Map<number, string> | undefined;
      for await (const row of sheet) {
        const values = row.values as unknown[]; // 1-based, sparse
        if (!map) {
          if (values.every((v) => v === undefined || v === null || v === '')) continue; // blank rows above the header
          map = headerMap(values);
          continue;
        }
        const r = toRow(row.number, values, map);
        if (r) rows.push(r);
        if (rows.length > MAX_ROWS) throw tooMany();
      }
      if (!map)
        throw new FileProblem('empty_file', {
          id: 'Lembar pertama berkas kosong.',
          en: 'The first sheet of the file is empty.',
        });
      break; // only the first sheet holds members; the template's notes sheet comes after it
    }
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem('unreadable_file', {
      id: 'Berkas XLSX tidak dapat dibaca (rusak atau terlindungi sandi).',
      en: 'The XLSX file cannot be read (damaged or password-protected).',
    });
  }
  return rows;
}

function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('windows-1252').decode(buf); // a CSV saved by an older Excel
  }
}

function readCsv(buf: Buffer): FileRow[] {
  const text = decodeText(buf).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Excel in an Indonesian locale saves CSV with semicolons (the comma is the decimal separator there).
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    throw new FileProblem('unreadable_file', {
      id: `Berkas CSV tidak dapat dibaca: ${(e as Error).message}`,
      en: `The CSV file cannot be read: ${(e as Error).message}`,
    });
  }
  const headerAt = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt < 0) throw new FileProblem('empty_file', { id: 'Berkas kosong.', en: 'The file is empty.' });
  const map = headerMap(records[headerAt] as string[]);
  const rows: FileRow[] = [];
  for (let i = headerAt + 1; i < records.length; i++) {
    const r = toRow(i + 1, records[i] as string[], map);
    if (r) rows.push(r);
    if (rows.length > MAX_ROWS) throw tooMany();
  }
  return rows;
}

export async function readMemberFile(buf: Buffer, kind: FileKind): Promise<FileRow[]> {
  return kind === 'xlsx' ? readXlsx(buf) : readCsv(buf);
}
