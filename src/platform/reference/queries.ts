import type { Queryable } from '../db/types.ts';

export interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export function listRegions(db: Queryable, f: { parent?: string; level?: string }): Promise<RegionRow[]> {
  return db.query<RegionRow>(
    `select code, name, level, parent_code from region
      where ($1::text is null or parent_code = $1) and ($2::text is null or level = $2)
      order by code`,
    [f.parent ?? null, f.level ?? null],
  );
}

export function listKbli(
  db: Queryable,
  q: string | undefined,
  limit: number,
): Promise<{ code: string; title: string }[]> {
  const term = (q ?? '').trim();
  return db.query(
    `select code, title from kbli
      where level = 'subclass'
        and ($1 = '' or code like $1 || '%' or title ilike '%' || $1 || '%')
      order by code limit $2`,
    [term, limit],
  );
}
