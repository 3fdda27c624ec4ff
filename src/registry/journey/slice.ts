import type { Queryable } from '../../platform/db/types.ts';
import { fieldError, validationFailed } from '../../platform/http/problem.ts';

/** A region a funnel or overlap is drawn for: the province, a kota, a kecamatan or a kelurahan. */
export interface RegionSlice {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | 'village';
  /** The kecamatan the region lies in (itself for a kecamatan), null for a kota or the province. */
  district: string | null;
  /** Every kelurahan inside it: rows carry the kelurahan, so a slice is a list of them. */
  villages: string[];
}

export async function regionSlice(q: Queryable, code: string): Promise<RegionSlice> {
  const [r] = await q.query<{
    code: string;
    name: string;
    level: RegionSlice['level'];
    parent_code: string | null;
    villages: string[];
  }>(
    `with recursive tree as (select code, level from region where code = $1
                             union all select c.code, c.level from region c join tree t on c.parent_code = t.code)
     select r.code, r.name, r.level, r.parent_code, (select coalesce(array_agg(code order by code), '{}') from tree where level = 'village') as villages
       from region r where r.code = $1`,
    [code],
  );
  if (!r)
    throw validationFailed([
      fieldError('querystring.region', 'unknown_region', 'Kode wilayah tidak dikenal.', 'Unknown region code.'),
    ]);
  const district = r.level === 'district' ? r.code : r.level === 'village' ? r.parent_code : null;
  return { code: r.code, name: r.name, level: r.level, district, villages: r.villages };
}
