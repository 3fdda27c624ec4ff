// Creating and changing an agency (OPD or BUMD): its code and name, kota, and payment settings (SLA days and
// whether they are calendar or working days). The bureau and the Dinas admin only; audited.
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError, fieldError, notFound, validationFailed } from '../../platform/http/problem.ts';
import type { AgencyInput, AgencyPatch } from './agency-schema.ts';

const codeTaken = () =>
  new AppError(409, 'agency_code_taken', { id: 'Kode instansi sudah dipakai.', en: 'The agency code is taken.' }, [
    fieldError('body.code', 'agency_code_taken', 'Sudah dipakai instansi lain.', 'Used by another agency.'),
  ]);

async function checkRegion(tx: Tx, code: string | null | undefined) {
  if (!code) return;
  const [r] = await tx.query(`select 1 from region where code = $1 and level = 'city'`, [code]);
  if (!r)
    throw validationFailed([
      fieldError('body.regionCode', 'unknown_region', 'Bukan kode kota/kabupaten.', 'Not a kota/kabupaten code.'),
    ]);
}

export async function createAgency(tx: Tx, a: Acting, input: AgencyInput): Promise<number> {
  await checkRegion(tx, input.regionCode);
  if ((await tx.query('select 1 from agency where lower(code) = lower($1)', [input.code])).length) throw codeTaken();
  const [row] = await tx.query<{ id: number }>(
    `insert into agency (code, name, kind, region_code, payment_sla_days, payment_days_basis)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [input.code, input.name, input.kind, input.regionCode, input.paymentSlaDays, input.paymentDaysBasis],
  );
  await audit(tx, a.who, { action: 'agency.create', entityType: 'agency', entityId: row!.id, after: input });
  return row!.id;
}

export async function updateAgency(tx: Tx, a: Acting, agencyId: number, patch: AgencyPatch): Promise<void> {
  await checkRegion(tx, patch.regionCode);
  const [before] = await tx.query<Record<string, unknown>>(
    `select name, kind, region_code, payment_sla_days, payment_days_basis from agency where id = $1 for update`,
    [agencyId],
  );
  if (!before) throw notFound({ id: 'Instansi tidak ditemukan.', en: 'Agency not found.' });
  const has = (k: keyof AgencyPatch) => patch[k] !== undefined;
  await tx.query(
    `update agency set
       name = case when $2 then $3 else name end,
       kind = case when $4 then $5 else kind end,
       region_code = case when $6 then $7 else region_code end,
       payment_sla_days = case when $8 then $9::integer else payment_sla_days end,
       payment_days_basis = case when $10 then $11 else payment_days_basis end
     where id = $1`,
    [
      agencyId,
      has('name'),
      patch.name ?? null,
      has('kind'),
      patch.kind ?? null,
      has('regionCode'),
      patch.regionCode ?? null,
      has('paymentSlaDays'),
      patch.paymentSlaDays ?? null,
      has('paymentDaysBasis'),
      patch.paymentDaysBasis ?? null,
    ],
  );
  await audit(tx, a.who, { action: 'agency.update', entityType: 'agency', entityId: agencyId, before, after: patch });
}
