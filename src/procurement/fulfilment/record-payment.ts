// The Bendahara records a payment of a received order: a transfer (paid now, with the tax withheld — by default
// what the order's tax rules computed, less what earlier payments withheld) or an autodebit request the PA/KPA
// approves. Never above what is still owed (counting autodebits waiting for approval): 422 naming the field.
import { audit } from '../../platform/audit.ts';
import type { Acting } from '../../platform/auth/acting.ts';
import type { Tx } from '../../platform/db/types.ts';
import { moneyView, taxLinesOf } from './order-money.ts';
import { lockOrder, type OrderState, TRANSITIONS, wrongState } from '../order-states.ts';
import { checkWithinOutstanding, settle } from './settle-payment.ts';

export interface PaymentInput {
  kind: 'transfer' | 'autodebit';
  amount: number;
  taxWithheld?: number;
  reference?: string;
}

export interface PaymentOutcome {
  paymentId: number;
  orderId: number;
  paymentStatus: 'requested' | 'paid';
  orderStatus: OrderState;
  amount: number;
  taxWithheld: number;
}

export async function recordPayment(tx: Tx, a: Acting, orderId: number, input: PaymentInput): Promise<PaymentOutcome> {
  const o = await lockOrder(tx, a, orderId, 'pay');
  if (!TRANSITIONS.pay.from.includes(o.status)) throw wrongState(o.status);
  const [sums] = await tx.query<{ withheld: number; pending: number }>(
    `select coalesce(sum(tax_withheld) filter (where status = 'paid'), 0) as withheld,
            coalesce(sum(amount + tax_withheld) filter (where status = 'requested'), 0) as pending
       from eorder_payment where order_id = $1`,
    [o.id],
  );
  const money = moneyView(o.money, o.total);
  const taxWithheld = input.taxWithheld ?? Math.max(0, money.withheld - Number(sums?.withheld ?? 0));
  checkWithinOutstanding(o, input.amount, taxWithheld, Number(sums?.pending ?? 0));
  const paid = input.kind === 'transfer';
  const [p] = await tx.query<{ id: number }>(
    `insert into eorder_payment (order_id, umkm_id, kind, stage, status, amount, tax_withheld, tax_lines, reference, requested_by, requested_at, paid_at)
     values ($1, $2, $3, 'final', $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      o.id,
      o.umkm_id,
      input.kind,
      paid ? 'paid' : 'requested',
      input.amount,
      taxWithheld,
      JSON.stringify(taxWithheld > 0 ? taxLinesOf(money) : []),
      input.reference?.trim() || null,
      a.actor.accountId,
      a.now,
      paid ? a.now : null,
    ],
  );
  await audit(tx, a.who, {
    action: paid ? 'procurement.payment_record' : 'procurement.autodebit_request',
    entityType: 'eorder_payment',
    entityId: p!.id,
    umkmId: o.umkm_id,
    after: { orderId: o.id, kind: input.kind, amount: input.amount, taxWithheld, reference: input.reference ?? null },
  });
  const orderStatus = paid ? await settle(tx, a, o, input.amount + taxWithheld, a.now) : o.status;
  return {
    paymentId: p!.id,
    orderId: o.id,
    paymentStatus: paid ? 'paid' : 'requested',
    orderStatus,
    amount: input.amount,
    taxWithheld,
  };
}
