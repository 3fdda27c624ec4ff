import { formatNumber } from '../../../src/platform/money.ts';

// Rupiah typed on a phone: the digits are kept as typed, grouped for reading. A minus before the first digit
// ("-5", "Rp −5") is kept too, so the form can refuse it: dropping it would save Rp 5 without a word.
const MINUS = /^[^\d]*[-\u2212\u2013]/;

/** What was typed, as the value a rupiah field keeps: digits, with a leading '-' when a minus came first. */
export function typedRupiah(text: string, maxDigits: number): string {
  const digits = text
    .replace(/\D/g, '')
    .replace(/^0+(?=\d)/, '')
    .slice(0, maxDigits);
  return MINUS.test(text) ? `-${digits}` : digits;
}

export const isNegative = (value: string) => value.trim().startsWith('-');

/** The kept value grouped for reading while typing: `-1250000` → `-1.250.000` (id) or `-1,250,000` (en). */
export function groupRupiah(value: string, lang: 'id' | 'en'): string {
  const digits = value.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return (isNegative(value) ? '-' : '') + (digits === '' ? '' : formatNumber(BigInt(digits), lang));
}
