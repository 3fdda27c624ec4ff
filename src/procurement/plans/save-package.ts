// Entering and editing RUP packages: the PA/KPA or PPK for its own agency, the bureau for any. The reservation
// rule is checked against the threshold in force on the package's day (422 naming reservationExemptReason).
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Queryable, Tx } from '../../platform/db/types.ts';
import { AppError, type FieldError, fieldError, notFound, validationFailed } from '../../platform/http/problem.ts';
import type { PackageInput, PackagePatch } from './plan-schema.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';
import { packageDay, reservationError, reservationProblem, thresholdOn } from './reservation.ts';

export type PackageValues = Omit<PackageInput, 'agencyId' | 'rupCode'>;

/** Checks what the columns' constraints cannot: unit of the agency, known category/kota, ordered dates. */
export async function packageFieldErrors(db: Queryable, agencyId: number, p: PackageValues): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (
    p.unitId !== null &&
    !(await db.query('select 1 from agency_unit where id = $1 and agency_id = $2', [p.unitId, agencyId])).length
  )
    errors.push(
      fieldError('body.unitId', 'unknown_unit', 'Unit bukan milik instansi ini.', 'Not a unit of this agency.'),
    );
  if (
    p.categoryCode !== null &&
    !(await db.query('select 1 from product_category where code = $1', [p.categoryCode])).length
  )
    errors.push(fieldError('body.categoryCode', 'unknown_category', 'Kategori tidak dikenal.', 'Unknown category.'));
  if (
    p.regionCode !== null &&
    !(await db.query(`select 1 from region where code = $1 and level = 'city'`, [p.regionCode])).length
  )
    errors.push(
      fieldError('body.regionCode', 'unknown_region', 'Bukan kode kota/kabupaten.', 'Not a kota/kabupaten code.'),
    );
  if (p.kbliCodes.length) {
    const known = await db.query<{ code: string }>('select code from kbli where code = any($1::text[])', [p.kbliCodes]);
    const unknown = p.kbliCodes.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length)
      errors.push(
        fieldError(
          'body.kbliCodes',
          'unknown_kbli',
          `KBLI tidak dikenal: ${unknown.join(', ')}.`,
          `Unknown KBLI: ${unknown.join(', ')}.`,
        ),
      );
  }
  for (const [from, to] of [
    ['selectionFrom', 'selectionTo'],
    ['executionFrom', 'executionTo'],
  ] as const)
    if (p[from] && p[to] && p[from]! > p[to]!)
      errors.push(
        fieldError(
          `body.${to}`,
          'before_start',
          'Tanggal akhir sebelum tanggal mulai.',
          'The end is before the start.',
        ),
      );
  return errors;
}

const VALUES = (agencyId: number, p: PackageValues) => [
  agencyId,
  p.unitId,
  p.year,
  p.name,
  p.pagu,
  p.kind,
  p.supply,
  p.method,
  p.categoryCode,
  p.kbliCodes,
  p.regionCode,
  p.fundingSource,
  p.selectionFrom,
  p.selectionTo,
  p.executionFrom,
  p.executionTo,
  p.reservedSmall,
  p.reservedSmall ? null : p.reservationExemptReason?.trim() || null,
  p.domestic,
];

/**
 * Inserts the package, or updates it in place when its Kode RUP exists for the same agency and anything differs.
 * Answers what happened (a re-import of the same row changes nothing) and the package id.
 */
export async function writePackage(
  tx: Tx,
  a: Acting,
  agencyId: number,
  rupCode: string,
  p: PackageValues,
  source: 'entered' | 'sirup_import',
): Promise<{ id: number; result: 'inserted' | 'updated' | 'unchanged' }> {
  const [existing] = await tx.query<{ id: number; own: boolean; same: boolean }>(
    `select id, agency_id = $2 as own, (unit_id, year, name, pagu, kind, supply, method, category_code, kbli_codes, region_code,
            funding_source, selection_from, selection_to, execution_from, execution_to, reserved_small,
            reservation_exempt_reason, domestic)
        is not distinct from ($3::integer, $4::integer, $5::text, $6::bigint, $7::text, $8::text, $9::text, $10::text,
            $11::text[], $12::text, $13::text, $14::date, $15::date, $16::date, $17::date, $18::boolean, $19::text, $20::boolean) as same
       from procurement_package where rup_code = $1 for update`,
    [rupCode, ...VALUES(agencyId, p)],
  );
  if (existing && !existing.own)
    throw new AppError(
      409,
      'rup_code_taken',
      { id: 'Kode RUP sudah dipakai instansi lain.', en: 'The Kode RUP belongs to another agency.' },
      [fieldError('body.rupCode', 'rup_code_taken', 'Sudah dipakai.', 'Already used.')],
    );
  if (existing?.same) return { id: existing.id, result: 'unchanged' };
  let id: number;
  if (existing) {
    await tx.query(
      `update procurement_package set unit_id = $2, year = $3, name = $4, pagu = $5, kind = $6, supply = $7, method = $8,
         category_code = $9, kbli_codes = $10, region_code = $11, funding_source = $12, selection_from = $13,
         selection_to = $14, execution_from = $15, execution_to = $16, reserved_small = $17,
         reservation_exempt_reason = $18, domestic = $19
       where id = $20 and agency_id = $1`,
      [...VALUES(agencyId, p), existing.id],
    );
    id = existing.id;
  } else {
    const [row] = await tx.query<{ id: number }>(
      `insert into procurement_package (agency_id, unit_id, year, name, pagu, kind, supply, method, category_code,
         kbli_codes, region_code, funding_source, selection_from, selection_to, execution_from, execution_to,
         reserved_small, reservation_exempt_reason, domestic, rup_code, source)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) returning id`,
      [...VALUES(agencyId, p), rupCode, source],
    );
    id = row!.id;
  }
  await audit(tx, a.who, {
    action: existing ? 'package.update' : 'package.create',
    entityType: 'procurement_package',
    entityId: id,
    after: { rupCode, agencyId, ...p, source },
  });
  return { id, result: existing ? 'updated' : 'inserted' };
}

