// The PA/KPA of the order's agency approves an autodebit the Bendahara requested (it is paid now, with the same
// effects as a transfer) or rejects it with a note. The order is locked within the PA/KPA's own agencies (the
// state machine's lockOrder scopes 'pay' to the Bendahara), then moved by moveOrder like every transition.
import { audit } from '../../platform/audit.ts';
import type { Acting } from '../../platform/auth/acting.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError, fieldError, notFound, validationFailed } from '../../platform/http/problem.ts';
import { type OrderRow, type OrderState, TRANSITIONS, wrongState } from '../order-states.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';
import { checkWithinOutstanding, settle } from './settle-payment.ts';

export interface AutodebitDecision {
  decision: 'approve' | 'reject';
  note?: string;
}

export async function decideAutodebit(
  tx: Tx,
  a: Acting,
  orderId: number,
  paymentId: number,
  input: AutodebitDecision,
): Promise<{ paymentId: number; paymentStatus: 'paid' | 'rejected'; orderStatus: OrderState }> {
  if (input.decision === 'reject' && (input.note?.trim().length ?? 0) < 5)
    throw validationFailed([
      fieldError(
        'body.note',
        'note_required',
        'Tulis alasan penolakan (minimal 5 karakter).',
        'Give the reason for rejecting (at least 5 characters).',
      ),
    ]);
  const scope = agencyScope(a.actor, procurementPolicy.approvesAutodebit, 'o.agency_id', 3);
  const [o] = await tx.query<OrderRow>(
    `select o.id, o.group_id, o.package_id, o.agency_id, o.unit_id, o.umkm_id, o.seller_kind, o.seller_size, o.counts_umk,
            o.status, o.total, o.paid_amount, o.money, o.received_at, o.due_date::text as due_date, o.bast_number
       from eorder o where o.id = $1 and exists (select 1 from eorder_payment y where y.id = $2 and y.order_id = o.id)
        and ${scope.sql} for update`,
    [orderId, paymentId, ...scope.params],
  );
  if (!o) throw notFound({ id: 'Pembayaran tidak ditemukan.', en: 'Payment not found.' });
  const [p] = await tx.query<{ id: number; kind: string; status: string; amount: number; tax_withheld: number }>(
    'select id, kind, status, amount, tax_withheld from eorder_payment where id = $1 for update',
    [paymentId],
  );
  if (p!.kind !== 'autodebit' || p!.status !== 'requested')
    throw new AppError(409, 'payment_state', {
      id: 'Pembayaran ini bukan permintaan autodebit yang menunggu persetujuan.',
      en: 'This payment is not an autodebit request awaiting approval.',
    });
  const approve = input.decision === 'approve';
  if (approve) {
    if (!TRANSITIONS.pay.from.includes(o.status)) throw wrongState(o.status);
    checkWithinOutstanding(o, p!.amount, p!.tax_withheld);
  }
  await tx.query(
    `update eorder_payment set status = $2, approved_by = case when $2 = 'paid' then $3::bigint end, decided_at = $4,
            decision_note = $5, paid_at = case when $2 = 'paid' then $4::timestamptz end
      where id = $1`,
    [p!.id, approve ? 'paid' : 'rejected', a.actor.accountId, a.now, input.note?.trim() || null],
  );
  await audit(tx, a.who, {
    action: approve ? 'procurement.autodebit_approve' : 'procurement.autodebit_reject',
    entityType: 'eorder_payment',
    entityId: p!.id,
    umkmId: o.umkm_id,
    before: { status: 'requested' },
    after: { status: approve ? 'paid' : 'rejected', note: input.note ?? null },
  });
  const orderStatus = approve ? await settle(tx, a, o, p!.amount + p!.tax_withheld, a.now) : o.status;
  return { paymentId: p!.id, paymentStatus: approve ? 'paid' : 'rejected', orderStatus };
}
