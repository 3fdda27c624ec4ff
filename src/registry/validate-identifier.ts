import type { Queryable } from '../platform/db/types.ts';
import {
  type IdentifierError,
  normalizePhone,
  postalPrefixesByCity,
  validateNib,
  validateNik,
  validateNpwp,
  validatePostalCode,
} from './identifiers.ts';
import { knownDistricts } from './known-regions.ts';

export type IdentifierKind = 'nik' | 'nib' | 'npwp' | 'phone' | 'postal_code';

export interface Validation {
  valid: boolean;
  errors: IdentifierError[];
  derived: Record<string, unknown>;
}

/** One identifier checked by the same rules the forms and the register use, with what can be derived from it. */
export async function validateIdentifier(db: Queryable, kind: IdentifierKind, value: string): Promise<Validation> {
  const field = 'value';
  switch (kind) {
    case 'nik': {
      const r = validateNik(value, { field, knownDistricts: await knownDistricts(db) });
      if (!r.ok) return { valid: false, errors: [r.error], derived: {} };
      const { gender, birth_date, district_code, region_known } = r.value;
      return { valid: true, errors: [], derived: { gender, birth_date, district_code, region_known } };
    }
    case 'nib': {
      const r = validateNib(value, { field });
      return r.ok
        ? { valid: true, errors: [], derived: { nib: r.value } }
        : { valid: false, errors: [r.error], derived: {} };
    }
    case 'npwp': {
      const r = validateNpwp(value, { field });
      return r.ok
        ? { valid: true, errors: [], derived: { ...r.value } }
        : { valid: false, errors: [r.error], derived: {} };
    }
    case 'phone': {
      const r = normalizePhone(value, { field });
      return r.ok
        ? { valid: true, errors: [], derived: { ...r.value } }
        : { valid: false, errors: [r.error], derived: {} };
    }
    case 'postal_code': {
      const byCity = postalPrefixesByCity();
      const r = validatePostalCode(value, { field, prefixes: Object.values(byCity).flat() });
      if (!r.ok) return { valid: false, errors: [r.error], derived: {} };
      const cities = Object.entries(byCity)
        .filter(([, ps]) => ps.some((p) => r.value.startsWith(p)))
        .map(([c]) => c);
      return { valid: true, errors: [], derived: { postal_code: r.value, city_codes: cities } };
    }
  }
}
