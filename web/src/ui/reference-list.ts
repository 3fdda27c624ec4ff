import { api } from '../app/api.ts';
import type { LoadOptions } from './load.ts';

/** Reference lists for the forms (regions, pengampu), kept for the visit: they change once a year at most. */
const asked = new Map<string, Promise<unknown>>();
const answered = new Map<string, unknown>();

/**
 * The arguments of `useResource` for a reference list: GET a `{items}` list once per visit (an answer already here
 * shows at once); `null` path = nothing to load yet (a kecamatan before its kota), an empty list. Use as
 * `useResource(...referenceList<Region>(path))`.
 */
export function referenceList<T>(
  path: string | null,
): [() => Promise<{ items: T[] }>, [string | null], LoadOptions<{ items: T[] }>] {
  const load = () => {
    if (path === null) return Promise.resolve({ items: [] });
    let p = asked.get(path) as Promise<{ items: T[] }> | undefined;
    if (!p) {
      p = api<{ items: T[] }>(path); // not aborted when the form moves on: the answer is kept for the visit
      asked.set(path, p);
      p.then(
        (r) => answered.set(path, r),
        () => asked.delete(path), // a failure is not kept: "Coba lagi" asks again
      );
    }
    return p;
  };
  const known = () => (path === null ? { items: [] } : (answered.get(path) as { items: T[] } | undefined));
  return [load, [path], { known }];
}
