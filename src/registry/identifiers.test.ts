import { describe, expect, it } from 'vitest';
import {
  normalizePhone,
  postalPrefixesByCity,
  validateNib,
  validateNik,
  validateNpwp,
  validatePostalCode,
} from './identifiers.ts';

const ref = '2025-06-01';

describe('NIK', () => {
  it('reads the example from the standard: Banten, Kab. Serang, male, born 12 Nov 1987', () => {
    const r = validateNik('3602041211870001', { referenceDate: ref, knownDistricts: new Set(['360204']) });
    expect(r).toEqual({
      ok: true,
      value: {
        nik: '3602041211870001',
        gender: 'male',
        birth_date: '1987-11-12',
        district_code: '360204',
        region_known: true,
      },
    });
  });

  it('takes day + 40 as a woman and picks the century that makes an adult', () => {
    const r = validateNik('3171015503050002', { referenceDate: ref });
    expect(r.ok && r.value).toMatchObject({
      gender: 'female',
      birth_date: '2005-03-15',
      district_code: '317101',
      region_known: false,
    });
    const old = validateNik('3171011507300003', { referenceDate: ref });
    expect(old.ok && old.value.birth_date).toBe('1930-07-15');
  });

  it('accepts a NIK registered outside the known districts, only flagging it', () => {
    const r = validateNik('3602041211870001', { referenceDate: ref, knownDistricts: new Set(['317101']) });
    expect(r.ok && r.value.region_known).toBe(false);
  });

  it.each([
    ['317101121187000', 'nik_format'], // 15 digits
    ['31710112118700O1', 'nik_format'], // a letter O
    ['0071011211870001', 'nik_region'],
    ['3171003211870001', 'nik_region'],
    ['3171013211870001', 'nik_birth_date'], // day 32
    ['3171017211870001', 'nik_birth_date'], // day 72 (32 + 40)
    ['3171011213870001', 'nik_birth_date'], // month 13
    ['3171013102870001', 'nik_birth_date'], // 31 February
    ['3171012902010001', 'nik_birth_date'], // 2001 gives age 24, and 29 February 2001 does not exist
    ['3171011211150001', 'nik_age'], // born 2015: a child, 1915 too old
    ['3171011211870000', 'nik_serial'],
  ])('rejects %s (%s) with a message in both languages', (nik, code) => {
    const r = validateNik(nik, { referenceDate: ref });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.field).toBe('nik');
      expect(r.error.message.id).toMatch(/NIK/);
      expect(r.error.message.en).toMatch(/NIK/);
    }
  });

  it('reports 29 February of a leap year as a real date', () => {
    const r = validateNik('3171016902000004', { referenceDate: ref }); // woman, 29-02-2000
    expect(r.ok && r.value.birth_date).toBe('2000-02-29');
  });
});

describe('NIB', () => {
  it('accepts 13 digits and nothing else', () => {
    expect(validateNib('9120001234567')).toEqual({ ok: true, value: '9120001234567' });
    for (const bad of ['912000123456', '91200012345678', '91200012345a7', '']) {
      const r = validateNib(bad);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error).toMatchObject({
          field: 'nib',
          code: 'nib_format',
          message: { id: 'NIB harus terdiri dari 13 angka.' },
        });
    }
  });
});

describe('NPWP', () => {
  it('normalises a legacy 15-digit entity number by a leading 0', () => {
    expect(validateNpwp('01.234.567.8-901.000')).toEqual({
      ok: true,
      value: { npwp: '0012345678901000', format: 'npwp16' },
    });
    expect(validateNpwp('0012345678901000')).toEqual({
      ok: true,
      value: { npwp: '0012345678901000', format: 'npwp16' },
    });
  });

  it('keeps a legacy individual number as it is, and takes a NIK as an individual NPWP', () => {
    expect(validateNpwp('12.345.678.9-012.000', { holder: 'individual' })).toEqual({
      ok: true,
      value: { npwp: '123456789012000', format: 'legacy15' },
    });
    expect(validateNpwp('3602041211870001', { referenceDate: ref })).toEqual({
      ok: true,
      value: { npwp: '3602041211870001', format: 'nik' },
    });
  });

  it('rejects wrong lengths and 16 digits that are not a NIK', () => {
    const short = validateNpwp('12.345.678.9-012');
    expect(!short.ok && short.error.code).toBe('npwp_format');
    const notNik = validateNpwp('3602049911870001', { referenceDate: ref });
    expect(!notNik.ok && notNik.error).toMatchObject({ field: 'npwp', code: 'npwp_nik' });
  });
});

describe('phone', () => {
  it.each([
    ['0812-3456-789', '+628123456789', 'mobile'],
    ['+62 812 3456 7890', '+6281234567890', 'mobile'],
    ['6285712345678', '+6285712345678', 'mobile'],
    ['(021) 1234-5678', '+622112345678', 'fixed'],
    ['+62 21 1234 567', '+62211234567', 'fixed'],
  ])('normalises %s to %s', (input, e164, kind) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value: { e164, kind } });
  });

  it.each([
    ['0842-3456-789', 'phone_number'], // 084 is not a mobile range
    ['0809-1234-567', 'phone_number'], // premium rate
    ['0812345', 'phone_number'], // too short
    ['081234567890123', 'phone_number'], // too long
    ['812-3456-789', 'phone_format'], // no trunk prefix or country code
    ['0812-3456-78x', 'phone_format'],
  ])('rejects %s', (input, code) => {
    const r = normalizePhone(input);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('refuses a landline where a mobile number is needed', () => {
    const r = normalizePhone('021 1234 5678', { mobileOnly: true });
    expect(!r.ok && r.error).toMatchObject({
      code: 'phone_not_mobile',
      message: { en: 'Enter a mobile number (08…), not a landline.' },
    });
  });
});

describe('postal code', () => {
  it('checks 5 digits and, when given, the kota prefixes from the reference data', () => {
    const prefixes = postalPrefixesByCity();
    expect(prefixes['3171']).toContain('101');
    expect(validatePostalCode('10110', { prefixes: prefixes['3171'] })).toEqual({ ok: true, value: '10110' });
    expect(validatePostalCode('14210', { prefixes: prefixes['3172'] }).ok).toBe(true);
    const elsewhere = validatePostalCode('12110', { prefixes: prefixes['3171'] });
    expect(!elsewhere.ok && elsewhere.error.code).toBe('postal_code_region');
    const bad = validatePostalCode('1011');
    expect(!bad.ok && bad.error).toMatchObject({ field: 'postal_code', code: 'postal_code_format' });
  });
});
