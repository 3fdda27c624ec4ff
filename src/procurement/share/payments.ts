// Payment timeliness: the age of bills since their BAST (orders received and not yet paid in full), the overdue list
// with each agency's Bendahara, and the public per-agency performance (share paid within the SLA, median days) from
// the payment_days_count rollup. The ageing reads only unpaid orders, through the partial index on received orders.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';

export const BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const bucketOf = (days: number): Bucket =>
  days <= 30 ? '0-30' : days <= 60 ? '31-60' : days <= 90 ? '61-90' : '90+';

export interface BucketFigure {
  bucket: Bucket;
  orders: number;
  outstanding: number;
}

export interface OverdueOrder {
  orderId: number;
  agencyId: number;
  agencyName: string;
  seller: string;
  total: number;
  outstanding: number;
  bastOn: string;
  dueDate: string;
  daysOverdue: number;
  daysSinceBast: number;
  bendahara: string[];
}

export interface Ageing {
  asOf: string;
  overdueCount: number;
  buckets: BucketFigure[];
  agencies: { agencyId: number; name: string; buckets: BucketFigure[]; overdue: number }[];
  overdue: OverdueOrder[];
}

/** One unpaid order as both sources read it. */
export interface UnpaidRow {
  id: number;
  agency_id: number;
  agency_name: string;
  seller: string;
  total: number;
  outstanding: number;
  bast_on: string;
  due_date: string | null;
  days: number;
  overdue: number | null;
  bendahara: string[] | null;
}

export const UNPAID_COLUMNS = `o.id, o.agency_id, a.name as agency_name, u.name as seller, o.total,
  (o.total - o.paid_amount) as outstanding, ((o.received_at at time zone 'Asia/Jakarta')::date)::text as bast_on,
  o.due_date::text as due_date, wib_today() - (o.received_at at time zone 'Asia/Jakarta')::date as days,
  wib_today() - o.due_date as overdue,
  (select array_agg(f.name order by f.name) from agency_official f where f.agency_id = o.agency_id and f.role = 'bendahara') as bendahara`;

/** Buckets, per agency and the overdue list (most overdue first) from the unpaid orders. */
export function presentAgeing(asOf: string, rows: readonly UnpaidRow[], limit: number): Ageing {
  const empty = (): BucketFigure[] => BUCKETS.map((bucket) => ({ bucket, orders: 0, outstanding: 0 }));
  const buckets = empty();
  const agencies = new Map<number, Ageing['agencies'][number]>();
  for (const r of rows) {
    const i = BUCKETS.indexOf(bucketOf(r.days));
    buckets[i]!.orders += 1;
    buckets[i]!.outstanding += r.outstanding;
    const a = agencies.get(r.agency_id) ?? { agencyId: r.agency_id, name: r.agency_name, buckets: empty(), overdue: 0 };
    a.buckets[i]!.orders += 1;
    a.buckets[i]!.outstanding += r.outstanding;
    if ((r.overdue ?? 0) > 0) a.overdue += 1;
    agencies.set(r.agency_id, a);
  }
  const overdue = rows
    .filter((r) => (r.overdue ?? 0) > 0)
    .sort((x, y) => y.overdue! - x.overdue! || x.id - y.id)
    .slice(0, limit)
    .map((r) => ({
      orderId: r.id,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      seller: r.seller,
      total: r.total,
      outstanding: r.outstanding,
      bastOn: r.bast_on,
      dueDate: r.due_date!,
      daysOverdue: r.overdue!,
      daysSinceBast: r.days,
      bendahara: r.bendahara ?? [],
    }));
  return {
    asOf,
    overdueCount: rows.filter((r) => (r.overdue ?? 0) > 0).length,
    buckets,
    agencies: [...agencies.values()].sort((x, y) => x.name.localeCompare(y.name) || x.agencyId - y.agencyId),
    overdue,
  };
}

/**
 * GET /api/procurement/payments/ageing: the caller's agencies (Bendahara, PA/KPA) or all (province roles). Buckets are
 * summed in SQL over the unpaid orders (partial index on received orders); only the overdue list's first rows travel.
 */
