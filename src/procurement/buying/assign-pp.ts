// The package's PPK names the Pejabat Pengadaan (an official of the same agency): the package is then ready for
// the cart. Naming another one before any order is placed replaces the first.
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { lockPackage, packageState, requireOfficial } from './package-row.ts';
import { procurementPolicy } from '../policy.ts';

export async function assignPp(tx: Tx, a: Acting, packageId: number, input: { ppAccountId: number }) {
  const p = await lockPackage(tx, a.actor, packageId, procurementPolicy.preparesPackage, 'ppk_account_id');
  if (p.status !== 'assigned' && p.status !== 'ready') throw packageState(p.status, 'yang ditugaskan / assigned');
  await requireOfficial(tx, input.ppAccountId, p.agency_id, 'pejabat_pengadaan', 'body.ppAccountId');
  await tx.query(
    `update procurement_package set status = 'ready', pp_account_id = $2, ready_at = coalesce(ready_at, $3) where id = $1`,
    [p.id, input.ppAccountId, a.now],
  );
  await audit(tx, a.who, {
    action: 'procurement.package_assign_pp',
    entityType: 'procurement_package',
    entityId: p.id,
    before: { status: p.status, pp: p.pp_account_id },
    after: { status: 'ready', pp: input.ppAccountId },
  });
  return { id: p.id, status: 'ready' as const };
}
