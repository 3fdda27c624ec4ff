// What a payment that became 'paid' does to its order (shared by the Bendahara's transfer and the PA/KPA's
// autodebit approval): paid_amount grows; once it reaches the total the order moves to 'paid' with its payment
// days (BAST → paid in full, in the agency's day basis). The realisation rollup is posted by the payment row's
// trigger (0071), not here.
import type { Acting } from '../../platform/auth/acting.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError, fieldError } from '../../platform/http/problem.ts';
import { formatRupiah } from '../../platform/money.ts';
import { moveOrder, type OrderRow, type OrderState } from '../order-states.ts';
import { paymentDaysFor } from './payment-days.ts';

/** Refuses a payment above what is still owed (422, naming the field), before anything is written. */
export function checkWithinOutstanding(o: OrderRow, amount: number, taxWithheld: number, pending = 0): void {
  const outstanding = o.total - o.paid_amount - pending;
  if (amount + taxWithheld <= outstanding) return;
  const left = formatRupiah(Math.max(0, outstanding));
  throw new AppError(
    422,
    'payment_exceeds',
    {
      id: `Pembayaran melebihi sisa tagihan pesanan (${left}).`,
      en: `The payment exceeds what is still owed on the order (${formatRupiah(Math.max(0, outstanding), 'en')}).`,
    },
    [
      fieldError(
        'body.amount',
        'payment_exceeds',
        `Jumlah ditambah pajak dipotong paling banyak ${left}.`,
        `Amount plus tax withheld at most ${formatRupiah(Math.max(0, outstanding), 'en')}.`,
      ),
    ],
  );
}

export async function settle(tx: Tx, a: Acting, o: OrderRow, gross: number, paidAt: Date): Promise<OrderState> {
  const paid = o.paid_amount + gross;
  if (paid < o.total) {
    await tx.query('update eorder set paid_amount = $2 where id = $1', [o.id, paid]);
    return o.status;
  }
  const receivedAt = o.received_at ? new Date(o.received_at) : paidAt;
  const paymentDays = await paymentDaysFor(tx, o.agency_id, receivedAt, paidAt);
  return moveOrder(tx, a, o, 'pay', { paid_amount: paid, payment_days: paymentDays });
}
