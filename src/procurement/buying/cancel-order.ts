// The package's Pejabat Pengadaan cancels an order the seller has not answered yet (state 'placed').
import type { Acting } from '../../platform/auth/acting.ts';
import type { Tx } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { lockOrder, moveOrder } from '../order-states.ts';

export async function cancelOrder(tx: Tx, a: Acting, orderId: number) {
  const o = await lockOrder(tx, a, orderId, 'cancel');
  const [mine] = await tx.query('select 1 from procurement_package where id = $1 and pp_account_id = $2', [
    o.package_id,
    a.actor.accountId,
  ]);
  if (!mine) throw notFound({ id: 'Pesanan tidak ditemukan.', en: 'Order not found.' });
  const status = await moveOrder(tx, a, o, 'cancel');
  return { id: o.id, status };
}