export async function readAgeing(db: Queryable, actor: Actor, limit: number): Promise<Ageing> {
  const scope = agencyScope(actor, procurementPolicy.readsAgeing, 'o.agency_id', 1);
  const days = `wib_today() - (o.received_at at time zone 'Asia/Jakarta')::date`;
  const sums = await db.query<{
    agency_id: number;
    name: string;
    bucket: Bucket;
    orders: number;
    outstanding: number;
    overdue: number;
  }>(
    `select o.agency_id, a.name,
            case when ${days} <= 30 then '0-30' when ${days} <= 60 then '31-60' when ${days} <= 90 then '61-90' else '90+' end as bucket,
            count(*)::integer as orders, sum(o.total - o.paid_amount)::bigint as outstanding,
            count(*) filter (where o.due_date < wib_today())::integer as overdue
       from eorder o join agency a on a.id = o.agency_id
      where o.status = 'received' and ${scope.sql}
      group by 1, 2, 3`,
    scope.params,
  );
  const late = await db.query<UnpaidRow>(
    `select ${UNPAID_COLUMNS}
       from eorder o join agency a on a.id = o.agency_id join umkm u on u.id = o.umkm_id
      where o.status = 'received' and o.due_date < wib_today() and ${scope.sql}
      order by o.due_date, o.id limit ${Number(limit)}`,
    scope.params,
  );
  const [t] = await db.query<{ today: string }>('select wib_today()::text as today');
  const empty = (): BucketFigure[] => BUCKETS.map((bucket) => ({ bucket, orders: 0, outstanding: 0 }));
  const buckets = empty();
  const agencies = new Map<number, Ageing['agencies'][number]>();
  for (const r of sums) {
    const i = BUCKETS.indexOf(r.bucket);
    buckets[i]!.orders += r.orders;
    buckets[i]!.outstanding += r.outstanding;
    const a = agencies.get(r.agency_id) ?? { agencyId: r.agency_id, name: r.name, buckets: empty(), overdue: 0 };
    a.buckets[i]!.orders += r.orders;
    a.buckets[i]!.outstanding += r.outstanding;
    a.overdue += r.overdue;
    agencies.set(r.agency_id, a);
  }
  return {
    asOf: t!.today,
    overdueCount: [...agencies.values()].reduce((n, a) => n + a.overdue, 0),
    buckets,
    agencies: [...agencies.values()].sort((x, y) => x.name.localeCompare(y.name) || x.agencyId - y.agencyId),
    overdue: presentAgeing(t!.today, late, limit).overdue,
  };
}

export interface Performance {
  agencyId: number;
  name: string;
  paid: number;
  withinSla: number;
  /** withinSla ÷ paid */
  share: number;
  medianDays: number;
}

export interface PerformanceReport {
  year: number;
  slaDays: number;
  province: Omit<Performance, 'agencyId' | 'name'>;
  agencies: Performance[];
}

/** The median of a histogram of days (the mean of the two middle values when the count is even). */
export function medianOf(hist: readonly { days: number; n: number }[]): number {
  const sorted = [...hist].filter((h) => h.n > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((s, h) => s + h.n, 0);
  if (total === 0) return 0;
  const at = (k: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.n;
      if (seen >= k) return h.days;
    }
    return sorted.at(-1)!.days;
  };
  return total % 2 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2;
}

interface CountRow {
  agency_id: number;
  name: string;
  days: number;
  within_sla: boolean;
  n: number;
}

export async function slaDefault(db: Queryable, year: number): Promise<number> {
  const [r] = await db.query<{ sla: number }>(
    `select (value #>> '{}')::integer as sla from setting where key = 'procurement.payment_sla_days'
        and effective_from <= make_date($1, 12, 31) order by effective_from desc limit 1`,
    [year],
  );
  return r?.sla ?? 30;
}

/** GET /api/procurement/payments/performance (public), from payment_days_count. */
export async function readPerformance(db: Queryable, year: number): Promise<PerformanceReport> {
  const rows = await db.query<CountRow>(
    `select c.agency_id, a.name, c.days, c.within_sla, c.n
       from payment_days_count c join agency a on a.id = c.agency_id where c.year = $1 and c.n > 0`,
    [year],
  );
  const by = new Map<number, CountRow[]>();
  for (const r of rows) by.set(r.agency_id, [...(by.get(r.agency_id) ?? []), r]);
  const figure = (rs: CountRow[]) => {
    const paid = rs.reduce((s, r) => s + r.n, 0);
    const withinSla = rs.reduce((s, r) => s + (r.within_sla ? r.n : 0), 0);
    return { paid, withinSla, share: paid ? withinSla / paid : 0, medianDays: medianOf(rs) };
  };
  return {
    year,
    slaDays: await slaDefault(db, year),
    province: figure(rows),
    agencies: [...by.values()]
      .map((rs) => ({ agencyId: rs[0]!.agency_id, name: rs[0]!.name, ...figure(rs) }))
      .sort((x, y) => x.name.localeCompare(y.name) || x.agencyId - y.agencyId),
  };
}
