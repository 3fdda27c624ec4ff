// The order as its buyer follows it, reached by the secret in the tracking link (no account needed): each seller's
// part with its state, pickup place, lines, and — while unpaid — the QRIS to pay with. The phone is masked.
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { personalDataKeys } from '../../platform/personal-data.ts';
import { qrisSvg } from '../../platform/qris/qris-image.ts';
import type { ChildOrderView, OrderView } from './schema.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const maskPhone = (e164: string) => `${e164.slice(0, 6)}****${e164.slice(-3)}`;

type ChildRow = Omit<ChildOrderView, 'payment' | 'paidAt' | 'handedOverAt'> & {
  paid_to: 'seller' | 'aggregator';
  qris_payload: string;
  hold_expires_at: Date;
  paid_at: Date | null;
  handed_over_at: Date | null;
};

export async function trackOrder(db: Queryable, where: { token: string } | { id: number }): Promise<OrderView> {
  const byToken = 'token' in where;
  const [o] = await db.query<{
    id: number;
    number: string;
    tracking_token: string;
    edition_id: number;
    held_on: string;
    host: string;
    buyer_kind: OrderView['buyer']['kind'];
    buyer_name: string;
    buyer_phone_enc: Buffer | null;
    session: OrderView['session'];
    total: string;
    created_at: Date;
  }>(
    `select o.id, o.number, o.tracking_token, o.edition_id, e.held_on::text, r.name as host, o.buyer_kind, o.buyer_name,
            o.buyer_phone_enc, o.session, o.total, o.created_at
       from jbl_order o join jbl_edition e on e.id = o.edition_id join region r on r.code = e.host_region_code
      where ${byToken ? 'o.tracking_token = $1' : 'o.id = $1'}`,
    [byToken ? where.token : where.id],
  );
  if (!o) throw notFound({ id: 'Pesanan tidak ditemukan.', en: 'Order not found.' });
  const children = await db.query<ChildRow>(
    `select c.number, c.status, c.total::int8 as total, c.paid_to, c.qris_payload, c.hold_expires_at, c.paid_at, c.handed_over_at,
            json_build_object('id', u.id, 'name', u.name, 'kecamatan', d.name) as seller,
            json_build_object('kind', c.pickup, 'place', coalesce(h.name, u.name || ', ' || u.address)) as pickup,
            (select json_agg(json_build_object('name', p.name, 'quantity', l.quantity, 'price', l.price, 'amount', l.amount) order by l.id)
               from jbl_order_line l join product p on p.id = l.product_id where l.child_order_id = c.id) as lines
       from jbl_child_order c join umkm u on u.id = c.umkm_id
       join region v on v.code = u.village_code join region d on d.code = v.parent_code
       left join region h on h.code = c.hub_code
      where c.order_id = $1 order by c.number`,
    [o.id],
  );
  const phone = o.buyer_phone_enc ? maskPhone(personalDataKeys().decrypt(o.buyer_phone_enc)) : null;
  return {
    number: o.number,
    trackingToken: o.tracking_token,
    edition: { id: Number(o.edition_id), heldOn: o.held_on, host: o.host },
    buyer: { kind: o.buyer_kind, name: o.buyer_name, phone },
    session: o.session,
    total: Number(o.total),
    createdAt: iso(o.created_at)!,
    children: await Promise.all(
      children.map(async (c) => ({
        number: c.number,
        status: c.status,
        seller: { ...c.seller, id: Number(c.seller.id) },
        pickup: c.pickup,
        total: Number(c.total),
        lines: c.lines.map((l) => ({ ...l, price: Number(l.price), amount: Number(l.amount) })),
        payment:
          c.status === 'awaiting_payment'
            ? {
                paidTo: c.paid_to,
                payload: c.qris_payload,
                svg: await qrisSvg(c.qris_payload),
                holdExpiresAt: iso(c.hold_expires_at)!,
              }
            : null,
        paidAt: iso(c.paid_at),
        handedOverAt: iso(c.handed_over_at),
      })),
    ),
  };
}
