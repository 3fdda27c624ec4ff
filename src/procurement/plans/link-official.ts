// Links an existing account (found by its email) to an agency in an official's role: the agency_official row
// (where it sits, how it is named on a BAST) and the role grant scoped to the agency (what it may do), in one
// transaction with their audit rows. Linking again updates the name, NIP and unit.
import { grantRole } from '../../access/create-account.ts';
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError, fieldError, validationFailed } from '../../platform/http/problem.ts';
import type { OfficialInput } from './agency-schema.ts';
import { requireAgency } from './save-unit.ts';

export async function linkOfficial(tx: Tx, a: Acting, agencyId: number, input: OfficialInput): Promise<number> {
  await requireAgency(tx, agencyId, true);
  const [account] = await tx.query<{ id: number }>('select id from account where lower(email) = $1', [input.email]);
  if (!account)
    throw new AppError(
      404,
      'account_not_found',
      { id: 'Tidak ada akun dengan email ini.', en: 'No account has this email.' },
      [
        fieldError(
          'body.email',
          'account_not_found',
          'Buat akunnya dahulu, lalu tautkan.',
          'Create the account first, then link it.',
        ),
      ],
    );
  if (
    input.unitId !== null &&
    !(await tx.query('select 1 from agency_unit where id = $1 and agency_id = $2', [input.unitId, agencyId])).length
  )
    throw validationFailed([
      fieldError('body.unitId', 'unknown_unit', 'Unit bukan milik instansi ini.', 'Not a unit of this agency.'),
    ]);
  await tx.query(
    `insert into agency_official (account_id, agency_id, role, unit_id, name, nip) values ($1, $2, $3, $4, $5, $6)
     on conflict (account_id, agency_id, role) do update set unit_id = excluded.unit_id, name = excluded.name, nip = excluded.nip`,
    [account.id, agencyId, input.role, input.unitId, input.name, input.nip],
  );
  await grantRole(tx, a.who, account.id, input.role, String(agencyId));
  await audit(tx, a.who, {
    action: 'agency.official_link',
    entityType: 'agency',
    entityId: agencyId,
    after: { accountId: account.id, role: input.role, name: input.name, unitId: input.unitId },
  });
  return account.id;
}
