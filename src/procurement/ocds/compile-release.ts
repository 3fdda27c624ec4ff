// The compiled release of a record: the releases merged in date order by the OCDS merge rules (a later value
// replaces an earlier one, objects merge field by field, arrays of objects with an `id` merge by id, other arrays
// are replaced), stamped with the tag 'compiled' and the date of the newest release.
import type { Release } from './schema.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIdList = (v: Json[]) => v.length > 0 && v.every((x) => isObj(x) && typeof x.id === 'string');

function merge(into: Obj, from: Obj): Obj {
  for (const [k, v] of Object.entries(from)) {
    const had = into[k];
    if (v === null) delete into[k];
    else if (isObj(v)) into[k] = merge(isObj(had) ? had : {}, v);
    else if (Array.isArray(v) && isIdList(v)) {
      const list = Array.isArray(had) ? (had.filter(isObj) as Obj[]) : [];
      for (const item of v as Obj[]) {
        const at = list.findIndex((x) => x.id === item.id);
        if (at >= 0) list[at] = merge(list[at]!, item);
        else list.push(merge({}, item));
      }
      into[k] = list;
    } else into[k] = structuredClone(v);
  }
  return into;
}

/** `releases` in date order (oldest first), all of one ocid and at least one. */
export function compileReleases(releases: Release[]): Release {
  const last = releases[releases.length - 1]!;
  const merged = releases.reduce<Obj>((acc, r) => merge(acc, r as unknown as Obj), {});
  return {
    ...(merged as unknown as Release),
    id: `${last.ocid}-compiled-${last.date.slice(0, 19).replace(/[^0-9]/g, '')}`,
    date: last.date,
    tag: ['compiled'],
  };
}
