// What a seller prepares for Friday in one edition: per product of theirs, the units in paid orders (and how many
// of those are handed over already) and the units held by checkouts awaiting payment with when those holds end; and
// the orders awaiting payment, which the seller confirms once the QRIS money is in (confirm-payment).
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { BUYER_FIRST_NAME, iso, isoOrNull, LINES_JSON, mine, sellerEdition } from './queries.ts';
import type { SellerEdition } from './schema.ts';

type Awaiting = SellerEdition['awaiting'][number];

export async function sellerEditionView(db: Queryable, actor: Actor, editionId: number): Promise<SellerEdition> {
  const edition = await sellerEdition(db, actor, editionId);
  const items = mine(actor, 'i.umkm_id');
  const n = items.params.length;
  const prepare = await db.query<{
    item_id: number;
    name: string;
    unit: string;
    business: string;
    paid: number;
    handed_over: number;
    awaiting: number;
    first_expiry: Date | null;
    last_expiry: Date | null;
  }>(
    `select i.id as item_id, p.name, p.unit, u.name as business,
            coalesce(sum(l.quantity) filter (where c.status in ('paid', 'handed_over')), 0)::int as paid,
            coalesce(sum(l.quantity) filter (where c.status = 'handed_over'), 0)::int as handed_over,
            coalesce(sum(l.quantity) filter (where c.status = 'awaiting_payment'), 0)::int as awaiting,
            min(c.hold_expires_at) filter (where c.status = 'awaiting_payment') as first_expiry,
            max(c.hold_expires_at) filter (where c.status = 'awaiting_payment') as last_expiry
       from jbl_lineup_item i join product p on p.id = i.product_id join umkm u on u.id = i.umkm_id
       left join jbl_order_line l on l.lineup_item_id = i.id
       left join jbl_child_order c on c.id = l.child_order_id
      where i.edition_id = $${n + 1} and ${items.sql}
      group by i.id, p.name, p.unit, u.name
      order by u.name, p.name, i.id`,
    [...items.params, editionId],
  );
  const orders = mine(actor, 'c.umkm_id');
  const awaiting = await db.query<
    Omit<Awaiting, 'holdExpiresAt' | 'pickup' | 'paidTo'> & {
      hold_expires_at: Date;
      paid_to: Awaiting['paidTo'];
      pickup: Awaiting['pickup']['kind'];
      hub_code: string | null;
      hub_name: string | null;
    }
  >(
    `select c.number, ${BUYER_FIRST_NAME} as buyer, u.name as business, c.total::int8 as total, c.paid_to,
            c.hold_expires_at, c.pickup, c.hub_code, h.name as hub_name, ${LINES_JSON} as lines
       from jbl_child_order c join jbl_order o on o.id = c.order_id join umkm u on u.id = c.umkm_id
       left join region h on h.code = c.hub_code
      where c.edition_id = $${n + 1} and c.status = 'awaiting_payment' and ${orders.sql}
      order by c.hold_expires_at, c.number`,
    [...orders.params, editionId],
  );
  return {
    edition,
    prepare: prepare.map((r) => ({
      itemId: Number(r.item_id),
      name: r.name,
      unit: r.unit,
      business: r.business,
      paid: r.paid,
      handedOver: r.handed_over,
      awaiting: r.awaiting,
      firstHoldExpiresAt: isoOrNull(r.first_expiry),
      lastHoldExpiresAt: isoOrNull(r.last_expiry),
    })),
    awaiting: awaiting.map((c) => ({
      number: c.number,
      buyer: c.buyer,
      business: c.business,
      total: Number(c.total),
      paidTo: c.paid_to,
      holdExpiresAt: iso(c.hold_expires_at),
      pickup: { kind: c.pickup, hubCode: c.hub_code, hubName: c.hub_name },
      lines: c.lines,
    })),
  };
}
