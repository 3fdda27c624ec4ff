import { describe, expect, it } from 'vitest';
import { formatNumber, formatRupiah } from '../../src/platform/money.ts';
import { formatDate, formatWib } from '../../src/platform/time.ts';

// The web app formats through these shared functions (see i18n/i18n.tsx); documents and messages use them too.
describe('numbers and rupiah', () => {
  it('groups thousands with dots in Indonesian and commas in English', () => {
    expect(formatNumber(385000)).toBe('385.000');
    expect(formatNumber(385000, 'en')).toBe('385,000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(284164)).toBe('284.164');
    expect(formatNumber(-1234567)).toBe('-1.234.567');
    expect(formatNumber(177_800_000_000n)).toBe('177.800.000.000');
  });

  it('shows whole rupiah as Rp, a space, and grouped digits', () => {
    expect(formatRupiah(1250000)).toBe('Rp 1.250.000');
    expect(formatRupiah(100000, 'en')).toBe('Rp 100,000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(-5000)).toBe('-Rp 5.000');
    expect(formatRupiah(15_000_000_000n)).toBe('Rp 15.000.000.000');
    expect(formatRupiah(1999.99)).toBe('Rp 1.999'); // never rounds money up
  });
});

describe('dates and times in WIB', () => {
  it('writes Jakarta time whatever zone the reader is in', () => {
    const at = new Date('2026-11-28T07:05:00Z');
    expect(formatWib(at)).toBe('28 Nov 2026 14.05 WIB');
    expect(formatWib(at, 'en')).toBe('28 Nov 2026 14:05 WIB');
  });

  it('rolls over to the next Jakarta day after 17:00 UTC', () => {
    expect(formatWib(new Date('2026-08-16T17:30:00Z'))).toBe('17 Agu 2026 00.30 WIB');
    expect(formatWib(new Date('2026-08-16T17:30:00Z'), 'en')).toBe('17 Aug 2026 00:30 WIB');
    expect(formatWib(new Date('2026-12-31T16:59:00Z'))).toBe('31 Des 2026 23.59 WIB');
    expect(formatWib(new Date('2026-12-31T17:00:00Z'))).toBe('1 Jan 2027 00.00 WIB');
  });

  it('is independent of the process time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(new Date('2026-05-01T02:00:00Z').getHours()).toBe(19); // the zone really changed
      expect(formatWib(new Date('2026-05-01T02:00:00Z'))).toBe('1 Mei 2026 09.00 WIB');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('writes calendar dates without a zone shift', () => {
    expect(formatDate('2026-11-28')).toBe('28 Nov 2026');
    expect(formatDate('2021-09-10', 'en')).toBe('10 Sep 2021');
    expect(formatDate('2024-10-17')).toBe('17 Okt 2024');
    expect(formatDate('2026-05-05', 'en')).toBe('5 May 2026');
  });
});
