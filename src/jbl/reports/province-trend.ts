// GET /api/jbl/reports/trend — the province-wide running total of Jumat Beli Lokal: every published edition's
// orders, units and omzet (pre-order vs live) and the cumulative omzet, for the trend chart. Public: it is the
// figure nobody had before, and it holds totals only (no seller, kecamatan or buyer). It reads the rollup
// jbl_edition_rollup (migration 0083, kept by statement triggers on seller orders and their lines), a few rows per
// edition and session, so its cost does not grow with the orders.
import type { Queryable } from '../../platform/db/types.ts';
import {
  addInto,
  EDITION_COLUMNS,
  EDITION_JOIN,
  type EditionCols,
  editionRef,
  emptySplit,
  PUBLISHED,
  type SessionRow,
} from './queries.ts';
import type { ProvinceTrend } from './schema.ts';

type Row = EditionCols & SessionRow;

export async function readProvinceTrend(db: Queryable): Promise<ProvinceTrend> {
  const rows = await db.query<Row>(
    `select ${EDITION_COLUMNS}, r.session, r.orders, r.units, r.omzet
       from jbl_edition e ${EDITION_JOIN}
       left join (select edition_id, session, sum(orders) as orders, sum(units) as units, sum(omzet) as omzet
                    from jbl_edition_rollup group by 1, 2) r on r.edition_id = e.id
      where e.status in ${PUBLISHED}
      order by e.held_on, e.id, r.session`,
  );
  const points: ProvinceTrend['points'] = [];
  const total = emptySplit();
  for (const r of rows) {
    let p = points.at(-1);
    if (p?.edition.id !== Number(r.edition_id)) {
      p = { edition: editionRef(r), ...emptySplit(), cumulativeOmzet: 0, cumulativeOrders: 0 };
      points.push(p);
    }
    if (r.session) {
      addInto(p, r);
      addInto(total, r);
    }
  }
  let omzet = 0;
  let orders = 0;
  for (const p of points) {
    omzet += p.total.omzet;
    orders += p.total.orders;
    p.cumulativeOmzet = omzet;
    p.cumulativeOrders = orders;
  }
  return { points, total };
}

/** The same figures by a full scan of the orders: what the rollup must always equal (tests, and the measurement). */
export async function scanProvinceTrend(db: Queryable): Promise<SessionRow[]> {
  return db.query<SessionRow & { edition_id: number }>(
    `select c.edition_id, o.session, count(*) as orders, sum(u.units) as units, sum(c.total) as omzet
       from jbl_child_order c
       join jbl_order o on o.id = c.order_id
       cross join lateral (select sum(quantity) as units from jbl_order_line l where l.child_order_id = c.id) u
      where c.status in ('paid', 'handed_over')
      group by 1, 2 order by 1, 2`,
  );
}
