// GET /api/jbl/payouts/sellers/:umkmId — a seller's payout statement: per edition, the paid seller orders whose QRIS
// went to the platform's aggregator merchant (what the platform owes the seller) and those paid straight into the
// seller's own QRIS, with totals; and the orders of one edition (default: the latest with any). Expired and
// unpaid orders are not in it. The seller reads their own businesses, the Dinas every seller; another is not found.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { payoutScope } from '../policy.ts';
import { COUNTED, EDITION_COLUMNS, EDITION_JOIN, type EditionCols, editionRef } from './queries.ts';
import type { PayoutStatement } from './schema.ts';

interface SumRow extends EditionCols {
  agg_orders: number | string;
  agg_total: number | string;
  direct_orders: number | string;
  direct_total: number | string;
}

const sums = (r: Pick<SumRow, 'agg_orders' | 'agg_total' | 'direct_orders' | 'direct_total'>) => ({
  aggregator: { orders: Number(r.agg_orders), total: Number(r.agg_total) },
  direct: { orders: Number(r.direct_orders), total: Number(r.direct_total) },
  total: Number(r.agg_total) + Number(r.direct_total),
});

export async function readSellerPayout(
  db: Queryable,
  actor: Actor,
  umkmId: number,
  editionId: number | undefined,
): Promise<PayoutStatement> {
  const scope = payoutScope(actor, 'u.id', 2);
  const [seller] = await db.query<{ id: number; name: string }>(
    `select u.id, u.name from umkm u where u.id = $1 and ${scope.sql}`,
    [umkmId, ...scope.params],
  );
  if (!seller) throw notFound({ id: 'Penjual tidak ditemukan.', en: 'Seller not found.' });
  // jbl_child_order_seller_idx (umkm_id, edition_id, status) answers this per seller.
  const rows = await db.query<SumRow>(
    `select ${EDITION_COLUMNS},
            count(*) filter (where c.paid_to = 'aggregator') as agg_orders,
            coalesce(sum(c.total) filter (where c.paid_to = 'aggregator'), 0) as agg_total,
            count(*) filter (where c.paid_to = 'seller') as direct_orders,
            coalesce(sum(c.total) filter (where c.paid_to = 'seller'), 0) as direct_total
       from jbl_child_order c join jbl_edition e on e.id = c.edition_id ${EDITION_JOIN}
      where c.umkm_id = $1 and c.status in ${COUNTED}
      group by e.id, hr.name
      order by e.held_on desc, e.id desc`,
    [umkmId],
  );
  const editions = rows.map((r) => ({ edition: editionRef(r), ...sums(r) }));
  const total = sums({
    agg_orders: editions.reduce((n, e) => n + e.aggregator.orders, 0),
    agg_total: editions.reduce((n, e) => n + e.aggregator.total, 0),
    direct_orders: editions.reduce((n, e) => n + e.direct.orders, 0),
    direct_total: editions.reduce((n, e) => n + e.direct.total, 0),
  });
  const chosen = editionId === undefined ? editions[0] : editions.find((e) => e.edition.id === editionId);
  if (editionId !== undefined && !chosen) throw notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });
  const orders = chosen
    ? await db.query<{
        number: string;
        status: 'paid' | 'handed_over';
        paid_to: 'seller' | 'aggregator';
        paid_at: Date;
        total: number;
      }>(
        `select c.number, c.status, c.paid_to, c.paid_at, c.total from jbl_child_order c
          where c.umkm_id = $1 and c.edition_id = $2 and c.status in ${COUNTED}
          order by c.paid_to, c.paid_at, c.number`,
        [umkmId, chosen.edition.id],
      )
    : [];
  return {
    seller: { id: Number(seller.id), name: seller.name },
    editions,
    total,
    selected: chosen
      ? {
          edition: chosen.edition,
          orders: orders.map((o) => ({
            number: o.number,
            status: o.status,
            paidTo: o.paid_to,
            paidAt: new Date(o.paid_at).toISOString(),
            total: Number(o.total),
          })),
        }
      : null,
  };
}
