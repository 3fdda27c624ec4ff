// An agency's units (bidang, UPT, suku dinas): added and renamed by the bureau; codes unique within the agency.
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError, fieldError, notFound } from '../../platform/http/problem.ts';

const unitCodeTaken = () =>
  new AppError(
    409,
    'unit_code_taken',
    { id: 'Kode unit sudah dipakai di instansi ini.', en: 'The unit code is taken in this agency.' },
    [fieldError('body.code', 'unit_code_taken', 'Sudah dipakai.', 'Already used.')],
  );

export async function requireAgency(tx: Tx, agencyId: number, lock = false): Promise<void> {
  const [row] = await tx.query(`select 1 from agency where id = $1 ${lock ? 'for update' : ''}`, [agencyId]);
  if (!row) throw notFound({ id: 'Instansi tidak ditemukan.', en: 'Agency not found.' });
}

export async function addUnit(
  tx: Tx,
  a: Acting,
  agencyId: number,
  input: { code: string; name: string },
): Promise<number> {
  await requireAgency(tx, agencyId, true);
  if ((await tx.query('select 1 from agency_unit where agency_id = $1 and code = $2', [agencyId, input.code])).length)
    throw unitCodeTaken();
  const [row] = await tx.query<{ id: number }>(
    'insert into agency_unit (agency_id, code, name) values ($1, $2, $3) returning id',
    [agencyId, input.code, input.name],
  );
  await audit(tx, a.who, { action: 'agency.unit_add', entityType: 'agency', entityId: agencyId, after: input });
  return row!.id;
}

export async function updateUnit(
  tx: Tx,
  a: Acting,
  agencyId: number,
  unitId: number,
  patch: { code?: string; name?: string },
): Promise<void> {
  const [before] = await tx.query<{ code: string; name: string }>(
    'select code, name from agency_unit where id = $1 and agency_id = $2 for update',
    [unitId, agencyId],
  );
  if (!before) throw notFound({ id: 'Unit tidak ditemukan.', en: 'Unit not found.' });
  if (
    patch.code &&
    patch.code !== before.code &&
    (await tx.query('select 1 from agency_unit where agency_id = $1 and code = $2', [agencyId, patch.code])).length
  )
    throw unitCodeTaken();
  await tx.query(
    'update agency_unit set code = coalesce($3, code), name = coalesce($4, name) where id = $1 and agency_id = $2',
    [unitId, agencyId, patch.code ?? null, patch.name ?? null],
  );
  await audit(tx, a.who, {
    action: 'agency.unit_update',
    entityType: 'agency',
    entityId: agencyId,
    before: { unitId, ...before },
    after: { unitId, ...patch },
  });
}
