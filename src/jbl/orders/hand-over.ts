// The seller hands a paid order over (at the hub or at their place): the buyer's tracking page shows it.
import { audit } from '../../platform/audit.ts';
import type { Acting } from '../../platform/auth/acting.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError, notFound } from '../../platform/http/problem.ts';
import { sellerScope } from '../../platform/db/scope.ts';
import type { PaymentOutcome } from './schema.ts';

export async function handOver(
  tx: Tx,
  a: Acting,
  number: string,
): Promise<{ number: string; status: PaymentOutcome['status'] }> {
  const scope = sellerScope(a.actor, 'c.umkm_id', 2);
  const [c] = await tx.query<{ id: number; status: PaymentOutcome['status']; umkm_id: number }>(
    `select c.id, c.status, c.umkm_id from jbl_child_order c where c.number = $1 and ${scope.sql} for update`,
    [number, ...scope.params],
  );
  if (!c) throw notFound({ id: 'Pesanan tidak ditemukan.', en: 'Order not found.' });
  if (c.status === 'handed_over') return { number, status: c.status };
  if (c.status !== 'paid')
    throw new AppError(409, 'jbl_order_state', {
      id: 'Hanya pesanan yang sudah dibayar yang bisa diserahkan.',
      en: 'Only a paid order can be handed over.',
    });
  await tx.query(`update jbl_child_order set status = 'handed_over', handed_over_at = $2 where id = $1`, [c.id, a.now]);
  await audit(tx, a.who, {
    action: 'jbl.hand_over',
    entityType: 'jbl_child_order',
    entityId: c.id,
    umkmId: Number(c.umkm_id),
    before: { status: 'paid' },
    after: { status: 'handed_over' },
  });
  return { number, status: 'handed_over' };
}
