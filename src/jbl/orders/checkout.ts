// The Friday checkout: one cart across sellers becomes one parent order (jbl_order) and one child order per seller,
// each with its own dynamic QRIS. In one transaction: the edition must be selling (pre-order window or live
// session), the stock of every line is held (or nothing is, and the sold-out lines are named so the buyer keeps the
// rest of the cart), the orders and lines are written, and the audit row. The route wraps it in an Idempotency-Key.
import crypto from 'node:crypto';
import { audit } from '../../platform/audit.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError, fieldError, validationFailed } from '../../platform/http/problem.ts';
import { settingOn } from '../../platform/settings.ts';
import { localDate } from '../../platform/time.ts';
import { childOrderQris } from '../child-order-qris.ts';
import type { Buyer } from './buyer.ts';
import { type HeldLine, holdStock } from './hold-stock.ts';
import { merchantsOf } from './merchants.ts';
import type { CheckoutInput } from './schema.ts';
import { sellingNow } from './selling.ts';

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
  const edition = await sellingNow(tx, editionId, now);
  if (input.pickup.kind === 'hub') {
    const hub = await tx.query('select 1 from region where code = $1 and level = $2 and parent_code = $3', [
      input.pickup.hubCode,
      'district',
      edition.hostCode,
    ]);
    if (!hub.length)
      throw validationFailed([
        fieldError(
          'body.pickup.hubCode',
          'hub_outside_host',
          'Pilih hub kecamatan di kota tuan rumah edisi ini.',
          'Choose a kecamatan hub in this edition’s host kota.',
        ),
      ]);
  }
  const wanted = new Map<number, number>();
  for (const l of input.lines) wanted.set(l.itemId, (wanted.get(l.itemId) ?? 0) + l.quantity);
  const { held, shortages } = await holdStock(tx, editionId, wanted, now);
  if (shortages.length) throw soldOut(shortages, input.lines);

  const bySeller = new Map<number, HeldLine[]>();
  for (const h of held) bySeller.set(h.umkmId, [...(bySeller.get(h.umkmId) ?? []), h]);
  const holdMinutes = Number((await settingOn<number>(tx, 'jbl.hold_minutes', localDate(now)))?.value ?? 15);
  const expires = new Date(now.getTime() + holdMinutes * 60_000);
  const total = held.reduce((s, h) => s + h.price * h.quantity, 0);
  const token = crypto.randomBytes(16).toString('base64url');
  const phone = buyer.kind === 'guest' ? buyer.phone : null;
  const [parent] = await tx.query<{ id: number; number: string }>(
    `insert into jbl_order (id, number, edition_id, buyer_kind, buyer_account_id, agency_id, buyer_name, buyer_phone_enc,
                            buyer_phone_hash, tracking_token, session, total, created_at)
     overriding system value
     select n, 'JBL-' || $1 || '-' || n, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
       from (select nextval(pg_get_serial_sequence('jbl_order', 'id')) as n) s
     returning id, number`,
    [
      edition.friday.replaceAll('-', ''),
      editionId,
      buyer.kind,
      buyer.kind === 'guest' ? null : buyer.accountId,
      buyer.kind === 'asn' ? buyer.agencyId : null,
      buyer.name,
      phone?.enc ?? null,
      phone?.hash ?? null,
      token,
      edition.selling,
      total,
      now,
    ],
  );
  const merchants = await merchantsOf(tx, [...bySeller.keys()], now);
  const children = [...bySeller.entries()].map(([umkmId, lines], i) => {
    const number = `${parent!.number}-${i + 1}`;
    const sum = lines.reduce((s, l) => s + l.price * l.quantity, 0);
    const q = childOrderQris({ number, total: sum }, merchants.sellers.get(umkmId), merchants.aggregator);
    return { umkmId, number, total: sum, paidTo: q.paidTo, qrisPayload: q.payload, lines };
  });
  const ids = await tx.query<{ id: number; umkm_id: number }>(
    `insert into jbl_child_order (order_id, edition_id, umkm_id, number, pickup, hub_code, total, paid_to, qris_payload, hold_expires_at, created_at)
     select $1, $2, c.umkm_id, c.number, $3, $4, c.total, c.paid_to, c.payload, $5, $6
       from unnest($7::int8[], $8::text[], $9::int8[], $10::text[], $11::text[]) as c (umkm_id, number, total, paid_to, payload)
     returning id, umkm_id`,
    [
      parent!.id,
      editionId,
      input.pickup.kind,
      input.pickup.kind === 'hub' ? input.pickup.hubCode : null,
      expires,
      now,
      children.map((c) => c.umkmId),
      children.map((c) => c.number),
      children.map((c) => c.total),
      children.map((c) => c.paidTo),
      children.map((c) => c.qrisPayload),
    ],
  );
  const childId = new Map(ids.map((r) => [Number(r.umkm_id), Number(r.id)]));
  const lines = children.flatMap((c) => c.lines.map((l) => ({ ...l, childId: childId.get(c.umkmId)! })));
  await tx.query(
    `insert into jbl_order_line (child_order_id, umkm_id, lineup_item_id, product_id, quantity, price, amount)
     select l.child, l.umkm, l.item, l.product, l.q, l.price, l.price * l.q
       from unnest($1::int8[], $2::int8[], $3::int8[], $4::int8[], $5::int4[], $6::int8[]) as l (child, umkm, item, product, q, price)`,
    [
      lines.map((l) => l.childId),
      lines.map((l) => l.umkmId),
      lines.map((l) => l.itemId),
      lines.map((l) => l.productId),
      lines.map((l) => l.quantity),
      lines.map((l) => l.price),
    ],
  );
  await audit(tx, who, {
    action: 'jbl.checkout',
    entityType: 'jbl_order',
    entityId: parent!.id,
    after: {
      number: parent!.number,
      buyerKind: buyer.kind,
      total,
      children: children.map((c) => ({ number: c.number, umkmId: c.umkmId, total: c.total })),
    },
  });
  return {
    number: parent!.number,
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
