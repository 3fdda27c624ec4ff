// The registration form's checks: every identifier and reference at once, so the form shows all problems together.
import type { Tx } from '../platform/db/types.ts';
import { type FieldError, fieldError, validationFailed } from '../platform/http/problem.ts';
import {
  normalizePhone,
  postalPrefixesByCity,
  validateNib,
  validateNik,
  validateNpwp,
  validatePostalCode,
} from './identifiers.ts';
import { knownDistricts, type VillagePlace, villagePlace } from './known-regions.ts';
import type { RegistrationInput } from './schema.ts';

export interface Checked {
  nik: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string;
  nib: string | null;
  npwp: string | null;
  place: VillagePlace;
}

const invalid = validationFailed;

/** Every identifier and reference checked at once, so the form shows all problems together. */
export async function checkRegistration(tx: Tx, r: RegistrationInput): Promise<Checked> {
  const errors: FieldError[] = [];
  const add = (prefix: string, res: { ok: false; error: { code: string; message: { id: string; en: string } } }) =>
    errors.push({ field: prefix, code: res.error.code, message: res.error.message });
  const nik = validateNik(r.owner.nik, { knownDistricts: await knownDistricts(tx) });
  if (!nik.ok) add('body.owner.nik', nik);
  else {
    if (r.owner.gender && r.owner.gender !== nik.value.gender)
      errors.push(
        fieldError(
          'body.owner.gender',
          'nik_mismatch',
          'Jenis kelamin tidak sesuai dengan NIK.',
          'Gender does not match the NIK.',
        ),
      );
    if (r.owner.birthDate && r.owner.birthDate !== nik.value.birth_date)
      errors.push(
        fieldError(
          'body.owner.birthDate',
          'nik_mismatch',
          `Tanggal lahir tidak sesuai dengan NIK (${nik.value.birth_date}).`,
          `Birth date does not match the NIK (${nik.value.birth_date}).`,
        ),
      );
  }
  const phone = normalizePhone(r.owner.phone, { mobileOnly: true });
  if (!phone.ok) add('body.owner.phone', phone);
  const nib = r.business.nib ? validateNib(r.business.nib) : undefined;
  if (nib && !nib.ok) add('body.business.nib', nib);
  const npwp = r.business.npwp
    ? validateNpwp(r.business.npwp, { holder: r.business.kind === 'cooperative' ? 'entity' : undefined })
    : undefined;
  if (npwp && !npwp.ok) add('body.business.npwp', npwp);
  const place = await villagePlace(tx, r.business.villageCode);
  if (!place)
    errors.push(
      fieldError('body.business.villageCode', 'unknown_region', 'Kelurahan tidak dikenal.', 'Unknown kelurahan.'),
    );
  else {
    const postal = validatePostalCode(r.business.postalCode, { prefixes: postalPrefixesByCity()[place.city] });
    if (!postal.ok) add('body.business.postalCode', postal);
  }
  const kbli = await tx.query<{ code: string }>(
    `select code from kbli where level = 'subclass' and code = any($1::text[])`,
    [r.business.kbliCodes],
  );
  const known = new Set(kbli.map((k) => k.code));
  r.business.kbliCodes.forEach((c, i) => {
    if (!known.has(c))
      errors.push(
        fieldError(
          `body.business.kbliCodes.${i}`,
          'unknown_kbli',
          `KBLI ${c} tidak ada di KBLI 2020.`,
          `KBLI ${c} is not in KBLI 2020.`,
        ),
      );
  });
  const agency = await tx.query('select 1 from fostering_agency where id = $1', [r.business.fosteringAgencyId]);
  if (!agency.length)
    errors.push(
      fieldError(
        'body.business.fosteringAgencyId',
        'unknown_agency',
        'Pengampu tidak dikenal.',
        'Unknown fostering agency.',
      ),
    );
  if (errors.length || !nik.ok || !phone.ok || !place) throw invalid(errors);
  return {
    nik: nik.value.nik,
    gender: nik.value.gender,
    birthDate: nik.value.birth_date,
    phone: phone.value.e164,
    nib: nib?.ok ? nib.value : null,
    npwp: npwp?.ok ? npwp.value.npwp : null,
    place,
  };
}
