// The package's Pejabat Pengadaan says where the goods go; every order placed afterwards carries it.
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { lockPackage, packageState } from './package-row.ts';
import { procurementPolicy } from '../policy.ts';

export async function setDeliveryAddress(tx: Tx, a: Acting, packageId: number, input: { address: string }) {
  const p = await lockPackage(tx, a.actor, packageId, procurementPolicy.placesOrders, 'pp_account_id');
  if (p.status !== 'ready') throw packageState(p.status, 'yang siap / ready');
  const address = input.address.trim();
  await tx.query('update procurement_package set delivery_address = $2 where id = $1', [p.id, address]);
  await audit(tx, a.who, {
    action: 'procurement.package_delivery_address',
    entityType: 'procurement_package',
    entityId: p.id,
    before: { address: p.delivery_address },
    after: { address },
  });
  return { id: p.id, deliveryAddress: address };
}
