// The UMK share as BPPBJ computes it, from monthly facts to the figures a page shows: pure functions, so the rollup
// reader (share.ts) and the full-scan baseline (baseline.ts) present their facts the same way and only the source of
// the facts differs. Numerator: spending with micro/small businesses and koperasi (on the platform + reported
// outside it); denominator: all goods-and-services spending (platform + outside). Two bases side by side:
// commitment (accepted orders, month of acceptance) and realisation (payments, month paid).

export type Period = 'month' | 'quarter' | 'year';

/** One month of one agency (and unit) on the platform, split by whether the seller counts as UMK. */
export interface MonthFact {
  agency_id: number;
  unit_id: number;
  month: string; // YYYY-MM-01
  umk: boolean;
  committed: number;
  realised: number;
  orders: number;
}

/** One agency's reported spending outside the platform in one month. */
export interface OutsideFact {
  agency_id: number;
  month: string;
  total_amount: number;
  umk_amount: number;
}

export interface Grade {
  grade: string;
  min: number; // share ÷ target at least this
}

export interface Basis {
  platformUmk: number;
  platformTotal: number;
  outsideUmk: number;
  outsideTotal: number;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when nothing was spent. */
  share: number | null;
  /** share ÷ target; null when nothing was spent. */
  ofTarget: number | null;
  grade: string | null;
}

export interface Figures {
  committed: Basis;
  realised: Basis;
  orders: number;
  /** Past months of this period with no outside-spending report, summed over the agencies. */
  unreportedMonths: number;
}

export interface PeriodKey {
  key: string; // 2026-01, 2026-Q1, 2026
  from: string; // first month, YYYY-MM-01
  to: string; // first month after, YYYY-MM-01
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (year: number, m: number) => (m > 12 ? `${year + 1}-${pad(m - 12)}-01` : `${year}-${pad(m)}-01`);

/** The periods of a year: 12 months, 4 quarters or the year. */
export function periodsOf(year: number, period: Period): PeriodKey[] {
  if (period === 'year') return [{ key: String(year), from: monthStart(year, 1), to: monthStart(year, 13) }];
  if (period === 'quarter')
    return [1, 2, 3, 4].map((q) => ({
      key: `${year}-Q${q}`,
      from: monthStart(year, 3 * q - 2),
      to: monthStart(year, 3 * q + 1),
    }));
  return Array.from({ length: 12 }, (_, i) => ({
    key: `${year}-${pad(i + 1)}`,
    from: monthStart(year, i + 1),
    to: monthStart(year, i + 2),
  }));
}

/**
 * The grade of a share against the target: the first grade (highest first) whose minimum the share reaches.
 * Compared in integers (basis points of the target, hundredths of the minimum), so 48 % of a 40 % target is exactly
 * 120 % and gets the A+ the rule promises, which floating-point division would miss.
 */
export function gradeOf(
  numerator: number,
  denominator: number,
  targetBp: number,
  grades: readonly Grade[],
): string | null {
  if (denominator <= 0 || targetBp <= 0) return null;
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  for (const g of sorted) {
    const minPct = BigInt(Math.round(g.min * 100));
    // numerator / denominator >= min × target  ⇔  numerator × 100 × 10000 >= minPct × targetBp × denominator
    if (BigInt(numerator) * 1_000_000n >= minPct * BigInt(targetBp) * BigInt(denominator)) return g.grade;
  }
  return sorted.at(-1)?.grade ?? null;
}

function basis(
  platformUmk: number,
  platformTotal: number,
  outsideUmk: number,
  outsideTotal: number,
  targetBp: number,
  grades: readonly Grade[],
): Basis {
  const numerator = platformUmk + outsideUmk;
  const denominator = platformTotal + outsideTotal;
  const share = denominator > 0 ? numerator / denominator : null;
  return {
    platformUmk,
    platformTotal,
    outsideUmk,
    outsideTotal,
    numerator,
    denominator,
    share,
    ofTarget: share === null || targetBp <= 0 ? null : (numerator * 10000) / (denominator * targetBp),
    grade: gradeOf(numerator, denominator, targetBp, grades),
  };
}

export interface Rules {
  targetBp: number;
  grades: readonly Grade[];
  /** The first month not yet past (WIB): months before it without an outside-spending report are unreported. */
  currentMonth: string;
}

/**
 * The figures of a set of agencies over [from, to): platform facts of those agencies and months, their outside
 * reports, and the count of past agency-months without a report.
 */
export function figuresOf(
  facts: readonly MonthFact[],
  outside: readonly OutsideFact[],
  agencyIds: readonly number[],
  from: string,
  to: string,
  rules: Rules,
): Figures {
  const inRange = (m: string) => m >= from && m < to;
  const ids = new Set(agencyIds);
  let cu = 0;
  let ct = 0;
  let ru = 0;
  let rt = 0;
  let orders = 0;
  for (const f of facts) {
    if (!ids.has(f.agency_id) || !inRange(f.month)) continue;
    ct += f.committed;
    rt += f.realised;
    orders += f.orders;
    if (f.umk) {
      cu += f.committed;
      ru += f.realised;
    }
  }
  let ou = 0;
  let ot = 0;
  const reported = new Set<string>();
  for (const o of outside) {
    if (!ids.has(o.agency_id) || !inRange(o.month)) continue;
    ou += o.umk_amount;
    ot += o.total_amount;
    reported.add(`${o.agency_id} ${o.month}`);
  }
  let unreportedMonths = 0;
  for (const m of monthsBetween(from, to < rules.currentMonth ? to : rules.currentMonth))
    for (const id of ids) if (!reported.has(`${id} ${m}`)) unreportedMonths += 1;
  return {
    committed: basis(cu, ct, ou, ot, rules.targetBp, rules.grades),
    realised: basis(ru, rt, ou, ot, rules.targetBp, rules.grades),
    orders,
    unreportedMonths,
  };
}

/** The first days of the months in [from, to). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const s = `${y}-${pad(m)}-01`;
    if (s >= to) return out;
    out.push(s);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}
