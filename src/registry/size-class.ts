import type { Queryable } from '../platform/db/types.ts';
import { settingOn } from '../platform/settings.ts';

/** Size classes of PP 7/2021 Pasal 35; 'large' is beyond medium (not an UMKM). */
export type SizeClass = 'micro' | 'small' | 'medium' | 'large';

export interface SizeThresholds {
  capital: { micro_max: number; small_max: number; medium_max: number };
  annual_sales: { micro_max: number; small_max: number; medium_max: number };
}

export interface SizeFacts {
  capital: number | null; // rupiah, excluding land and buildings
  annualSales: number | null; // rupiah
  startYear: number | null;
}

export interface SizeResult {
  sizeClass: SizeClass;
  basis: 'capital' | 'annual_sales';
}

const classify = (amount: number, t: { micro_max: number; small_max: number; medium_max: number }): SizeClass =>
  amount <= t.micro_max ? 'micro' : amount <= t.small_max ? 'small' : amount <= t.medium_max ? 'medium' : 'large';

/**
 * Capital decides for a new business (no sales year behind it yet), annual sales for an existing one. A
 * business is "new" in its start year or when no annual sales are known.
 */
export function sizeClassOf(f: SizeFacts, t: SizeThresholds, currentYear: number): SizeResult | undefined {
  const isNew = f.annualSales === null || (f.startYear !== null && f.startYear >= currentYear);
  if (!isNew && f.annualSales !== null)
    return { sizeClass: classify(f.annualSales, t.annual_sales), basis: 'annual_sales' };
  if (f.capital !== null) return { sizeClass: classify(f.capital, t.capital), basis: 'capital' };
  if (f.annualSales !== null) return { sizeClass: classify(f.annualSales, t.annual_sales), basis: 'annual_sales' };
  return undefined;
}

export async function thresholdsOn(
  db: Queryable,
  onDate?: string,
): Promise<{ thresholds: SizeThresholds; effectiveFrom: string }> {
  const s = await settingOn<SizeThresholds>(db, 'registry.size_class_thresholds', onDate);
  if (!s) throw new Error('setting registry.size_class_thresholds is missing');
  return { thresholds: s.value, effectiveFrom: s.effectiveFrom };
}

/**
 * Recomputes a member's size class with the thresholds in force today and records a history row when it
 * changed ("naik kelas" when it went up). Call inside the transaction that changed capital or sales.
 */
export async function recomputeSizeClass(
  tx: Queryable,
  umkmId: number,
  changedBy: number | null,
): Promise<SizeClass | undefined> {
  const [u] = await tx.query<{
    capital: number | null;
    annual_sales: number | null;
    start_year: number | null;
    size_class: SizeClass | null;
    year: number;
  }>(
    `select capital, annual_sales, start_year, size_class, extract(year from now() at time zone 'Asia/Jakarta')::int as year from umkm where id = $1`,
    [umkmId],
  );
  if (!u) return undefined;
  const { thresholds, effectiveFrom } = await thresholdsOn(tx);
  const r = sizeClassOf(
    { capital: u.capital, annualSales: u.annual_sales, startYear: u.start_year },
    thresholds,
    u.year,
  );
  if (!r) return u.size_class ?? undefined;
  const [last] = await tx.query<{ size_class: string }>(
    'select size_class from size_class_history where umkm_id = $1 order by id desc limit 1',
    [umkmId],
  );
  if (u.size_class !== r.sizeClass)
    await tx.query('update umkm set size_class = $2, updated_at = now() where id = $1', [umkmId, r.sizeClass]);
  if (last?.size_class !== r.sizeClass)
    await tx.query(
      `insert into size_class_history (umkm_id, size_class, basis, capital, annual_sales, rule_effective_from, changed_by) values ($1, $2, $3, $4, $5, $6, $7)`,
      [umkmId, r.sizeClass, r.basis, u.capital, u.annual_sales, effectiveFrom, changedBy],
    );
  return r.sizeClass;
}
