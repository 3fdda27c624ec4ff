// A child order is paid: confirmed by its seller, or notified by the payment aggregator. Paying twice changes
// nothing (already_paid). A payment that arrives after the hold expired takes the stock again if it is still
// there; if someone else bought it meanwhile the order stays expired and the outcome says so (the aggregator refunds).
import { audit } from '../../platform/audit.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import type { ScopeSql } from '../../platform/db/scope.ts';
import type { Tx } from '../../platform/db/types.ts';
import type { PaymentOutcome } from './schema.ts';
import { sellHeld } from './hold-stock.ts';

type Status = PaymentOutcome['status'];

export interface Payment {
  via: 'seller' | 'webhook';
  reference: string | null;
  /** What the aggregator says was paid; the seller's confirmation carries none. */
  amount?: number;
}

/** Takes an expired order's stock again, all lines or none (items locked in id order). */
async function retake(tx: Tx, childId: number): Promise<boolean> {
  const rows = await tx.query<{ ok: boolean }>(
    `with q as (select lineup_item_id as id, sum(quantity)::int4 as q from jbl_order_line where child_order_id = $1 group by 1)
     select bool_and(i.stock >= q.q and i.removed_at is null) as ok
       from (select * from jbl_lineup_item where id in (select id from q) order by id for update) i join q on q.id = i.id`,
    [childId],
  );
  if (!rows[0]?.ok) return false;
  await tx.query(
    `update jbl_lineup_item i set stock = i.stock - q.q, sold = i.sold + q.q
       from (select lineup_item_id as id, sum(quantity)::int4 as q from jbl_order_line where child_order_id = $1 group by 1) q
      where i.id = q.id`,
    [childId],
  );
  return true;
}

export async function payChildOrder(
  tx: Tx,
  who: AuditActor,
  number: string,
  scope: ScopeSql,
  p: Payment,
  now: Date,
): Promise<PaymentOutcome & { found: boolean; umkmId: number | null }> {
  const [c] = await tx.query<{ id: number; status: Status; total: string; umkm_id: number }>(
    `select c.id, c.status, c.total, c.umkm_id from jbl_child_order c where c.number = $1 and ${scope.sql} for update`,
    [number, ...scope.params],
  );
  if (!c) return { number, status: 'cancelled', outcome: 'unknown_order', found: false, umkmId: null };
  const base = { number, found: true, umkmId: Number(c.umkm_id) };
  if (p.amount !== undefined && p.amount !== Number(c.total))
    return { ...base, status: c.status, outcome: 'amount_mismatch' };
  if (c.status === 'paid' || c.status === 'handed_over') return { ...base, status: c.status, outcome: 'already_paid' };
  if (c.status === 'awaiting_payment') await sellHeld(tx, c.id);
  else if (!(c.status === 'expired' && (await retake(tx, c.id))))
    return { ...base, status: c.status, outcome: 'expired' };
  await tx.query(
    `update jbl_child_order set status = 'paid', paid_at = $2, paid_via = $3, payment_ref = $4, closed_at = null where id = $1`,
    [c.id, now, p.via, p.reference],
  );
  await audit(tx, who, {
    action: p.via === 'seller' ? 'jbl.payment_confirm' : 'jbl.payment_notify',
    entityType: 'jbl_child_order',
    entityId: c.id,
    umkmId: Number(c.umkm_id),
    before: { status: c.status },
    after: { status: 'paid', reference: p.reference, afterExpiry: c.status === 'expired' },
  });
  return { ...base, status: 'paid', outcome: 'paid' };
}
