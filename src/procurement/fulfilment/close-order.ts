// The PPK closes a paid order: the end of the flow.
import type { Acting } from '../../platform/auth/acting.ts';
import type { Tx } from '../../platform/db/types.ts';
import { lockOrder, moveOrder, type OrderState } from '../order-states.ts';

export async function closeOrder(tx: Tx, a: Acting, orderId: number): Promise<{ id: number; status: OrderState }> {
  const o = await lockOrder(tx, a, orderId, 'close');
  return { id: o.id, status: await moveOrder(tx, a, o, 'close') };
}