async function requireOwnAgency(tx: Tx, a: Acting, agencyId: number) {
  const scope = agencyScope(a.actor, procurementPolicy.managesPlans, 'id', 2);
  if (!(await tx.query(`select 1 from agency where id = $1 and ${scope.sql}`, [agencyId, ...scope.params])).length)
    throw notFound({ id: 'Instansi tidak ditemukan.', en: 'Agency not found.' });
}

async function check(tx: Tx, agencyId: number, p: PackageValues) {
  const errors = await packageFieldErrors(tx, agencyId, p);
  if (errors.length) throw validationFailed(errors);
  const problem = reservationProblem(p, await thresholdOn(tx, packageDay(p)));
  if (problem) throw reservationError(problem);
}

export async function createPackage(tx: Tx, a: Acting, input: PackageInput): Promise<number> {
  const { agencyId, rupCode, ...p } = input;
  await requireOwnAgency(tx, a, agencyId);
  await check(tx, agencyId, p);
  if ((await tx.query('select 1 from procurement_package where rup_code = $1', [rupCode])).length)
    throw new AppError(409, 'rup_code_taken', { id: 'Kode RUP sudah ada.', en: 'The Kode RUP exists already.' }, [
      fieldError('body.rupCode', 'rup_code_taken', 'Sudah dipakai.', 'Already used.'),
    ]);
  return (await writePackage(tx, a, agencyId, rupCode, p, 'entered')).id;
}

export async function updatePackage(tx: Tx, a: Acting, packageId: number, patch: PackagePatch): Promise<void> {
  const scope = agencyScope(a.actor, procurementPolicy.managesPlans, 'agency_id', 2);
  const [row] = await tx.query<Record<string, unknown> & { agency_id: number; rup_code: string; status: string }>(
    `select agency_id, rup_code, status, unit_id, year, name, pagu, kind, supply, method, category_code, kbli_codes,
            region_code, funding_source, selection_from::text, selection_to::text, execution_from::text,
            execution_to::text, reserved_small, reservation_exempt_reason, domestic
       from procurement_package where id = $1 and ${scope.sql} for update`,
    [packageId, ...scope.params],
  );
  if (!row) throw notFound({ id: 'Paket tidak ditemukan.', en: 'Package not found.' });
  if (row.status === 'closed')
    throw new AppError(409, 'package_state', { id: 'Paket sudah ditutup.', en: 'The package is closed.' });
  const current: PackageValues = {
    unitId: row.unit_id as number | null,
    year: row.year as number,
    name: row.name as string,
    pagu: Number(row.pagu),
    kind: row.kind as PackageValues['kind'],
    supply: row.supply as PackageValues['supply'],
    method: row.method as PackageValues['method'],
    categoryCode: row.category_code as string | null,
    kbliCodes: row.kbli_codes as string[],
    regionCode: row.region_code as string | null,
    fundingSource: row.funding_source as string,
    selectionFrom: row.selection_from as string | null,
    selectionTo: row.selection_to as string | null,
    executionFrom: row.execution_from as string | null,
    executionTo: row.execution_to as string | null,
    reservedSmall: row.reserved_small as boolean,
    reservationExemptReason: row.reservation_exempt_reason as string | null,
    domestic: row.domestic as boolean,
  };
  const next = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  } as PackageValues;
  await check(tx, row.agency_id, next);
  await writePackage(tx, a, row.agency_id, row.rup_code, next, 'entered');
}
