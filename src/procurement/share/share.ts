// The UMK share pages' reads: the province (or the caller's agencies) and one agency's drill-down, from the rollups
// share_month and outside_spending only, never the orders, so the pages stay fast at any number of orders.
// baseline.ts computes the same figures by scanning the orders: the two differ only in `Source`.
import type { Actor } from '../../platform/auth/actor.ts';
import { ALL, type ScopeSql } from '../../platform/db/scope.ts';

/** A scope condition on an agency id column, its parameters numbered from `first`. */
export type AgencyScope = (column: string, first: number) => ScopeSql;
export const everyAgency: AgencyScope = () => ALL;
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';
import {
  type Figures,
  figuresOf,
  type Grade,
  type MonthFact,
  type OutsideFact,
  type Period,
  periodsOf,
  type Rules,
} from './figures.ts';

/** Where the platform facts come from: the rollup (pages) or a scan of orders and payments (the baseline). */
export type Source = 'rollup' | 'scan';

export interface ShareRules extends Rules {
  target: number;
  targetSource: string | null;
}

/** Target and grades in force for the year, and the current WIB month (months before it are past). */
export async function shareRules(db: Queryable, year: number): Promise<ShareRules> {
  const [r] = await db.query<{ target: string | null; source: string | null; grades: Grade[] | null; current: string }>(
    `select t.value #>> '{}' as target, t.source,
            (select value from setting where key = 'procurement.share_grades' and effective_from <= make_date($1, 12, 31)
              order by effective_from desc limit 1) as grades,
            wib_month(now())::text as current
       from (select 1) one
       left join lateral (select value, source from setting
                           where key = 'procurement.umk_share_min' and effective_from <= make_date($1, 12, 31)
                           order by effective_from desc limit 1) t on true`,
    [year],
  );
  const target = Number(r?.target ?? 0.4);
  return {
    target,
    targetSource: r?.source ?? null,
    targetBp: Math.round(target * 10000),
    grades: r?.grades ?? [],
    currentMonth: r?.current ?? '9999-12-01',
  };
}

const FACT_COLUMNS = `agency_id, unit_id, to_char(month, 'YYYY-MM-DD') as month, umk,
  sum(committed)::bigint as committed, sum(realised)::bigint as realised, sum(orders)::integer as orders`;

/**
 * The platform facts of the agencies in scope over [from, to), per agency and month (and unit when `byUnit`).
 * `scope` is a condition on `agency_id` with parameters from $3.
 */
export async function monthFacts(
  db: Queryable,
  source: Source,
  scope: ScopeSql,
  from: string,
  to: string,
  byUnit: boolean,
): Promise<MonthFact[]> {
  const unit = byUnit ? 'unit_id' : '0';
  const rows =
    source === 'rollup'
      ? `select agency_id, ${unit} as unit_id, month, umk, committed, realised, orders from share_month`
      : `select o.agency_id, ${byUnit ? 'coalesce(o.unit_id, 0)' : '0'} as unit_id, wib_month(o.accepted_at) as month,
                o.counts_umk as umk, o.total as committed, 0::bigint as realised, 1 as orders
           from eorder o
          where o.accepted_at is not null and o.status not in ('declined', 'cancelled', 'placed')
         union all
         select o.agency_id, ${byUnit ? 'coalesce(o.unit_id, 0)' : '0'}, wib_month(p.paid_at), o.counts_umk,
                0, p.amount + p.tax_withheld, 0
           from eorder_payment p join eorder o on o.id = p.order_id
          where p.status = 'paid'`;
  return db.query<MonthFact>(
    `select ${FACT_COLUMNS} from (${rows}) f
      where month >= $1::date and month < $2::date and ${scope.sql}
      group by agency_id, unit_id, month, umk
      order by agency_id, unit_id, month, umk`,
    [from, to, ...scope.params],
  );
}

async function outsideFacts(db: Queryable, scope: ScopeSql, from: string, to: string): Promise<OutsideFact[]> {
  return db.query<OutsideFact>(
    `select agency_id, to_char(month, 'YYYY-MM-DD') as month, total_amount, umk_amount
       from outside_spending where month >= $1::date and month < $2::date and ${scope.sql}`,
    [from, to, ...scope.params],
  );
}

export interface PeriodFigures extends Figures {
  period: string;
}

export interface AgencyFigures {
  id: number;
  name: string;
  kind: string;
  total: Figures;
  /** Per period too: in the XLSX and when asked for (agencyPeriods); the page shows each agency's year. */
  byPeriod?: PeriodFigures[];
}

export interface ShareReport {
  year: number;
  period: Period;
  target: number;
  targetSource: string | null;
  grades: Grade[];
  /** Whether the total is the province's or only the caller's agencies'. */
  scope: 'province' | 'agencies';
  total: { total: Figures; byPeriod: PeriodFigures[] };
  /** Month by month, for the trend chart, whatever the period. */
  trend: PeriodFigures[];
  agencies: AgencyFigures[];
}

function series(facts: MonthFact[], outside: OutsideFact[], ids: number[], year: number, period: Period, rules: Rules) {
  return periodsOf(year, period).map((p) => ({
    period: p.key,
    ...figuresOf(facts, outside, ids, p.from, p.to, rules),
  }));
}

