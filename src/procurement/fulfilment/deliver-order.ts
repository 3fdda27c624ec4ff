// The seller marks an accepted order delivered, optionally with a note (who received it, what was substituted):
// the PPK may now sign the BAST.
import type { Acting } from '../../platform/auth/acting.ts';
import type { Tx } from '../../platform/db/types.ts';
import { lockOrder, moveOrder, type OrderState } from '../order-states.ts';

export async function deliverOrder(
  tx: Tx,
  a: Acting,
  orderId: number,
  note: string | undefined,
): Promise<{ id: number; status: OrderState }> {
  const o = await lockOrder(tx, a, orderId, 'deliver');
  return { id: o.id, status: await moveOrder(tx, a, o, 'deliver', { delivery_note: note?.trim() || null }) };
}
