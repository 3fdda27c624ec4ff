/**
 * Time is stored in UTC and reasoned in WIB (Asia/Jakarta, UTC+7, no daylight saving): "Friday" means Friday in
 * Jakarta. The zone is a parameter so another instance can use WITA or WIT.
 */
export const DEFAULT_ZONE = 'Asia/Jakarta';

const partsCache = new Map<string, Intl.DateTimeFormat>();
function fmt(zone: string): Intl.DateTimeFormat {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    partsCache.set(zone, f);
  }
  return f;
}

export interface LocalParts {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
  weekday: number; // 0 = Sunday … 5 = Friday
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function localParts(at: Date, zone = DEFAULT_ZONE): LocalParts {
  const p = Object.fromEntries(
    fmt(zone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    weekday: WEEKDAYS.indexOf(p.weekday ?? ''),
  };
}

/** The calendar date (YYYY-MM-DD) in the zone: what a person in Jakarta calls "today". */
export function localDate(at: Date, zone = DEFAULT_ZONE): string {
  return localParts(at, zone).date;
}

export function isFriday(at: Date, zone = DEFAULT_ZONE): boolean {
  return localParts(at, zone).weekday === 5;
}

const MONTHS = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/**
 * `28 Nov 2026` from a calendar date 'YYYY-MM-DD' (as `date` columns arrive). Built from fixed month names rather
 * than Intl's locale data, whose punctuation differs between ICU versions (Node, each browser).
 */
export function formatDate(date: string, locale: 'id' | 'en' = 'id'): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[locale][Number(m) - 1]} ${y}`;
}

/** `28 Nov 2026 14.05 WIB` (id) or `28 Nov 2026 14:05 WIB` (en): always Jakarta time, whatever the reader's zone. */
export function formatWib(at: Date, locale: 'id' | 'en' = 'id'): string {
  const { date, time } = localParts(at, DEFAULT_ZONE);
  return `${formatDate(date, locale)} ${locale === 'id' ? time.replace(':', '.') : time} WIB`;
}

/** The calendar date `days` after (or before) a date 'YYYY-MM-DD': arithmetic on the calendar, no zone involved. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** The weekday of a calendar date (0 = Sunday … 5 = Friday), whatever the process's zone. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * The instant at which the clocks of `zone` show `date` `time` ('YYYY-MM-DD', 'HH:MM'): the inverse of localParts.
 * Computed from the zone's rules (Intl), never from the process's own zone (TZ). A wall-clock time skipped by a
 * daylight-saving jump resolves to the instant after the jump; WIB has none.
 */
export function atLocal(date: string, time: string, zone = DEFAULT_ZONE): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wanted = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  const shown = (at: number) => {
    const p = localParts(new Date(at), zone);
    const [py, pm, pd] = p.date.split('-').map(Number);
    const [ph, pmi] = p.time.split(':').map(Number);
    return Date.UTC(py!, pm! - 1, pd!, ph!, pmi!);
  };
  let at = wanted - (shown(wanted) - wanted); // first guess: the zone's offset at the wall-clock value read as UTC
  const off = shown(at) - at; // the offset at the guess (differs only across a transition)
  if (shown(wanted - off) === wanted) at = wanted - off;
  return new Date(at);
}
