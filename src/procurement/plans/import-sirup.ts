// Importing an agency's plan from a SiRUP export (CSV or XLSX). The preview shows the file's columns, the mapping
// suggested for them (the one this agency confirmed last, when the file has the same headers; else detected from
// the header names), the first rows as they will be read and every row's errors by line; it writes nothing. The
// confirm takes the mapping the user settled on, upserts the valid rows by Kode RUP (so a re-import changes
// nothing) and remembers the mapping. SiRUP texts become our codes in sirup-columns.ts.
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Queryable, Tx } from '../../platform/db/types.ts';
import { AppError, type Bilingual, notFound } from '../../platform/http/problem.ts';
import type { RowError } from './import-outside-spending.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';
import { cellText, parseRupiah, type Sheet } from './read-sheet.ts';
import { packageDay, reservationProblem, type Threshold, thresholdOn } from './reservation.ts';
import { type PackageValues, writePackage } from './save-package.ts';
import {
  detectMapping,
  kindOf,
  type Mapping,
  methodOf,
  periodOf,
  placeName,
  SIRUP_FIELDS,
  supplyOf,
  yesNo,
} from './sirup-columns.ts';

/** The agency, if the caller may plan for it (else "not found", before the file is read). */
export async function requirePlanningAgency(db: Queryable, a: Acting, agencyId: number): Promise<void> {
  const scope = agencyScope(a.actor, procurementPolicy.managesPlans, 'id', 2);
  if (!(await db.query(`select 1 from agency where id = $1 and ${scope.sql}`, [agencyId, ...scope.params])).length)
    throw notFound({ id: 'Instansi tidak ditemukan.', en: 'Agency not found.' });
}

interface Context {
  units: { id: number; code: string; name: string }[];
  cities: { code: string; name: string }[];
  categories: Set<string>;
  kbli: Set<string>;
  foreignCodes: Set<string>; // Kode RUP held by other agencies
  thresholds: Map<string, Threshold>;
}

async function context(db: Queryable, agencyId: number, sheet: Sheet, mapping: Mapping): Promise<Context> {
  const codeAt = sheet.headers.indexOf(mapping.rupCode ?? '');
  const codes = codeAt < 0 ? [] : sheet.rows.map((r) => cellText(r.cells[codeAt]));
  const cities = await db.query<{ code: string; name: string }>(`select code, name from region where level = 'city'`);
  return {
    units: await db.query('select id, code, name from agency_unit where agency_id = $1', [agencyId]),
    cities: cities.map((c) => ({ code: c.code, name: placeName(c.name) })),
    categories: new Set((await db.query<{ code: string }>('select code from product_category')).map((c) => c.code)),
    kbli: new Set((await db.query<{ code: string }>('select code from kbli')).map((c) => c.code)),
    foreignCodes: new Set(
      (
        await db.query<{ rup_code: string }>(
          'select rup_code from procurement_package where rup_code = any($1::text[]) and agency_id <> $2',
          [codes, agencyId],
        )
      ).map((r) => r.rup_code),
    ),
    thresholds: new Map(),
  };
}

function mappingErrors(sheet: Sheet, mapping: Mapping): string[] {
  return SIRUP_FIELDS.filter((f) => {
    const h = mapping[f.field];
    return (f.required && !h) || (h && !sheet.headers.includes(h));
  }).map((f) => f.field);
}

interface ParsedRow {
  line: number;
  rupCode: string;
  values: PackageValues;
}

