// The seller declines a new order with a reason the Pejabat Pengadaan reads (at least 5 characters, checked by the
// route's schema). A second answer is a 409 naming the state.
import type { Acting } from '../../platform/auth/acting.ts';
import type { Tx } from '../../platform/db/types.ts';
import { lockOrder, moveOrder, type OrderState } from '../order-states.ts';

export async function declineOrder(
  tx: Tx,
  a: Acting,
  orderId: number,
  reason: string,
): Promise<{ id: number; status: OrderState }> {
  const o = await lockOrder(tx, a, orderId, 'decline');
  return { id: o.id, status: await moveOrder(tx, a, o, 'decline', { decline_reason: reason.trim() }) };
}
