// The seller accepts a new order: from now on it counts as the agency's commitment (the 0070 trigger). A second
// answer is a 409 naming the state.
import type { Acting } from '../../platform/auth/acting.ts';
import type { Tx } from '../../platform/db/types.ts';
import { lockOrder, moveOrder, type OrderState } from '../order-states.ts';

export async function acceptOrder(tx: Tx, a: Acting, orderId: number): Promise<{ id: number; status: OrderState }> {
  const o = await lockOrder(tx, a, orderId, 'accept');
  return { id: o.id, status: await moveOrder(tx, a, o, 'accept') };
}
