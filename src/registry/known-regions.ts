import type { Queryable } from '../platform/db/types.ts';

/** The kecamatan codes of this instance (for flagging a NIK's region as known), loaded once per process. */
let districts: Promise<Set<string>> | undefined;
export function knownDistricts(db: Queryable): Promise<Set<string>> {
  districts ??= db
    .query<{ code: string }>(`select code from region where level = 'district'`)
    .then((rows) => new Set(rows.map((r) => r.code)));
  return districts;
}

export interface VillagePlace {
  village: string;
  district: string;
  city: string;
  name: string;
}

export async function villagePlace(db: Queryable, villageCode: string): Promise<VillagePlace | undefined> {
  const [row] = await db.query<VillagePlace>(
    `select v.code as village, d.code as district, d.parent_code as city, v.name from region v join region d on d.code = v.parent_code
      where v.code = $1 and v.level = 'village'`,
    [villageCode],
  );
  return row;
}
