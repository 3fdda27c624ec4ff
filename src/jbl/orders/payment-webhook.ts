// The payment aggregator tells us a QRIS was paid. The request is signed: header x-pl-signature is
// "sha256=" + hex HMAC-SHA256 of the raw body under PL_QRIS_WEBHOOK_SECRET. Each event is handled once (its id is
// kept with the outcome: the same event again gets the same answer and changes nothing); a request sent more than
// five minutes ago, or in the future, is refused as a replay. The reference is the child order number (QRIS tag 62).
import crypto from 'node:crypto';
import { SYSTEM } from '../../platform/auth/actor.ts';
import { ALL } from '../../platform/db/scope.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { payChildOrder } from './pay-child-order.ts';
import type { PaymentOutcome, PaymentWebhookInput } from './schema.ts';

export const WEBHOOK_WINDOW_MS = 5 * 60_000;

export const signBody = (raw: Buffer | string, secret: string) =>
  `sha256=${crypto.createHmac('sha256', secret).update(raw).digest('hex')}`;

/** Refuses an unsigned or wrongly signed request (401), and the webhook when no secret is configured (503). */
export function checkSignature(
  raw: Buffer | undefined,
  header: string | string[] | undefined,
  secret: string | undefined,
) {
  if (!secret)
    throw new AppError(503, 'webhook_not_configured', {
      id: 'Notifikasi pembayaran belum diaktifkan (PL_QRIS_WEBHOOK_SECRET).',
      en: 'Payment notifications are not enabled (PL_QRIS_WEBHOOK_SECRET).',
    });
  const given = Buffer.from(String(Array.isArray(header) ? header[0] : (header ?? '')));
  const want = Buffer.from(signBody(raw ?? Buffer.alloc(0), secret));
  if (given.length !== want.length || !crypto.timingSafeEqual(given, want))
    throw new AppError(401, 'webhook_signature', { id: 'Tanda tangan tidak sah.', en: 'Invalid signature.' });
}

export async function receivePayment(tx: Tx, e: PaymentWebhookInput, now: Date): Promise<PaymentOutcome> {
  const sent = new Date(e.sentAt);
  if (Math.abs(now.getTime() - sent.getTime()) > WEBHOOK_WINDOW_MS)
    throw new AppError(401, 'webhook_replay', {
      id: 'Notifikasi ini terlalu lama atau dari masa depan: ditolak sebagai pengulangan.',
      en: 'This notification is too old or from the future: refused as a replay.',
    });
  const claimed = await tx.query(
    `insert into jbl_payment_event (event_id, amount, reference, outcome, sent_at, received_at)
     values ($1, $2, $3, 'unknown_order', $4, $5) on conflict (event_id) do nothing returning 1`,
    [e.eventId, e.amount, e.reference, sent, now],
  );
  if (!claimed.length) {
    const [prev] = await tx.query<{
      amount: string;
      reference: string;
      outcome: PaymentOutcome['outcome'];
      status: string | null;
    }>(
      `select p.amount, p.reference, p.outcome, c.status from jbl_payment_event p
         left join jbl_child_order c on c.id = p.child_order_id where p.event_id = $1`,
      [e.eventId],
    );
    if (!prev || Number(prev.amount) !== e.amount || prev.reference !== e.reference)
      throw new AppError(409, 'webhook_event_conflict', {
        id: 'ID notifikasi ini sudah dipakai untuk pembayaran lain.',
        en: 'This event id was used for a different payment.',
      });
    return {
      number: e.reference,
      status: (prev.status ?? 'cancelled') as PaymentOutcome['status'],
      outcome: prev.outcome,
    };
  }
  const paid = await payChildOrder(
    tx,
    SYSTEM('qris-aggregator'),
    e.reference,
    ALL,
    { via: 'webhook', reference: e.eventId, amount: e.amount },
    now,
  );
  await tx.query(
    `update jbl_payment_event set outcome = $2, child_order_id = (select id from jbl_child_order where number = $3) where event_id = $1`,
    [e.eventId, paid.outcome, e.reference],
  );
  return { number: paid.number, status: paid.status, outcome: paid.outcome };
}
