// How a caller's scope reaches SQL: one boolean condition with its parameters, folded into a WHERE clause so a row
// outside the scope is simply not found. The register (registry/policy.ts) and curation (curation/policy.ts) build
// theirs from these parts.
import { type Actor, hasRole } from '../auth/actor.ts';

export interface ScopeSql {
  /** A boolean SQL condition. */
  sql: string;
  params: unknown[];
}

export const ALL: ScopeSql = { sql: 'true', params: [] };
export const NONE: ScopeSql = { sql: 'false', params: [] };

/** Collects the parameters of a condition, numbered from `first` ($first, $first+1, …). */
export function scopeParams(first: number) {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${first + params.length - 1}`;
  };
  return { p, params };
}

/** Conditions or'ed into one; 'false' when there are none. */
export const anyOf = (conditions: string[], params: unknown[]): ScopeSql => ({
  sql: conditions.length ? `(${conditions.join(' or ')})` : 'false',
  params,
});

/**
 * The kecamatan clause: the `umkm` aliased `alias` lies in one of the kecamatan whose codes are the text[]
 * parameter `districts` (a placeholder such as `$2`).
 */
export const inDistricts = (alias: string, districts: string) =>
  `exists (select 1 from region v where v.code = ${alias}.village_code and v.parent_code = any(${districts}::text[]))`;

/**
 * The rows of the seller's own businesses (the umkm its account's registry person owns), for every channel that
 * sells: `column` is the umkm id column (e.g. `o.umkm_id`), `first` its parameter's number.
 */
export function sellerScope(actor: Actor, column: string, first: number): ScopeSql {
  if (actor.kind !== 'account' || actor.ownerId === null || !hasRole(actor, 'umkm_owner')) return NONE;
  return {
    sql: `exists (select 1 from umkm su where su.id = ${column} and su.owner_id = $${first})`,
    params: [actor.ownerId],
  };
}
