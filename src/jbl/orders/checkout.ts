// The Friday checkout: one cart across sellers becomes one parent order (jbl_order) and one child order per seller,
// each with its own dynamic QRIS. In one transaction: the edition must be selling (pre-order window or live
// session), the stock of every line is held (or nothing is, and the sold-out lines are named so the buyer keeps the
// rest of the cart), the orders and lines are written, and the audit row. The route wraps it in an Idempotency-Key.
import crypto from 'node:crypto';
import { audit } from '../../platform/audit.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError, fieldError, validationFailed } from '../../platform/http/problem.ts';
import { childOrderQris } from '../child-order-qris.ts';
import type { Buyer } from './buyer.ts';
import { type HeldLine, holdStock } from './hold-stock.ts';
import { checkoutContext } from './checkout-context.ts';
import { writeOrder } from './write-order.ts';
import type { CheckoutInput } from './schema.ts';

export interface CheckoutResult {
  number: string;
  trackingToken: string;
  total: number;
  session: 'preorder' | 'live';
  holdExpiresAt: string;
  children: {
    number: string;
    sellerName: string;
    total: number;
    paidTo: 'seller' | 'aggregator';
    qrisPayload: string;
  }[];
}

const soldOut = (
  shortages: { itemId: number; requested: number; available: number }[],
  lines: CheckoutInput['lines'],
) =>
  new AppError(
    409,
    'sold_out',
    {
      id: 'Sebagian produk habis atau stoknya kurang. Produk lain tetap di keranjang.',
      en: 'Some products are sold out or short of stock. The rest of the cart is kept.',
    },
    shortages.map((s) =>
      fieldError(
        `body.lines.${lines.findIndex((l) => l.itemId === s.itemId)}.quantity`,
        s.available ? 'stock_short' : 'sold_out',
        s.available ? `Stok tinggal ${s.available}.` : 'Habis terjual.',
        s.available ? `Only ${s.available} left.` : 'Sold out.',
      ),
    ),
  );

export async function checkout(
  tx: Tx,
  who: AuditActor,
  buyer: Buyer,
  editionId: number,
  input: CheckoutInput,
  now: Date,
): Promise<CheckoutResult> {
  const wanted = new Map<number, number>();
  for (const l of input.lines) wanted.set(l.itemId, (wanted.get(l.itemId) ?? 0) + l.quantity);
  const hubCode = input.pickup.kind === 'hub' ? input.pickup.hubCode : null;
  const edition = await checkoutContext(tx, editionId, [...wanted.keys()], hubCode, now);
  if (hubCode !== null && !edition.hubInHost)
    throw validationFailed([
      fieldError(
        'body.pickup.hubCode',
        'hub_outside_host',
        'Pilih hub kecamatan di kota tuan rumah edisi ini.',
        'Choose a kecamatan hub in this edition’s host kota.',
      ),
    ]);
  const { held, shortages } = await holdStock(tx, editionId, wanted, now);
  if (shortages.length) throw soldOut(shortages, input.lines);

  const bySeller = new Map<number, HeldLine[]>();
  for (const h of held) bySeller.set(h.umkmId, [...(bySeller.get(h.umkmId) ?? []), h]);
  const expires = new Date(now.getTime() + edition.holdMinutes * 60_000);
  const total = held.reduce((s, h) => s + h.price * h.quantity, 0);
  const token = crypto.randomBytes(16).toString('base64url');
  const number = `JBL-${edition.friday.replaceAll('-', '')}-${edition.orderId}`;
  const merchants = edition.merchants;
  const children = [...bySeller.entries()].map(([umkmId, lines], i) => {
    const childNumber = `${number}-${i + 1}`;
    const sum = lines.reduce((s, l) => s + l.price * l.quantity, 0);
    const q = childOrderQris({ number: childNumber, total: sum }, merchants.sellers.get(umkmId), merchants.aggregator);
    return { umkmId, number: childNumber, total: sum, paidTo: q.paidTo, qrisPayload: q.payload, lines };
  });
  await writeOrder(tx, {
    id: edition.orderId,
    number,
    editionId,
    buyer,
    trackingToken: token,
    session: edition.selling,
    total,
    pickup: input.pickup.kind,
    hubCode,
    expires,
    now,
    children,
  });
  await audit(tx, who, {
    action: 'jbl.checkout',
    entityType: 'jbl_order',
    entityId: edition.orderId,
    after: {
      number,
      buyerKind: buyer.kind,
      total,
      children: children.map((c) => ({ number: c.number, umkmId: c.umkmId, total: c.total })),
    },
  });
  return {
    number,
    trackingToken: token,
    total,
    session: edition.selling,
    holdExpiresAt: expires.toISOString(),
    children: children.map((c) => ({
      number: c.number,
      sellerName: merchants.names.get(c.umkmId) ?? '',
      total: c.total,
      paidTo: c.paidTo,
      qrisPayload: c.qrisPayload,
    })),
  };
}
