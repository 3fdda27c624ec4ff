// Checks one row of a member list against the identifier rules and the reference tables. Pure: the reference
// data is loaded once per file (reference.ts) and passed in. Every problem of a row is reported, not just the first.
import type { Bilingual } from '../../platform/http/problem.ts';
import { normalizePhone, validateNib, validateNik, validateNpwp, validatePostalCode } from '../identifiers.ts';
import type { Cell, FileRow } from './read-file.ts';

export interface RowError {
  column: string;
  code: string;
  message: Bilingual;
}

export interface ImportReference {
  villages: ReadonlyMap<string, { district: string; city: string }>;
  kbliSubclasses: ReadonlySet<string>;
  postalPrefixes: Readonly<Record<string, readonly string[]>>;
  knownDistricts: ReadonlySet<string>;
  today: string; // YYYY-MM-DD in WIB: ages and the latest start year are reckoned at this date
}

export type MemberKind = 'jakpreneur' | 'non_jakpreneur' | 'cooperative';

/** A good row, in clear. NIK and phone only live in memory until staging encrypts them. */
export interface CleanMember {
  fullName: string;
  nik: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string; // E.164
  email: string | null;
  name: string;
  nib: string | null;
  npwp: string | null;
  kbli: string[]; // first = main
  villageCode: string;
  address: string;
  postalCode: string;
  startYear: number;
  workers: number;
  capital: number;
  annualSales: number;
  kind: MemberKind;
}

export type RowResult = { ok: true; member: CleanMember } | { ok: false; errors: RowError[] };

const err = (column: string, code: string, id: string, en: string): RowError => ({ column, code, message: { id, en } });

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'number') return Number.isInteger(c) ? BigInt(c).toString() : String(c);
  return String(c).trim();
}

/** Whole, non-negative numbers: rupiah, workers, years. Accepts "Rp 1.500.000" or "1,500,000" but never decimals. */
export function wholeNumber(c: Cell | undefined): number | undefined {
  if (typeof c === 'number') return Number.isSafeInteger(c) && c >= 0 ? c : undefined;
  const s = text(c)
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s/g, '');
  let digits: string | undefined;
  if (/^\d+$/.test(s)) digits = s;
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) digits = s.replace(/\./g, '');
  else if (/^\d{1,3}(,\d{3})+$/.test(s)) digits = s.replace(/,/g, '');
  if (digits === undefined) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
}

function dateText(c: Cell | undefined): string | undefined {
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const s = text(c);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return s;
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s); // 05/08/1990: day first, as written in Indonesia
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return undefined;
}

const KINDS: Record<string, MemberKind> = {
  jakpreneur: 'jakpreneur',
  non_jakpreneur: 'non_jakpreneur',
  'non-jakpreneur': 'non_jakpreneur',
  koperasi: 'cooperative',
  cooperative: 'cooperative',
};
const GENDERS: Record<string, 'male' | 'female'> = {
  l: 'male',
  'laki-laki': 'male',
  pria: 'male',
  male: 'male',
  p: 'female',
  perempuan: 'female',
  wanita: 'female',
  female: 'female',
};

