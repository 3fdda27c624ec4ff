// A checkout's rows in one statement: the parent order (its id drawn beforehand, so the QRIS payloads could carry
// the numbers), one child order per seller with its QRIS, and the lines, which find their child by seller through
// the insert's RETURNING. One round trip instead of three.
import type { Tx } from '../../platform/db/types.ts';
import type { Buyer } from './buyer.ts';
import type { HeldLine } from './hold-stock.ts';

export interface ChildToWrite {
  umkmId: number;
  number: string;
  total: number;
  paidTo: 'seller' | 'aggregator';
  qrisPayload: string;
  lines: HeldLine[];
}

export interface OrderToWrite {
  id: number;
  number: string;
  editionId: number;
  buyer: Buyer;
  trackingToken: string;
  session: 'preorder' | 'live';
  total: number;
  pickup: 'seller' | 'hub';
  hubCode: string | null;
  expires: Date;
  now: Date;
  children: ChildToWrite[];
}

export async function writeOrder(tx: Tx, o: OrderToWrite): Promise<void> {
  const lines = o.children.flatMap((c) => c.lines);
  const b = o.buyer;
  const phone = b.kind === 'guest' ? b.phone : null;
  await tx.query(
    `with o as (
       insert into jbl_order (id, number, edition_id, buyer_kind, buyer_account_id, agency_id, buyer_name, buyer_phone_enc,
                              buyer_phone_hash, tracking_token, session, total, created_at)
       overriding system value values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id),
     c as (
       insert into jbl_child_order (order_id, edition_id, umkm_id, number, pickup, hub_code, total, paid_to, qris_payload, hold_expires_at, created_at)
       select (select id from o), $3, c.umkm_id, c.number, $14, $15, c.total, c.paid_to, c.payload, $16, $13
         from unnest($17::int8[], $18::text[], $19::int8[], $20::text[], $21::text[]) as c (umkm_id, number, total, paid_to, payload)
       returning id, umkm_id)
     insert into jbl_order_line (child_order_id, umkm_id, lineup_item_id, product_id, quantity, price, amount)
     select c.id, l.umkm, l.item, l.product, l.q, l.price, l.price * l.q
       from unnest($22::int8[], $23::int8[], $24::int8[], $25::int4[], $26::int8[]) as l (umkm, item, product, q, price)
       join c on c.umkm_id = l.umkm`,
    [
      o.id,
      o.number,
      o.editionId,
      b.kind,
      b.kind === 'guest' ? null : b.accountId,
      b.kind === 'asn' ? b.agencyId : null,
      b.name,
      phone?.enc ?? null,
      phone?.hash ?? null,
      o.trackingToken,
      o.session,
      o.total,
      o.now,
      o.pickup,
      o.hubCode,
      o.expires,
      o.children.map((c) => c.umkmId),
      o.children.map((c) => c.number),
      o.children.map((c) => c.total),
      o.children.map((c) => c.paidTo),
      o.children.map((c) => c.qrisPayload),
      lines.map((l) => l.umkmId),
      lines.map((l) => l.itemId),
      lines.map((l) => l.productId),
      lines.map((l) => l.quantity),
      lines.map((l) => l.price),
    ],
    { prepare: true },
  );
}
