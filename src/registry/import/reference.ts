import type { Queryable } from '../../platform/db/types.ts';
import { localDate } from '../../platform/time.ts';
import { postalPrefixesByCity } from '../identifiers.ts';
import type { ImportReference } from './validate-row.ts';

/** The reference tables a file is checked against, loaded once per file (a few hundred regions, ~1,800 KBLI codes). */
export async function loadReference(db: Queryable, now = new Date()): Promise<ImportReference> {
  const villages = await db.query<{ code: string; district: string; city: string }>(
    `select v.code, d.code as district, d.parent_code as city from region v join region d on d.code = v.parent_code where v.level = 'village'`,
  );
  const kbli = await db.query<{ code: string }>(`select code from kbli where level = 'subclass'`);
  const districts = await db.query<{ code: string }>(`select code from region where level = 'district'`);
  return {
    villages: new Map(villages.map((v) => [v.code, { district: v.district, city: v.city }])),
    kbliSubclasses: new Set(kbli.map((k) => k.code)),
    postalPrefixes: postalPrefixesByCity(),
    knownDistricts: new Set(districts.map((d) => d.code)),
    today: localDate(now),
  };
}
