// Importing spending outside the platform from a spreadsheet: columns agency code, month (YYYY-MM), total and the
// UMK part, in any order, with Indonesian or English headers. The preview checks every row and writes nothing;
// the confirm upserts the valid rows by (agency, month) — so importing the same file again changes nothing — and
// lists the rows it skipped by line number. An official imports only for its own agencies; the bureau for all.
import type { Acting } from '../../platform/auth/acting.ts';
import type { Queryable, Tx } from '../../platform/db/types.ts';
import { AppError, fieldError } from '../../platform/http/problem.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';
import { cellText, normHeader, parseRupiah, type Sheet } from './read-sheet.ts';
import { type MonthSpending, spendingProblems, upsertSpending } from './report-outside-spending.ts';

const COLUMNS = {
  agencyCode: ['kode instansi', 'kode opd', 'kode', 'agency code', 'agency'],
  month: ['bulan', 'month', 'periode'],
  totalAmount: ['total', 'total belanja', 'belanja', 'total amount', 'jumlah'],
  umkAmount: ['umk', 'belanja umk', 'nilai umk', 'umk amount', 'jumlah umk'],
} as const;
type Column = keyof typeof COLUMNS;

export interface RowError {
  line: number;
  field: string;
  message: { id: string; en: string };
}

export interface SpendingRow extends MonthSpending {
  line: number;
  agencyId: number;
  agencyCode: string;
}

function columnsOf(headers: string[]): Record<Column, number> {
  const norm = headers.map(normHeader);
  const out = {} as Record<Column, number>;
  const missing: Column[] = [];
  for (const [key, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const i = norm.findIndex((h) => names.includes(h));
    if (i < 0) missing.push(key);
    else out[key] = i;
  }
  if (missing.length)
    throw new AppError(
      400,
      'mapping_invalid',
      {
        id: `Kolom tidak ditemukan: ${missing.join(', ')}. Judul kolom: kode instansi, bulan, total, umk.`,
        en: `Columns not found: ${missing.join(', ')}. Headers: agency code, month, total, umk.`,
      },
      [fieldError('body.file', 'missing_columns', 'Judul kolom tidak lengkap.', 'Header row incomplete.')],
    );
  return out;
}

/** A month cell: "2026-03", "2026-3", "03/2026" or a spreadsheet date. */
function monthOf(c: Sheet['rows'][number]['cells'][number] | undefined): string {
  if (c instanceof Date) return c.toISOString().slice(0, 7);
  const s = cellText(c);
  let m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(s);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
  m = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  return s;
}

/** Every row checked: the ones that may be written and the errors of the others. */
export async function checkSpendingSheet(db: Queryable, a: Acting, sheet: Sheet) {
  const col = columnsOf(sheet.headers);
  const codes = [...new Set(sheet.rows.map((r) => cellText(r.cells[col.agencyCode]).toUpperCase()))];
  const scope = agencyScope(a.actor, procurementPolicy.reportsOutsideSpending, 'id', 2);
  const agencies = await db.query<{ id: number; code: string; mine: boolean }>(
    `select id, upper(code) as code, ${scope.sql} as mine from agency where upper(code) = any($1::text[])`,
    [codes, ...scope.params],
  );
  const byCode = new Map(agencies.map((x) => [x.code, x]));
  const rows: SpendingRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const r of sheet.rows) {
    const err = (field: string, id: string, en: string) => errors.push({ line: r.line, field, message: { id, en } });
    const before = errors.length;
    const code = cellText(r.cells[col.agencyCode]).toUpperCase();
    const agency = byCode.get(code);
    if (!code) err('agencyCode', 'Kode instansi kosong.', 'Agency code is empty.');
    else if (!agency) err('agencyCode', `Kode instansi "${code}" tidak dikenal.`, `Unknown agency code "${code}".`);
    else if (!agency.mine)
      err('agencyCode', `Instansi "${code}" bukan instansi Anda.`, `Agency "${code}" is not one of yours.`);
    const month = monthOf(r.cells[col.month]);
    const totalAmount = parseRupiah(r.cells[col.totalAmount]);
    const umkRaw = r.cells[col.umkAmount];
    const umkAmount = cellText(umkRaw) === '' ? 0 : parseRupiah(umkRaw);
    if (totalAmount === undefined)
      err('totalAmount', 'Total harus rupiah utuh, tidak negatif.', 'Total must be whole, non-negative rupiah.');
    if (umkAmount === undefined)
      err('umkAmount', 'Nilai UMK harus rupiah utuh, tidak negatif.', 'UMK amount must be whole, non-negative rupiah.');
    const s = { month, totalAmount: totalAmount ?? 0, umkAmount: umkAmount ?? 0 };
    for (const p of spendingProblems(s, a.now))
      if (p.field === 'month' || (totalAmount !== undefined && umkAmount !== undefined)) err(p.field, p.id, p.en);
    const key = `${code}|${month}`;
    const dup = seen.get(key);
    if (dup && errors.length === before)
      err('month', `Instansi dan bulan yang sama sudah ada di baris ${dup}.`, `Same agency and month as line ${dup}.`);
    if (errors.length === before && agency) {
      seen.set(key, r.line);
      rows.push({ line: r.line, agencyId: agency.id, agencyCode: code, ...s });
    }
  }
  return { rows, errors };
}

export async function previewSpendingImport(db: Queryable, a: Acting, sheet: Sheet) {
  const { rows, errors } = await checkSpendingSheet(db, a, sheet);
  return {
    kind: sheet.kind,
    totalRows: sheet.rows.length,
    validRows: rows.length,
    errors,
    rows: rows.slice(0, 50).map(({ line, agencyCode, month, totalAmount, umkAmount }) => ({
      line,
      agencyCode,
      month,
      totalAmount,
      umkAmount,
    })),
  };
}

export async function confirmSpendingImport(tx: Tx, a: Acting, sheet: Sheet) {
  const { rows, errors } = await checkSpendingSheet(tx, a, sheet);
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const r of rows) counts[await upsertSpending(tx, a, r.agencyId, r, 'import')]++;
  return { ...counts, skipped: errors.length ? new Set(errors.map((e) => e.line)).size : 0, errors };
}
