// Payment timeliness in the agency's day basis: the expected payment day is the BAST day plus the SLA (the agency's
// own, else the instance setting: procurement_sla_days()), counted in calendar days, or in working days (WIB,
// Monday–Friday minus the holiday calendar) for an agency configured so; payment days count the same way.
import { addWorkingDays, holidaysFrom, workingDaysBetween } from '../../curation/working-days.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { addDays, localDate } from '../../platform/time.ts';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY));

export interface DayBasis {
  basis: 'calendar' | 'working';
  slaDays: number;
}

export async function dayBasis(db: Queryable, agencyId: number, at: Date): Promise<DayBasis> {
  const [r] = await db.query<{ basis: 'calendar' | 'working'; sla: number }>(
    'select payment_days_basis as basis, procurement_sla_days(id, $2) as sla from agency where id = $1',
    [agencyId, at],
  );
  return { basis: r?.basis ?? 'calendar', slaDays: Number(r?.sla ?? 30) };
}

/** The expected payment day of an order whose BAST was signed at `receivedAt`. */
export async function dueDateFor(db: Queryable, agencyId: number, receivedAt: Date): Promise<string> {
  const { basis, slaDays } = await dayBasis(db, agencyId, receivedAt);
  const bastDay = localDate(receivedAt);
  if (basis === 'calendar') return addDays(bastDay, slaDays);
  return addWorkingDays(bastDay, slaDays, await holidaysFrom(db, bastDay, slaDays * 2 + 60));
}

/** Days from the BAST to payment in full, in the agency's basis (the BAST day itself does not count). */
export async function paymentDaysFor(db: Queryable, agencyId: number, receivedAt: Date, paidAt: Date): Promise<number> {
  const { basis } = await dayBasis(db, agencyId, receivedAt);
  const from = localDate(receivedAt);
  const to = localDate(paidAt);
  if (basis === 'calendar') return daysBetween(from, to);
  return workingDaysBetween(from, to, await holidaysFrom(db, from, daysBetween(from, to) + 1));
}
