// Validators for Indonesian identifiers (shared/standards/identifiers.md): NIK, NIB, NPWP, phone, postal code.
// Pure functions: no database, no clock unless the caller passes none. Each failure says, in Indonesian and
// English, what is wrong, so a form can show it next to the field.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bilingual } from '../platform/http/problem.ts';

export interface IdentifierError {
  field?: string;
  code: string;
  message: Bilingual;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: IdentifierError };

const fail = (
  field: string | undefined,
  code: string,
  id: string,
  en: string,
): { ok: false; error: IdentifierError } => ({
  ok: false,
  error: { ...(field ? { field } : {}), code, message: { id, en } },
});

// ---------------------------------------------------------------------------------------------------- NIK

export interface NikFacts {
  nik: string;
  gender: 'male' | 'female';
  birth_date: string; // YYYY-MM-DD
  district_code: string; // first 6 digits: province + kota/kabupaten + kecamatan where first registered
  /** Whether the district is in the caller's list. A NIK from elsewhere is valid: people move, regions split. */
  region_known: boolean;
}

export interface NikOptions {
  field?: string;
  /** Ages are reckoned at this date (default today, UTC). A 2-digit year takes the century giving age 17..100. */
  referenceDate?: string | Date;
  knownDistricts?: ReadonlySet<string>;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function ageAt(birth: { y: number; m: number; d: number }, ref: { y: number; m: number; d: number }): number {
  const before = ref.m < birth.m || (ref.m === birth.m && ref.d < birth.d);
  return ref.y - birth.y - (before ? 1 : 0);
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function validateNik(input: string, opts: NikOptions = {}): Checked<NikFacts> {
  const field = opts.field ?? 'nik';
  const nik = input.replace(/\s+/g, '');
  if (!/^\d{16}$/.test(nik)) {
    return fail(field, 'nik_format', 'NIK harus terdiri dari 16 angka.', 'A NIK must be exactly 16 digits.');
  }
  const province = Number(nik.slice(0, 2));
  if (province < 11 || province > 96 || nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') {
    return fail(
      field,
      'nik_region',
      'Kode wilayah pada 6 angka pertama NIK tidak masuk akal.',
      'The region code in the first 6 digits of the NIK is not plausible.',
    );
  }
  const dayField = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = dayField > 40;
  const day = female ? dayField - 40 : dayField;
  if (day < 1 || day > 31 || month < 1 || month > 12) {
    return fail(
      field,
      'nik_birth_date',
      'Tanggal lahir pada NIK (angka 7–12) tidak valid.',
      'The birth date in the NIK (digits 7–12) is not valid.',
    );
  }
  const refDate = opts.referenceDate === undefined ? new Date() : new Date(opts.referenceDate);
  const ref = { y: refDate.getUTCFullYear(), m: refDate.getUTCMonth() + 1, d: refDate.getUTCDate() };
  // Two candidate centuries differ by 100 years; at most one gives an adult age of 17..100.
  const year = [2000 + yy, 1900 + yy].find((y) => {
    const age = ageAt({ y, m: month, d: day }, ref);
    return age >= 17 && age <= 100;
  });
  if (year === undefined) {
    return fail(
      field,
      'nik_age',
      'Tanggal lahir pada NIK tidak sesuai usia 17–100 tahun.',
      'The birth date in the NIK does not give an age of 17–100 years.',
    );
  }
  if (!isRealDate(year, month, day)) {
    return fail(
      field,
      'nik_birth_date',
      'Tanggal lahir pada NIK bukan tanggal yang ada di kalender.',
      'The birth date in the NIK is not a real calendar date.',
    );
  }
  if (nik.slice(12) === '0000') {
    return fail(
      field,
      'nik_serial',
      'Nomor urut NIK (4 angka terakhir) tidak boleh 0000.',
      'The NIK serial number (last 4 digits) cannot be 0000.',
    );
  }
  const district_code = nik.slice(0, 6);
  return {
    ok: true,
    value: {
      nik,
      gender: female ? 'female' : 'male',
      birth_date: isoDate(new Date(Date.UTC(year, month - 1, day))),
      district_code,
      region_known: opts.knownDistricts?.has(district_code) ?? false,
    },
  };
}

// ---------------------------------------------------------------------------------------------------- NIB

export function validateNib(input: string, opts: { field?: string } = {}): Checked<string> {
  const nib = input.replace(/\s+/g, '');
  if (!/^\d{13}$/.test(nib)) {
    return fail(
      opts.field ?? 'nib',
      'nib_format',
      'NIB harus terdiri dari 13 angka.',
      'A NIB must be exactly 13 digits.',
    );
  }
  return { ok: true, value: nib };
}

// ---------------------------------------------------------------------------------------------------- NPWP

export interface NpwpFacts {
  npwp: string;
  /** nik: a resident individual's NIK; npwp16: entity or non-resident (leading 0); legacy15: old individual number. */
  format: 'nik' | 'npwp16' | 'legacy15';
}

/**
 * Accepts 16 digits (or a legacy 15-digit number), with dots, dashes and spaces. A legacy number becomes 16 digits
 * by a leading 0 only for entities: a resident individual's new NPWP is their NIK, which we cannot derive.
 */
export function validateNpwp(
  input: string,
  opts: { field?: string; holder?: 'individual' | 'entity'; referenceDate?: string | Date } = {},
): Checked<NpwpFacts> {
  const field = opts.field ?? 'npwp';
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{15}$|^\d{16}$/.test(digits)) {
    return fail(
      field,
      'npwp_format',
      'NPWP harus 16 angka (atau 15 angka format lama); titik dan tanda hubung boleh.',
      'An NPWP must be 16 digits (or 15 in the old format); dots and dashes are allowed.',
    );
  }
  if (digits.length === 15) {
    return opts.holder === 'individual'
      ? { ok: true, value: { npwp: digits, format: 'legacy15' } }
      : { ok: true, value: { npwp: `0${digits}`, format: 'npwp16' } };
  }
  if (digits.startsWith('0')) return { ok: true, value: { npwp: digits, format: 'npwp16' } };
  const asNik = validateNik(digits, { field, referenceDate: opts.referenceDate });
  if (!asNik.ok) {
    return fail(
      field,
      'npwp_nik',
      'NPWP 16 angka yang tidak diawali 0 harus berupa NIK yang valid.',
      'A 16-digit NPWP not starting with 0 must be a valid NIK.',
    );
  }
  return { ok: true, value: { npwp: digits, format: 'nik' } };
}

// ---------------------------------------------------------------------------------------------------- phone

export interface PhoneFacts {
  e164: string; // +628123456789
  kind: 'mobile' | 'fixed';
}

const MOBILE = /^8[1-35-9]\d{7,10}$/;
const JAKARTA_FIXED = /^21\d{7,8}$/;

export function normalizePhone(
  input: string,
  opts: { field?: string; mobileOnly?: boolean } = {},
): Checked<PhoneFacts> {
  const field = opts.field ?? 'phone';
  const compact = input.replace(/[\s\-().]/g, '');
  let national: string | undefined;
  if (/^\+62\d+$/.test(compact)) national = compact.slice(3);
  else if (/^62\d+$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  if (national === undefined) {
    return fail(
      field,
      'phone_format',
      'Nomor telepon harus diawali 08, +62 atau 62 dan hanya berisi angka.',
      'A phone number must start with 08, +62 or 62 and contain only digits.',
    );
  }
  if (MOBILE.test(national)) return { ok: true, value: { e164: `+62${national}`, kind: 'mobile' } };
  if (JAKARTA_FIXED.test(national)) {
    if (opts.mobileOnly) {
      return fail(
        field,
        'phone_not_mobile',
        'Masukkan nomor HP (08…), bukan telepon rumah/kantor.',
        'Enter a mobile number (08…), not a landline.',
      );
    }
    return { ok: true, value: { e164: `+62${national}`, kind: 'fixed' } };
  }
  return fail(
    field,
    'phone_number',
    'Nomor telepon tidak dikenal: nomor HP 08… (10–13 angka) atau telepon Jakarta (021).',
    'Unknown phone number: expected a mobile 08… (10–13 digits) or a Jakarta landline (021).',
  );
}

// ---------------------------------------------------------------------------------------------------- postal code

export function validatePostalCode(
  input: string,
  opts: { field?: string; prefixes?: readonly string[] } = {},
): Checked<string> {
  const field = opts.field ?? 'postal_code';
  const code = input.trim();
  if (!/^\d{5}$/.test(code)) {
    return fail(
      field,
      'postal_code_format',
      'Kode pos harus terdiri dari 5 angka.',
      'A postal code must be exactly 5 digits.',
    );
  }
  if (opts.prefixes && !opts.prefixes.some((p) => code.startsWith(p))) {
    return fail(
      field,
      'postal_code_region',
      `Kode pos ${code} tidak berada di wilayah ini (awalan ${opts.prefixes.join(', ')}).`,
      `Postal code ${code} is not in this area (prefixes ${opts.prefixes.join(', ')}).`,
    );
  }
  return { ok: true, value: code };
}

let postalPrefixes: Record<string, string[]> | undefined;

/** The 3-digit postal prefixes per kota/kabupaten code, from db/reference/postal-prefixes.json (data, not code). */
export function postalPrefixesByCity(): Record<string, string[]> {
  if (!postalPrefixes) {
    const file = fileURLToPath(new URL('../../db/reference/postal-prefixes.json', import.meta.url));
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    postalPrefixes = Object.fromEntries(
      Object.entries(raw).filter(([k, v]) => /^\d+$/.test(k) && Array.isArray(v)),
    ) as Record<string, string[]>;
  }
  return postalPrefixes;
}
