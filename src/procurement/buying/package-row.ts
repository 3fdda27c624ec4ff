// One package row locked for a step, found only where the caller may take that step: in an agency where it holds
// the step's role and, for the PPK's and the Pejabat Pengadaan's steps, only when the package is assigned to it.
// Anything else is "not found" (404), as another agency's package is.
import type { AccountActor } from '../../platform/auth/actor.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError, notFound } from '../../platform/http/problem.ts';
import { agencyScope } from '../policy.ts';

export interface PackageRow {
  id: number;
  agency_id: number;
  unit_id: number | null;
  name: string;
  pagu: number;
  kind: string;
  reserved_small: boolean;
  status: 'planned' | 'assigned' | 'ready' | 'closed';
  pa_account_id: number | null;
  ppk_account_id: number | null;
  pp_account_id: number | null;
  delivery_address: string | null;
}

export const packageNotFound = () => notFound({ id: 'Paket tidak ditemukan.', en: 'Package not found.' });

export async function lockPackage(
  tx: Tx,
  actor: AccountActor,
  packageId: number,
  rule: readonly Role[],
  assignedAs?: 'ppk_account_id' | 'pp_account_id',
): Promise<PackageRow> {
  const scope = agencyScope(actor, rule, 'p.agency_id', 3);
  const [p] = await tx.query<PackageRow>(
    `select p.id, p.agency_id, p.unit_id, p.name, p.pagu, p.kind, p.reserved_small, p.status, p.pa_account_id,
            p.ppk_account_id, p.pp_account_id, p.delivery_address
       from procurement_package p
      where p.id = $1 and ${scope.sql} ${assignedAs ? `and p.${assignedAs} = $2` : 'and $2::bigint is not null'}
      for update`,
    [packageId, actor.accountId, ...scope.params],
  );
  if (!p) throw packageNotFound();
  return p;
}

export const packageState = (status: PackageRow['status'], allowed: string) =>
  new AppError(409, 'package_state', {
    id: `Paket berstatus "${STATUS_ID[status]}": langkah ini hanya untuk paket ${allowed}.`,
    en: `The package is "${status}": this step is only for ${allowed} packages.`,
  });

const STATUS_ID: Record<PackageRow['status'], string> = {
  planned: 'direncanakan',
  assigned: 'ditugaskan ke PPK',
  ready: 'siap dipesan',
  closed: 'ditutup',
};

/** The account must hold `role` as an official of the agency (agency_official), else 422 naming the field. */
export async function requireOfficial(tx: Tx, accountId: number, agencyId: number, role: string, field: string) {
  const [o] = await tx.query<{ name: string }>(
    'select name from agency_official where account_id = $1 and agency_id = $2 and role = $3',
    [accountId, agencyId, role],
  );
  if (!o)
    throw new AppError(
      422,
      'official_not_in_agency',
      {
        id: 'Pejabat yang dipilih tidak memegang peran itu di instansi paket ini.',
        en: "The chosen official does not hold that role in the package's agency.",
      },
      [
        {
          field,
          code: 'official_not_in_agency',
          message: { id: 'Pilih pejabat instansi ini.', en: 'Choose an official of this agency.' },
        },
      ],
    );
  return o;
}
