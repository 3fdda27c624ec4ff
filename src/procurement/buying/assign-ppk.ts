// The PA/KPA hands a planned package of its agency to a PPK of the same agency.
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { lockPackage, packageState, requireOfficial } from './package-row.ts';
import { procurementPolicy } from '../policy.ts';

export async function assignPpk(tx: Tx, a: Acting, packageId: number, input: { ppkAccountId: number }) {
  const p = await lockPackage(tx, a.actor, packageId, procurementPolicy.assignsPpk);
  if (p.status !== 'planned') throw packageState(p.status, 'yang direncanakan / planned');
  await requireOfficial(tx, input.ppkAccountId, p.agency_id, 'ppk', 'body.ppkAccountId');
  await tx.query(
    `update procurement_package set status = 'assigned', pa_account_id = $2, ppk_account_id = $3, assigned_at = $4 where id = $1`,
    [p.id, a.actor.accountId, input.ppkAccountId, a.now],
  );
  await audit(tx, a.who, {
    action: 'procurement.package_assign_ppk',
    entityType: 'procurement_package',
    entityId: p.id,
    before: { status: p.status, ppk: p.ppk_account_id },
    after: { status: 'assigned', ppk: input.ppkAccountId },
  });
  return { id: p.id, status: 'assigned' as const };
}
