// CSV (RFC 4180: quoted fields, doubled quotes, CRLF, LF or CR line ends) through csv-parse, for the reference data
// loaded by migration (db/migrations/0002_reference_data.ts). Blank lines are skipped; a short row reads '' for
// its missing fields, an extra field is ignored.
import { parse } from 'csv-parse/sync';

export function parseCsvRows(text: string): string[][] {
  return parse(text, {
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
}

/** One object per row, keyed by the header row. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