export function validateRow(row: FileRow, ref: ImportReference): RowResult {
  const c = row.cells;
  const errors: RowError[] = [];
  const required = (key: string): string => {
    const v = text(c[key]);
    if (!v) errors.push(err(key, 'required', 'Wajib diisi.', 'Required.'));
    return v;
  };
  const maxLen = (key: string, v: string, n: number) => {
    if (v.length > n)
      errors.push(
        err(key, 'too_long', `Terlalu panjang (maksimal ${n} karakter).`, `Too long (at most ${n} characters).`),
      );
  };

  const fullName = required('nama_pemilik');
  maxLen('nama_pemilik', fullName, 200);

  const nikRaw = required('nik');
  const nik = nikRaw
    ? validateNik(nikRaw, { referenceDate: ref.today, knownDistricts: ref.knownDistricts })
    : undefined;
  if (nik && !nik.ok) {
    const hint =
      typeof c.nik === 'number'
        ? ' Kolom NIK tersimpan sebagai angka: format sebagai teks agar digit tidak hilang.'
        : '';
    const hintEn =
      typeof c.nik === 'number' ? ' The NIK cell is stored as a number: format it as text so no digit is lost.' : '';
    errors.push(err('nik', nik.error.code, nik.error.message.id + hint, nik.error.message.en + hintEn));
  }
  if (nik?.ok) {
    const g = text(c.jenis_kelamin).toLowerCase();
    if (g && !GENDERS[g])
      errors.push(err('jenis_kelamin', 'gender_format', 'Isi L atau P.', 'Use L (male) or P (female).'));
    else if (g && GENDERS[g] !== nik.value.gender)
      errors.push(
        err(
          'jenis_kelamin',
          'nik_mismatch',
          'Jenis kelamin tidak sesuai dengan NIK.',
          'Gender does not match the NIK.',
        ),
      );
    if (text(c.tanggal_lahir)) {
      const d = dateText(c.tanggal_lahir);
      if (!d)
        errors.push(err('tanggal_lahir', 'date_format', 'Tanggal harus YYYY-MM-DD.', 'The date must be YYYY-MM-DD.'));
      else if (d !== nik.value.birth_date)
        errors.push(
          err(
            'tanggal_lahir',
            'nik_mismatch',
            `Tanggal lahir tidak sesuai dengan NIK (${nik.value.birth_date}).`,
            `Birth date does not match the NIK (${nik.value.birth_date}).`,
          ),
        );
    }
  }

  let phoneRaw = required('no_hp');
  if (typeof c.no_hp === 'number' && phoneRaw.startsWith('8')) phoneRaw = `0${phoneRaw}`; // the spreadsheet dropped the leading 0
  const phone = phoneRaw ? normalizePhone(phoneRaw, { mobileOnly: true }) : undefined;
  if (phone && !phone.ok) errors.push(err('no_hp', phone.error.code, phone.error.message.id, phone.error.message.en));

  const email = text(c.email).toLowerCase();
  if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    errors.push(err('email', 'email_format', 'Format email tidak valid.', 'Invalid email address.'));

  const name = required('nama_usaha');
  maxLen('nama_usaha', name, 200);

  const nibRaw = text(c.nib);
  const nib = nibRaw ? validateNib(nibRaw) : undefined;
  if (nib && !nib.ok) errors.push(err('nib', nib.error.code, nib.error.message.id, nib.error.message.en));

  const kindRaw = text(c.jenis).toLowerCase();
  const kind = kindRaw ? KINDS[kindRaw] : 'jakpreneur';
  if (!kind)
    errors.push(
      err(
        'jenis',
        'kind',
        'Isi jakpreneur, non_jakpreneur atau koperasi.',
        'Use jakpreneur, non_jakpreneur or koperasi.',
      ),
    );

  const npwpRaw = text(c.npwp);
  const npwp = npwpRaw
    ? validateNpwp(npwpRaw, { holder: kind === 'cooperative' ? 'entity' : undefined, referenceDate: ref.today })
    : undefined;
  if (npwp && !npwp.ok) errors.push(err('npwp', npwp.error.code, npwp.error.message.id, npwp.error.message.en));

  const kbliRaw = required('kbli');
  const kbli = [...new Set(kbliRaw.split(/[;,\s]+/).filter(Boolean))];
  if (kbliRaw) {
    const unknown = kbli.filter((k) => !ref.kbliSubclasses.has(k));
    if (unknown.length)
      errors.push(
        err(
          'kbli',
          'unknown_kbli',
          `Bukan kode KBLI 2020 tingkat subgolongan (5 angka): ${unknown.join(', ')}.`,
          `Not a KBLI 2020 subclass code (5 digits): ${unknown.join(', ')}.`,
        ),
      );
  }

  const villageCode = required('kelurahan');
  const village = villageCode ? ref.villages.get(villageCode) : undefined;
  if (villageCode && !village)
    errors.push(
      err(
        'kelurahan',
        'unknown_region',
        `Kode kelurahan ${villageCode} tidak dikenal.`,
        `Unknown kelurahan code ${villageCode}.`,
      ),
    );

  const address = required('alamat');
  maxLen('alamat', address, 500);

  const postalRaw = required('kode_pos');
  if (postalRaw) {
    const postal = validatePostalCode(postalRaw, { prefixes: village ? ref.postalPrefixes[village.city] : undefined });
    if (!postal.ok) errors.push(err('kode_pos', postal.error.code, postal.error.message.id, postal.error.message.en));
  }

  const currentYear = Number(ref.today.slice(0, 4));
  const whole = (key: string, what: Bilingual, max = Number.MAX_SAFE_INTEGER): number => {
    if (!text(c[key])) {
      errors.push(err(key, 'required', 'Wajib diisi.', 'Required.'));
      return 0;
    }
    const n = wholeNumber(c[key]);
    if (n === undefined || n > max) {
      errors.push(
        err(
          key,
          'whole_number',
          `${what.id} harus bilangan bulat ≥ 0 tanpa desimal.`,
          `${what.en} must be a whole number ≥ 0 without decimals.`,
        ),
      );
      return 0;
    }
    return n;
  };
  const startYear = whole('tahun_mulai', { id: 'Tahun mulai', en: 'Start year' });
  if (startYear && (startYear < 1900 || startYear > currentYear))
    errors.push(
      err(
        'tahun_mulai',
        'year_range',
        `Tahun mulai harus antara 1900 dan ${currentYear}.`,
        `The start year must be between 1900 and ${currentYear}.`,
      ),
    );
  else if (startYear && nik?.ok && startYear < Number(nik.value.birth_date.slice(0, 4)))
    errors.push(
      err(
        'tahun_mulai',
        'nik_mismatch',
        'Tahun mulai usaha sebelum tahun lahir pemilik (menurut NIK).',
        "The start year is before the owner's birth year (from the NIK).",
      ),
    );
  const workers = whole('tenaga_kerja', { id: 'Tenaga kerja', en: 'Workers' }, 1_000_000);
  const capital = whole('modal', { id: 'Modal', en: 'Capital' });
  const annualSales = whole('omzet_tahunan', { id: 'Omzet tahunan', en: 'Annual sales' });

  if (errors.length || !nik?.ok || !phone?.ok || !kind) return { ok: false, errors };
  return {
    ok: true,
    member: {
      fullName,
      nik: nik.value.nik,
      gender: nik.value.gender,
      birthDate: nik.value.birth_date,
      phone: phone.value.e164,
      email: email || null,
      name,
      nib: nib?.ok ? nib.value : null,
      npwp: npwp?.ok ? npwp.value.npwp : null,
      kbli,
      villageCode,
      address,
      postalCode: postalRaw,
      startYear,
      workers,
      capital,
      annualSales,
      kind,
    },
  };
}
