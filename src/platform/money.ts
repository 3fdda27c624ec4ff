/**
 * Money is whole rupiah (integers; bigint in the database). Shown as `Rp 1.250.000` (Indonesian) or
 * `Rp 1,250,000` (English): a normal space after `Rp`, everywhere (web, documents, messages). This file has no
 * Node dependencies: the web app imports it too.
 */
export type NumberLocale = 'id' | 'en';

/** Groups the digits of a whole number by thousands: `385.000` (id) or `385,000` (en). Fractions are dropped. */
export function formatNumber(value: number | bigint, locale: NumberLocale = 'id'): string {
  const n = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'id' ? '.' : ',');
  return `${neg ? '-' : ''}${digits}`;
}

export function formatRupiah(amount: number | bigint, locale: NumberLocale = 'id'): string {
  const s = formatNumber(amount, locale);
  return s.startsWith('-') ? `-Rp ${s.slice(1)}` : `Rp ${s}`;
}

export function isWholeRupiah(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}
