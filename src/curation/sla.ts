// The service level of each officer step: due within N working days (WIB) of the step's start, N from the
// effective-dated setting `curation.sla_working_days` (db/reference/instance.json).
import type { Queryable } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import { settingOn } from '../platform/settings.ts';
import { localDate } from '../platform/time.ts';
import type { Step } from './schema.ts';
import { addWorkingDays, holidaysFrom, workingDaysBetween } from './working-days.ts';

export type SlaDays = Record<Step, number>;

export async function slaDays(db: Queryable, onDate: string): Promise<SlaDays> {
  const s = await settingOn<SlaDays>(db, 'curation.sla_working_days', onDate);
  if (!s)
    throw new AppError(500, 'setting_missing', {
      id: 'Pengaturan SLA kurasi belum ada.',
      en: 'The curation SLA setting is missing.',
    });
  return s.value;
}

/** The WIB date a step begun at `at` is due. */
export async function dueOn(db: Queryable, step: Step, at: Date): Promise<string> {
  const start = localDate(at);
  const days = (await slaDays(db, start))[step];
  return addWorkingDays(start, days, await holidaysFrom(db, start));
}

/** Working days past due for each due date (0 when on time), counted up to today (WIB). */
export async function overdueCounter(
  db: Queryable,
  dueDates: (string | null)[],
  now: Date,
): Promise<(due: string | null) => number> {
  const today = localDate(now);
  const earliest = dueDates.filter((d): d is string => d !== null && d < today).sort()[0];
  if (!earliest) return () => 0;
  const holidays = await holidaysFrom(
    db,
    earliest,
    Math.ceil((Date.parse(today) - Date.parse(earliest)) / 86_400_000) + 1,
  );
  return (due) => (due !== null && due < today ? workingDaysBetween(due, today, holidays) : 0);
}

/** The end of a due day in WIB, as an instant. */
export const dueAt = (due: string) => new Date(`${due}T23:59:59.999+07:00`);
