// Writing rows as CSV or XLSX to a stream (an HTTP response), a page at a time, so a 385,000-row export never
// sits in memory whole. ExcelJS's streaming writer commits each row to the zip as it goes.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type SheetFormat = 'csv' | 'xlsx';

export interface RowSink {
  /** The stream to hand to the HTTP reply. */
  readonly stream: PassThrough;
  add(row: readonly unknown[]): Promise<void>;
  end(): Promise<void>;
}

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with ' so an opened CSV executes nothing. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvSink(header: readonly string[]): RowSink {
  const stream = new PassThrough();
  const write = async (line: string) => {
    if (!stream.write(line)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  stream.write(`\uFEFF${header.map(csvField).join(',')}\r\n`); // the BOM makes Excel read UTF-8
  return {
    stream,
    add: (row) => write(`${row.map(csvField).join(',')}\r\n`),
    end: async () => {
      stream.end();
    },
  };
}

/** `textColumns` (0-based) are stored as text so long digit strings (NIK, NIB, phone) are never rounded. */
export function xlsxSink(sheetName: string, header: readonly string[], textColumns: readonly number[] = []): RowSink {
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => ({
    header: h,
    key: String(i),
    width: Math.max(12, h.length + 2),
    ...(textColumns.includes(i) ? { style: { numFmt: '@' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  return {
    stream,
    add: async (row) => {
      ws.addRow(row.map((v) => (v === undefined ? null : v)) as unknown[]).commit();
    },
    end: async () => {
      ws.commit();
      await wb.commit();
    },
  };
}

export function sinkFor(
  format: SheetFormat,
  sheetName: string,
  header: readonly string[],
  textColumns: readonly number[] = [],
): RowSink {
  return format === 'csv' ? csvSink(header) : xlsxSink(sheetName, header, textColumns);
}