async function parseRows(db: Queryable, agencyId: number, sheet: Sheet, mapping: Mapping) {
  const ctx = await context(db, agencyId, sheet, mapping);
  const at = (f: string) => (mapping[f] ? sheet.headers.indexOf(mapping[f]!) : -1);
  const idx = Object.fromEntries(SIRUP_FIELDS.map((f) => [f.field, at(f.field)]));
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const r of sheet.rows) {
    const cell = (f: string) => (idx[f]! >= 0 ? r.cells[idx[f]!] : undefined);
    const text = (f: string) => cellText(cell(f));
    const before = errors.length;
    const err = (field: string, message: Bilingual) => errors.push({ line: r.line, field, message });
    const rupCode = text('rupCode').replace(/\.0$/, '');
    if (!/^\d{1,20}$/.test(rupCode))
      err('rupCode', { id: 'Kode RUP harus angka.', en: 'The RUP code must be digits.' });
    else if (ctx.foreignCodes.has(rupCode))
      err('rupCode', { id: 'Kode RUP milik instansi lain.', en: 'The RUP code belongs to another agency.' });
    else if (seen.has(rupCode))
      err('rupCode', {
        id: `Kode RUP sama dengan baris ${seen.get(rupCode)}.`,
        en: `Same RUP code as line ${seen.get(rupCode)}.`,
      });
    const name = text('name');
    if (name.length < 3 || name.length > 500)
      err('name', { id: 'Nama paket 3–500 karakter.', en: 'Package name: 3–500 characters.' });
    const year = Number(text('year'));
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      err('year', { id: 'Tahun anggaran tidak valid.', en: 'Invalid budget year.' });
    const pagu = parseRupiah(cell('pagu'));
    if (pagu === undefined) err('pagu', { id: 'Pagu harus rupiah utuh.', en: 'Pagu must be whole rupiah.' });
    const kind = kindOf(text('kind'));
    if (!kind)
      err('kind', { id: `Jenis pengadaan tidak dikenal: "${text('kind')}".`, en: `Unknown type: "${text('kind')}".` });
    const supply = supplyOf(text('supply'));
    if (!supply)
      err('supply', {
        id: `Cara pengadaan tidak dikenal: "${text('supply')}".`,
        en: `Unknown provision: "${text('supply')}".`,
      });
    // A self-managed package has no selection method in SiRUP: it is outside any selection (dikecualikan).
    const method = text('method') === '' && supply === 'swakelola' ? 'dikecualikan' : methodOf(text('method'));
    if (!method)
      err('method', {
        id: `Metode pemilihan tidak dikenal: "${text('method')}".`,
        en: `Unknown method: "${text('method')}".`,
      });
    const selection = periodOf(cell('selection'));
    if (selection === undefined)
      err('selection', { id: 'Waktu pemilihan tidak terbaca.', en: 'Selection time unreadable.' });
    const execution = periodOf(cell('execution'));
    if (execution === undefined)
      err('execution', { id: 'Waktu pelaksanaan tidak terbaca.', en: 'Execution time unreadable.' });
    const reservedCell = cell('reserved');
    const reserved = cellText(reservedCell) === '' ? true : yesNo(reservedCell);
    if (reserved === undefined)
      err('reserved', { id: 'Usaha Kecil/Koperasi harus Ya atau Tidak.', en: 'Reserved must be Ya or Tidak.' });
    const domesticCell = cell('domestic');
    const domestic = cellText(domesticCell) === '' ? true : yesNo(domesticCell);
    if (domestic === undefined)
      err('domestic', { id: 'Produk Dalam Negeri harus Ya atau Tidak.', en: 'Domestic must be Ya or Tidak.' });
    const category = text('category') || null;
    if (category && !ctx.categories.has(category))
      err('category', { id: `Kategori tidak dikenal: ${category}.`, en: `Unknown category: ${category}.` });
    const kbliCodes = text('kbli')
      .split(/[\s,;]+/)
      .filter(Boolean);
    const badKbli = kbliCodes.filter((k) => !ctx.kbli.has(k));
    if (badKbli.length)
      err('kbli', { id: `KBLI tidak dikenal: ${badKbli.join(', ')}.`, en: `Unknown KBLI: ${badKbli.join(', ')}.` });
    const satker = text('satker').toLowerCase();
    const unit = satker
      ? ctx.units.find((u) => u.code.toLowerCase() === satker || u.name.toLowerCase() === satker)
      : undefined;
    const place = placeName(text('location'));
    const city = place ? ctx.cities.find((c) => c.name && place.includes(c.name)) : undefined;
    if (errors.length !== before) continue;
    const values: PackageValues = {
      unitId: unit?.id ?? null,
      year,
      name,
      pagu: pagu!,
      kind: kind!,
      supply: supply!,
      method: method!,
      categoryCode: category,
      kbliCodes,
      regionCode: city?.code ?? null,
      fundingSource: (text('fundingSource') || 'APBD').slice(0, 40),
      selectionFrom: selection?.from ?? null,
      selectionTo: selection?.to ?? null,
      executionFrom: execution?.from ?? null,
      executionTo: execution?.to ?? null,
      reservedSmall: reserved!,
      reservationExemptReason: text('exemptReason') || null,
      domestic: domestic!,
    };
    const day = packageDay(values);
    if (!ctx.thresholds.has(day)) ctx.thresholds.set(day, await thresholdOn(db, day));
    const problem = reservationProblem(values, ctx.thresholds.get(day)!);
    if (problem) {
      err('reserved', {
        id: `${problem.id} Tambahkan kolom "Alasan tidak dicadangkan".`,
        en: `${problem.en} Add a column "Alasan tidak dicadangkan".`,
      });
      continue;
    }
    seen.set(rupCode, r.line);
    rows.push({ line: r.line, rupCode, values });
  }
  return { rows, errors };
}

