// The same figures as the share and payment pages, computed by a full scan of eorder and eorder_payment (no rollup):
// the tests prove the pages' rollup answers equal these exactly, and the benchmark times them as the baseline.
import type { Queryable } from '../../platform/db/types.ts';
import type { Period } from './figures.ts';
import {
  type Ageing,
  type PerformanceReport,
  presentAgeing,
  slaDefault,
  UNPAID_COLUMNS,
  type UnpaidRow,
} from './payments.ts';
import { type AgencyShare, agencyShare, everyAgency, type ShareReport, shareReport } from './share.ts';

/** The province share (every agency), from orders and payments. */
export const baselineProvinceShare = (
  db: Queryable,
  year: number,
  period: Period,
  agencyPeriods = false,
): Promise<ShareReport> => shareReport(db, 'scan', everyAgency, true, year, period, agencyPeriods);

/** One agency with its units, from orders and payments. */
export const baselineAgencyShare = (
  db: Queryable,
  agencyId: number,
  year: number,
  period: Period,
): Promise<AgencyShare> => agencyShare(db, 'scan', everyAgency, agencyId, year, period);

/** Payment performance from the orders' payment days, the SLA in force for each order, medians by percentile_cont. */
export async function baselinePaymentPerformance(db: Queryable, year: number): Promise<PerformanceReport> {
  const paidIn = `payment_days is not null and extract(year from paid_at at time zone 'Asia/Jakarta')::integer = $1`;
  const agencies = await db.query<{ agency_id: number; name: string; paid: number; within: number; median: number }>(
    `select o.agency_id, a.name, count(*)::integer as paid,
            count(*) filter (where o.payment_days <= procurement_sla_days(o.agency_id, o.received_at))::integer as within,
            percentile_cont(0.5) within group (order by o.payment_days)::float8 as median
       from eorder o join agency a on a.id = o.agency_id where ${paidIn} group by o.agency_id, a.name`,
    [year],
  );
  const [p] = await db.query<{ paid: number; within: number; median: number | null }>(
    `select count(*)::integer as paid,
            count(*) filter (where payment_days <= procurement_sla_days(agency_id, received_at))::integer as within,
            percentile_cont(0.5) within group (order by payment_days)::float8 as median
       from eorder where ${paidIn}`,
    [year],
  );
  const fig = (paid: number, within: number, median: number | null) => ({
    paid,
    withinSla: within,
    share: paid ? within / paid : 0,
    medianDays: median ?? 0,
  });
  return {
    year,
    slaDays: await slaDefault(db, year),
    province: fig(p?.paid ?? 0, p?.within ?? 0, p?.median ?? null),
    agencies: agencies
      .map((a) => ({ agencyId: a.agency_id, name: a.name, ...fig(a.paid, a.within, a.median) }))
      .sort((x, y) => x.name.localeCompare(y.name) || x.agencyId - y.agencyId),
  };
}

/** Ageing of every bill with a BAST and money still owed, found by scanning all orders (not by status). */
export async function baselineAgeing(db: Queryable, limit = 100): Promise<Ageing> {
  const rows = await db.query<UnpaidRow>(
    `select ${UNPAID_COLUMNS}
       from eorder o join agency a on a.id = o.agency_id join umkm u on u.id = o.umkm_id
      where o.received_at is not null and o.paid_amount < o.total and o.status not in ('cancelled', 'declined')`,
  );
  const [t] = await db.query<{ today: string }>('select wib_today()::text as today');
  return presentAgeing(t!.today, rows, limit);
}
