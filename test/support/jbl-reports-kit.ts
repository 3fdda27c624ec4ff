// Jumat Beli Lokal fixtures for the report tests, made directly in SQL (the checkout and line-up use cases are
// written elsewhere): a closed edition on a Friday of its own, line-up items of a seller, and checkouts whose seller
// orders are in any state, stamped as the checkout and payment would have stamped them (CHECKs respected).
import type { Db } from '../../src/platform/db/types.ts';
import { unique } from './factories.ts';

const one = async (db: Db, sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0]!.id;

let fridays = 0;

/** A closed edition on a Friday no other test uses (years 2060–2089, drawn at random, then one week apart). */
export async function makeEdition(db: Db, host = '3171'): Promise<{ id: number; friday: string }> {
  const base = Date.UTC(2060, 0, 2) + (Math.floor(Math.random() * 1400) + fridays++) * 7 * 86_400_000; // 2060-01-02 is a Friday
  const friday = new Date(base).toISOString().slice(0, 10);
  const id = await one(
    db,
    `insert into jbl_edition (friday, held_on, host_region_code, preorder_opens_at, preorder_closes_at, live_starts_at,
                              live_ends_at, status)
     values ($1, $1, $2, $1::date - 4 + time '00:00' - interval '7 hours', $1::date - 1 + time '13:00',
             $1::date + time '03:00', $1::date + time '04:00', 'closed') returning id`,
    [friday, host],
  );
  return { id, friday };
}

/** A line-up item of the seller's product in `category` at `price`, in the seller's kecamatan. */
export async function makeItem(db: Db, editionId: number, umkmId: number, category: string, price: number) {
  const productId = await one(
    db,
    `insert into product (umkm_id, name, category_code, price, unit, status) values ($1, $2, $3, $4, 'pcs', 'published') returning id`,
    [umkmId, `Produk JBL ${unique()}`, category, price],
  );
  return one(
    db,
    `insert into jbl_lineup_item (edition_id, product_id, umkm_id, kecamatan_code, category_code, price, stock_initial, stock,
                                  pick, rotation_round, reason_id, reason_en)
     select $1, $2, $3, v.parent_code, $4, $5, 1000, 1000, 'rotation', 1, 'Uji', 'Test'
       from umkm u join region v on v.code = u.village_code where u.id = $3 returning id`,
    [editionId, productId, umkmId, category, price],
  );
}

export type ChildStatus = 'awaiting_payment' | 'paid' | 'handed_over' | 'expired' | 'cancelled';

export interface Part {
  umkmId: number;
  status: ChildStatus;
  paidTo?: 'seller' | 'aggregator';
  lines: { itemId: number; quantity: number }[];
}

export interface Buyer {
  kind: 'guest' | 'asn' | 'public';
  accountId?: number;
  agencyId?: number;
}

/** One checkout with a seller order per part; returns the seller orders' ids in the parts' order. */
export async function placeCheckout(
  db: Db,
  editionId: number,
  session: 'preorder' | 'live',
  buyer: Buyer,
  parts: Part[],
): Promise<number[]> {
  const number = `JBLT-${unique()}`;
  const priced = [];
  for (const p of parts) {
    const lines = [];
    for (const l of p.lines) {
      const [it] = await db.query<{ price: number; product_id: number }>(
        'select price, product_id from jbl_lineup_item where id = $1',
        [l.itemId],
      );
      lines.push({ ...l, price: Number(it!.price), productId: it!.product_id });
    }
    priced.push({ ...p, lines, total: lines.reduce((n, l) => n + l.price * l.quantity, 0) });
  }
  const orderId = await one(
    db,
    `insert into jbl_order (number, edition_id, buyer_kind, buyer_account_id, agency_id, buyer_name, tracking_token, session, total)
     values ($1, $2, $3, $4, $5, 'Pembeli Uji', $6, $7, $8) returning id`,
    [
      number,
      editionId,
      buyer.kind,
      buyer.accountId ?? null,
      buyer.agencyId ?? null,
      unique() + unique(),
      session,
      priced.reduce((n, p) => n + p.total, 0),
    ],
  );
  const ids: number[] = [];
  for (const [i, p] of priced.entries()) {
    const paid = p.status === 'paid' || p.status === 'handed_over';
    const closed = p.status === 'expired' || p.status === 'cancelled';
    const childId = await one(
      db,
      `insert into jbl_child_order (order_id, edition_id, umkm_id, number, status, pickup, total, paid_to, qris_payload,
                                    hold_expires_at, paid_at, handed_over_at, closed_at)
       values ($1, $2, $3, $4, $5, 'seller', $6, $7, 'uji', now() + interval '15 minutes',
               case when $8 then now() end, case when $5 = 'handed_over' then now() end, case when $9 then now() end)
       returning id`,
      [orderId, editionId, p.umkmId, `${number}-${i + 1}`, p.status, p.total, p.paidTo ?? 'aggregator', paid, closed],
    );
    for (const l of p.lines)
      await db.query(
        `insert into jbl_order_line (child_order_id, umkm_id, lineup_item_id, product_id, quantity, price, amount)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [childId, p.umkmId, l.itemId, l.productId, l.quantity, l.price, l.price * l.quantity],
      );
    ids.push(childId);
  }
  return ids;
}

/** A seller order's payment confirmed (the seller's or the webhook's), as the payment use case stamps it. */
export const markPaid = (db: Db, childId: number) =>
  db.query(`update jbl_child_order set status = 'paid', paid_at = now(), paid_via = 'seller' where id = $1`, [childId]);
