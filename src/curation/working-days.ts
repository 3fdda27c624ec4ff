// Working days (hari kerja) in WIB: Monday to Friday, except national holidays and cuti bersama (table holiday).
// The SLA of each curation step is counted in them. Pure functions over calendar dates 'YYYY-MM-DD'.
import type { Queryable } from '../platform/db/types.ts';

const DAY = 86_400_000;
const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(toMs(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The n-th working day after `date` (the day itself does not count: a step begun on Friday with n = 1 is due Monday). */
export function addWorkingDays(date: string, n: number, holidays: ReadonlySet<string>): string {
  let ms = toMs(date);
  for (let counted = 0; counted < n; ) {
    ms += DAY;
    if (isWorkingDay(toDate(ms), holidays)) counted++;
  }
  return toDate(ms);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let n = 0;
  for (let ms = toMs(from) + DAY; ms <= toMs(to); ms += DAY) if (isWorkingDay(toDate(ms), holidays)) n++;
  return n;
}

/** The holidays from `from` on, for a reasonable horizon (steps are due within weeks, overdue lists look back months). */
export async function holidaysFrom(db: Queryable, from: string, days = 400): Promise<Set<string>> {
  const rows = await db.query<{ date: string }>(
    `select date::text as date from holiday where date between $1::date and $1::date + $2::int`,
    [from, days],
  );
  return new Set(rows.map((r) => r.date));
}
