import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRows } from './csv.ts';

describe('CSV (the reference data read by migration)', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes, and CRLF, LF or CR line ends', () => {
    expect(parseCsvRows('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsvRows('a,b\n"x, ""y""",2\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
    ]);
    expect(parseCsvRows('h\n"multi\nline"\n')).toEqual([['h'], ['multi\nline']]);
    expect(parseCsvRows('a\r1\r2')).toEqual([['a'], ['1'], ['2']]);
  });

  it('skips blank lines, keeps empty fields, and keys rows by the header (missing fields empty, extra ones ignored)', () => {
    expect(parseCsvRows('')).toEqual([]);
    expect(parseCsvRows('a,b\n\n,\n')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
    expect(parseCsv('code,name,extra\nA,Satu\nB,Dua,x,y\n')).toEqual([
      { code: 'A', name: 'Satu', extra: '' },
      { code: 'B', name: 'Dua', extra: 'x' },
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('reads the holiday list as it is shipped', () => {
    const rows = parseCsv(
      readFileSync(new URL('../../db/reference/holidays-id-2025-2027.csv', import.meta.url), 'utf8'),
    );
    expect(rows).toHaveLength(61);
    expect(rows[0]).toMatchObject({
      date: '2025-01-01',
      weekday: 'Wed',
      name: 'Tahun Baru 2025 Masehi',
      type: 'libur_nasional',
    });
  });
});