function groupBy<T extends { agency_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.agency_id);
    if (list) list.push(r);
    else m.set(r.agency_id, [r]);
  }
  return m;
}

/** The share of the agencies in `scope` (a condition on `agency_id`, parameters from $3). */
export async function shareReport(
  db: Queryable,
  source: Source,
  scopeOf: AgencyScope,
  province: boolean,
  year: number,
  period: Period,
  agencyPeriods: boolean,
): Promise<ShareReport> {
  const scope = scopeOf('agency_id', 3);
  const onId = scopeOf('id', 1);
  const rules = await shareRules(db, year);
  const [whole] = periodsOf(year, 'year');
  const { from, to } = whole!;
  const agencies = await db.query<{ id: number; name: string; kind: string }>(
    `select id, name, kind from agency where ${onId.sql} order by name, id`,
    onId.params,
  );
  const facts = await monthFacts(db, source, scope, from, to, false);
  const outside = await outsideFacts(db, scope, from, to);
  const ids = agencies.map((a) => a.id);
  const factsBy = groupBy(facts);
  const outsideBy = groupBy(outside);
  return {
    year,
    period,
    target: rules.target,
    targetSource: rules.targetSource,
    grades: [...rules.grades],
    scope: province ? 'province' : 'agencies',
    total: {
      total: figuresOf(facts, outside, ids, from, to, rules),
      byPeriod: series(facts, outside, ids, year, period, rules),
    },
    trend: series(facts, outside, ids, year, 'month', rules),
    agencies: agencies.map((a) => {
      // Each agency's own facts only: the page stays linear in the number of agencies.
      const f = factsBy.get(a.id) ?? [];
      const o = outsideBy.get(a.id) ?? [];
      return {
        ...a,
        total: figuresOf(f, o, [a.id], from, to, rules),
        ...(agencyPeriods ? { byPeriod: series(f, o, [a.id], year, period, rules) } : {}),
      };
    }),
  };
}

/** The caller's agencies under readsShare; `province` when that is every agency. */
export const shareScope = (actor: Actor): { scope: AgencyScope; province: boolean } => ({
  scope: (column, first) => agencyScope(actor, procurementPolicy.readsShare, column, first),
  province: agencyScope(actor, procurementPolicy.readsShare, 'x', 1) === ALL,
});

/** GET /api/procurement/share */
export const readShare = (db: Queryable, actor: Actor, year: number, period: Period, agencyPeriods: boolean) => {
  const { scope, province } = shareScope(actor);
  return shareReport(db, 'rollup', scope, province, year, period, agencyPeriods);
};

export interface UnitFigures {
  id: number; // 0: orders of no unit
  name: string | null;
  total: Figures;
  byPeriod: PeriodFigures[];
}

export interface AgencyShare extends AgencyFigures {
  year: number;
  period: Period;
  target: number;
  trend: PeriodFigures[];
  units: UnitFigures[];
}

/** One agency with its units (units on the platform only: outside spending is reported per agency). */
export async function agencyShare(
  db: Queryable,
  source: Source,
  scopeOf: AgencyScope,
  agencyId: number,
  year: number,
  period: Period,
): Promise<AgencyShare> {
  const scope = scopeOf('id', 2);
  const [agency] = await db.query<{ id: number; name: string; kind: string }>(
    `select id, name, kind from agency where id = $1 and ${scope.sql}`,
    [agencyId, ...scope.params],
  );
  if (!agency) throw notFound({ id: 'Instansi tidak ditemukan.', en: 'Agency not found.' });
  const rules = await shareRules(db, year);
  const { from, to } = periodsOf(year, 'year')[0]!;
  const only: ScopeSql = { sql: 'agency_id = $3', params: [agencyId] };
  const facts = await monthFacts(db, source, only, from, to, true);
  const outside = await outsideFacts(db, only, from, to);
  const units = await db.query<{ id: number; name: string }>(
    'select id, name from agency_unit where agency_id = $1 order by name, id',
    [agencyId],
  );
  const withOrders = new Set(facts.map((f) => f.unit_id));
  const shown = [...units.filter((u) => withOrders.has(u.id)), ...(withOrders.has(0) ? [{ id: 0, name: null }] : [])];
  const unitFigures = (unitId: number) => {
    const mine = facts.filter((f) => f.unit_id === unitId);
    const noUnreported = <F extends Figures>(f: F): F => ({ ...f, unreportedMonths: 0 });
    return {
      total: noUnreported(figuresOf(mine, [], [agencyId], from, to, rules)),
      byPeriod: series(mine, [], [agencyId], year, period, rules).map(noUnreported),
    };
  };
  return {
    ...agency,
    year,
    period,
    target: rules.target,
    total: figuresOf(facts, outside, [agencyId], from, to, rules),
    byPeriod: series(facts, outside, [agencyId], year, period, rules),
    trend: series(facts, outside, [agencyId], year, 'month', rules),
    units: shown.map((u) => ({ id: u.id, name: u.name, ...unitFigures(u.id) })),
  };
}

/** GET /api/procurement/share/agencies/:agencyId — 404 outside the caller's agencies. */
export const readAgencyShare = (db: Queryable, actor: Actor, agencyId: number, year: number, period: Period) =>
  agencyShare(db, 'rollup', shareScope(actor).scope, agencyId, year, period);