async function rememberedMapping(db: Queryable, agencyId: number, sheet: Sheet): Promise<Mapping | undefined> {
  const [m] = await db.query<{ mapping: Mapping }>('select mapping from sirup_import_mapping where agency_id = $1', [
    agencyId,
  ]);
  if (!m) return undefined;
  return mappingErrors(sheet, m.mapping).length ? undefined : m.mapping;
}

export async function previewSirupImport(db: Queryable, agencyId: number, sheet: Sheet, given?: Mapping) {
  const remembered = given ? undefined : await rememberedMapping(db, agencyId, sheet);
  const mapping = given ?? remembered ?? detectMapping(sheet.headers);
  const missing = mappingErrors(sheet, mapping);
  const { rows, errors } = missing.length
    ? {
        rows: [],
        errors: missing.map((field) => ({
          line: 1,
          field,
          message: { id: 'Pilih kolom untuk isian ini.', en: 'Choose the column for this field.' },
        })),
      }
    : await parseRows(db, agencyId, sheet, mapping);
  return {
    kind: sheet.kind,
    headers: sheet.headers,
    fields: SIRUP_FIELDS.map(({ field, label, required }) => ({ field, label, required })),
    mapping,
    mappingSource: remembered ? ('remembered' as const) : ('detected' as const),
    totalRows: sheet.rows.length,
    validRows: rows.length,
    errors,
    rows: rows.slice(0, 20).map((r) => ({
      line: r.line,
      rupCode: r.rupCode,
      name: r.values.name,
      pagu: r.values.pagu,
      kind: r.values.kind,
      method: r.values.method,
      reservedSmall: r.values.reservedSmall,
      selectionFrom: r.values.selectionFrom,
      regionCode: r.values.regionCode,
    })),
  };
}

export function parseMapping(raw: string | undefined): Mapping {
  let m: unknown;
  try {
    m = raw ? JSON.parse(raw) : undefined;
  } catch {
    m = undefined;
  }
  const known = new Set(SIRUP_FIELDS.map((f) => f.field));
  if (
    !m ||
    typeof m !== 'object' ||
    Array.isArray(m) ||
    Object.entries(m).some(([k, v]) => !known.has(k) || (v !== null && typeof v !== 'string'))
  )
    throw mappingInvalid(['mapping']);
  return m as Mapping;
}

const mappingInvalid = (fields: string[]) =>
  new AppError(
    400,
    'mapping_invalid',
    {
      id: 'Pemetaan kolom tidak lengkap atau tidak sesuai berkas.',
      en: 'The column mapping is incomplete or does not fit the file.',
    },
    fields.map((f) => ({
      field: f === 'mapping' ? 'body.mapping' : `body.mapping.${f}`,
      code: 'mapping_invalid',
      message: { id: 'Pilih kolom berkas untuk isian ini.', en: 'Choose a column of the file for this field.' },
    })),
  );

export async function confirmSirupImport(tx: Tx, a: Acting, agencyId: number, sheet: Sheet, mapping: Mapping) {
  const missing = mappingErrors(sheet, mapping);
  if (missing.length) throw mappingInvalid(missing);
  const { rows, errors } = await parseRows(tx, agencyId, sheet, mapping);
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const r of rows) counts[(await writePackage(tx, a, agencyId, r.rupCode, r.values, 'sirup_import')).result]++;
  await tx.query(
    `insert into sirup_import_mapping (agency_id, mapping, updated_by, updated_at) values ($1, $2, $3, $4)
     on conflict (agency_id) do update set mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [agencyId, JSON.stringify(mapping), a.actor.accountId, a.now],
  );
  await audit(tx, a.who, {
    action: 'package.sirup_import',
    entityType: 'agency',
    entityId: agencyId,
    after: { ...counts, skipped: errors.length, rows: sheet.rows.length },
  });
  return { ...counts, skipped: new Set(errors.map((e) => e.line)).size, errors };
}
