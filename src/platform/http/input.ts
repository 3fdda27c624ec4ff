// The shapes of input every context accepts, in one place: ids and integers that fit their column, dates that
// exist on the calendar. Each refuses at the edge with a 400 naming the field what PostgreSQL would refuse later
// with an error (22003 numeric out of range, 22008 datetime out of range).
import { z } from 'zod';

export const INT4_MAX = 2_147_483_647;
const INT4_MIN = -2_147_483_648;

/** An integer stored in an `integer` column (or bounded by one): never past int4. */
export const int4 = (min = INT4_MIN, max = INT4_MAX) =>
  z.number().int().min(Math.max(min, INT4_MIN)).max(Math.min(max, INT4_MAX));
/** A whole amount stored in a `bigint` column: a JS number is exact only up to 2^53 - 1. */
export const int8 = (min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) =>
  z.number().int().min(min).max(Math.min(max, Number.MAX_SAFE_INTEGER));

/** The id of a row whose key is `integer` (fostering agency, agency, mall, lender). */
export const int4Id = () => int4(1);
/** The id of a row whose key is `bigint` (most tables). */
export const bigintId = () => int8(1);

/** The same, for a path or query string, where every value arrives as text. */
export const int4Param = (min = INT4_MIN, max = INT4_MAX) =>
  z.coerce.number().int().min(Math.max(min, INT4_MIN)).max(Math.min(max, INT4_MAX));
export const int8Param = (min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(Math.min(max, Number.MAX_SAFE_INTEGER));
export const int4IdParam = () => int4Param(1);
export const bigintIdParam = () => int8Param(1);

/** True when y-m-d names a day that exists (years 1..9999: PostgreSQL has no year 0). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d); // round trip: 2020-02-30 comes back as March 1st
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const notADate = {
  message: 'not a calendar date',
  params: { id: 'Tanggal ini tidak ada di kalender.', en: 'This date does not exist on the calendar.' },
};

/** A calendar date, YYYY-MM-DD. */
export const calendarDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
    .refine(isCalendarDate, notADate);

/** A local date and time to the minute, YYYY-MM-DDTHH:mm, on a real day and a real clock time. */
export const localDateTime = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'YYYY-MM-DDTHH:mm')
    .refine((s) => isCalendarDate(s.slice(0, 10)), notADate);
