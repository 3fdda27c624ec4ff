// The child orders of a checkout (one per seller, with its QRIS) and their lines, in one statement: the lines find
// their child by seller through the insert's RETURNING, so the checkout makes one round trip here instead of two.
import type { Tx } from '../../platform/db/types.ts';
import type { HeldLine } from './hold-stock.ts';

export interface ChildToWrite {
  umkmId: number;
  number: string;
  total: number;
  paidTo: 'seller' | 'aggregator';
  qrisPayload: string;
  lines: HeldLine[];
}

export async function writeChildren(
  tx: Tx,
  o: {
    orderId: number;
    editionId: number;
    pickup: 'seller' | 'hub';
    hubCode: string | null;
    expires: Date;
    now: Date;
    children: ChildToWrite[];
  },
): Promise<void> {
  const lines = o.children.flatMap((c) => c.lines);
  await tx.query(
    `with c as (
       insert into jbl_child_order (order_id, edition_id, umkm_id, number, pickup, hub_code, total, paid_to, qris_payload, hold_expires_at, created_at)
       select $1, $2, c.umkm_id, c.number, $3, $4, c.total, c.paid_to, c.payload, $5, $6
         from unnest($7::int8[], $8::text[], $9::int8[], $10::text[], $11::text[]) as c (umkm_id, number, total, paid_to, payload)
       returning id, umkm_id)
     insert into jbl_order_line (child_order_id, umkm_id, lineup_item_id, product_id, quantity, price, amount)
     select c.id, l.umkm, l.item, l.product, l.q, l.price, l.price * l.q
       from unnest($12::int8[], $13::int8[], $14::int8[], $15::int4[], $16::int8[]) as l (umkm, item, product, q, price)
       join c on c.umkm_id = l.umkm`,
    [
      o.orderId,
      o.editionId,
      o.pickup,
      o.hubCode,
      o.expires,
      o.now,
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
