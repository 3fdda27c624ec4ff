import type { Queryable } from './db/types.ts';

/**
 * Effective-dated configuration: rules and thresholds change by regulation on a date, so a value is looked up
 * for the day it applies to (default today in UTC; callers reasoning about Jakarta days pass the WIB date).
 */
export async function settingOn<T>(
  db: Queryable,
  key: string,
  onDate?: string,
): Promise<{ value: T; effectiveFrom: string; source: string | null } | undefined> {
  const [row] = await db.query<{ value: T; effective_from: string; source: string | null }>(
    `select value, effective_from, source from setting where key = $1 and effective_from <= coalesce($2::date, current_date)
      order by effective_from desc limit 1`,
    [key, onDate ?? null],
  );
  return row && { value: row.value, effectiveFrom: row.effective_from, source: row.source };
}
