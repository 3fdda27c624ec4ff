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
