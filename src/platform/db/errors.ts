import { AppError, type Bilingual } from '../http/problem.ts';

/** A PostgreSQL error as both engines raise it (node-postgres and PGlite share pg-protocol's DatabaseError). */
interface PgError {
  code: string;
  severity: string;
  constraint?: string;
}

const isPgError = (e: unknown): e is PgError =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as PgError).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((e as PgError).code) &&
  typeof (e as PgError).severity === 'string';

const taken: Bilingual = { id: 'Sudah terdaftar.', en: 'Already registered.' };

/**
 * Unique constraints a user can run into, by name: the field the conflict concerns and the code the web app
 * knows. The use cases check first; these answer when two requests race past that check at once.
 */
const UNIQUE: Record<string, { field: string; code: string; message: Bilingual }> = {
  account_email_key: {
    field: 'body.login',
    code: 'login_taken',
    message: {
      id: 'Email atau nomor HP ini sudah terdaftar.',
      en: 'This email or phone number is already registered.',
    },
  },
  account_phone_key: {
    field: 'body.login',
    code: 'login_taken',
    message: {
      id: 'Email atau nomor HP ini sudah terdaftar.',
      en: 'This email or phone number is already registered.',
    },
  },
  owner_nik_hash_key: {
    field: 'body.owner.nik',
    code: 'already_registered',
    message: { id: 'NIK ini sudah terdaftar.', en: 'This NIK is already registered.' },
  },
  umkm_nib_key: {
    field: 'body.business.nib',
    code: 'already_registered',
    message: { id: 'NIB ini sudah terdaftar.', en: 'This NIB is already registered.' },
  },
  curation_submission_call_id_product_id_key: {
    field: 'body.productId',
    code: 'already_submitted',
    message: { id: 'Produk ini sudah diajukan ke panggilan ini.', en: 'This product is already in this call.' },
  },
  permit_umkm_id_kind_number_key: {
    field: 'body.number',
    code: 'permit_exists',
    message: { id: 'Izin dengan nomor ini sudah tercatat.', en: 'A permit with this number is already on record.' },
  },
};

/**
 * The database refusing a request as the problem it is for the user: a unique violation (23505) is a 409, a data
 * exception (class 22: NUL or a broken character in text, a number or date out of range) a 400. Validation at
 * the edge catches the latter first; this is the last line, so a value it missed is never a 500.
 */
export function problemFromDatabase(err: unknown): AppError | undefined {
  if (!isPgError(err)) return undefined;
  if (err.code === '23505') {
    const known = err.constraint ? UNIQUE[err.constraint] : undefined;
    if (known)
      return new AppError(409, known.code, known.message, [{ field: known.field, code: known.code, message: taken }]);
    return new AppError(409, 'conflict', {
      id: 'Data ini bertabrakan dengan data yang sudah ada; muat ulang dan coba lagi.',
      en: 'This conflicts with existing data; reload and try again.',
    });
  }
  if (err.code.startsWith('22'))
    return new AppError(400, 'invalid_value', {
      id: 'Ada nilai yang tidak dapat disimpan (karakter, angka, atau tanggal di luar batas).',
      en: 'A value cannot be stored (a character, number or date out of range).',
    });
  return undefined;
}
