// The pages the procurement benchmark opens, each with the full-scan computation of the same figures (the
// baseline) and how the page's answer is compared with it.
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../src/platform/db/types.ts';
import { baselineAgeing, baselineAgencyShare, baselineProvinceShare } from '../src/procurement/share/baseline.ts';

export interface Subjects {
  year: number;
  agencyId: number;
  sellerUmkmId: number;
  sellerOwnerId: number;
}

export interface PageCase {
  name: string;
  as: 'analyst' | 'head' | 'treasurer' | 'seller';
  path: (s: Subjects) => string;
  baseline: (db: Db, s: Subjects) => Promise<unknown>;
  /** null when equal; else what differs. */
  compare: (page: unknown, baseline: unknown) => string | null;
}

/** The WIB year with the most orders, its busiest agency, and the seller with the most orders that year. */
export async function pickSubjects(db: Db): Promise<Subjects> {
  const [y] = await db.query<{ year: number }>(
    `select extract(year from placed_at at time zone 'Asia/Jakarta')::int as year from eorder group by 1 order by count(*) desc limit 1`,
  );
  const year = y!.year;
  const [a] = await db.query<{ id: number }>(
    `select o.agency_id as id from eorder o where o.status = 'received' group by 1 order by count(*) desc limit 1`,
  );
  const [s] = await db.query<{ id: number; owner: number }>(
    `select o.umkm_id as id, u.owner_id as owner from eorder o join umkm u on u.id = o.umkm_id
      where o.placed_at >= make_date($1, 1, 1) group by 1, 2 order by count(*) desc limit 1`,
    [year],
  );
  return { year, agencyId: a!.id, sellerUmkmId: s!.id, sellerOwnerId: s!.owner };
}

const same = (page: unknown, base: unknown) =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(page)), JSON.parse(JSON.stringify(base)))
    ? null
    : 'the page and the full scan differ';

/** The owner's income totals for the year by a full scan of the payments (no index on the seller used). */
async function baselineStatementTotals(db: Db, s: Subjects) {
  const [t] = await db.query<{ gross: number; tax: number; net: number }>(
    `select coalesce(sum(p.amount + p.tax_withheld), 0)::int8 as gross, coalesce(sum(p.tax_withheld), 0)::int8 as tax,
            coalesce(sum(p.amount), 0)::int8 as net
       from eorder_payment p join umkm u on u.id = p.umkm_id
      where u.owner_id + 0 = $1 and p.status = 'paid'
        and extract(year from p.paid_at at time zone 'Asia/Jakarta')::int = $2`,
    [s.sellerOwnerId, s.year],
  );
  return { gross: t!.gross, taxWithheld: t!.tax, net: t!.net };
}

export const PAGES: PageCase[] = [
  {
    name: 'province_share',
    as: 'analyst',
    path: (s) => `/api/procurement/share?year=${s.year}&period=month`,
    baseline: (db, s) => baselineProvinceShare(db, s.year, 'month'),
    compare: same,
  },
  {
    name: 'agency_drilldown',
    as: 'head',
    path: (s) => `/api/procurement/share/agencies/${s.agencyId}?year=${s.year}&period=month`,
    baseline: (db, s) => baselineAgencyShare(db, s.agencyId, s.year, 'month'),
    compare: same,
  },
  {
    name: 'payment_ageing',
    as: 'analyst',
    path: () => '/api/procurement/payments/ageing',
    baseline: (db) => baselineAgeing(db),
    compare: same,
  },
  {
    name: 'seller_statement',
    as: 'seller',
    path: (s) => `/api/procurement/seller/statement?year=${s.year}`,
    baseline: (db, s) => baselineStatementTotals(db, s),
    compare: (page, base) => {
      const t = (page as { totals: { gross: number; taxWithheld: number; net: number } }).totals;
      const b = base as typeof t;
      return t.gross === b.gross && t.taxWithheld === b.taxWithheld && t.net === b.net
        ? null
        : `statement totals ${JSON.stringify(t)} ≠ scan ${JSON.stringify(b)}`;
    },
  },
];
