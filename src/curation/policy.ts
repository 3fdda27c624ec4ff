// Who may do what in curation: one line per rule. Scope is folded into SQL (`submissionScope`), so a
// submission outside the caller's scope is simply not found (404), as in the registry.
import { type Actor, hasRole, scopesOf } from '../platform/auth/actor.ts';
import type { Role } from '../platform/auth/roles.ts';

export const curationPolicy = {
  managesCalls: (a: Actor) => hasRole(a, 'platform_admin'),
  submits: (a: Actor) => hasRole(a, 'umkm_owner'),
  verifies: (a: Actor) => hasRole(a, 'pendamping'), // of the business's kecamatan
  validates: (a: Actor) => hasRole(a, 'kasatpel'), // of the business's kecamatan
  scores: (a: Actor) => hasRole(a, 'kurator'), // assigned to the call
  /** Sees call internals (assigned kurators, counts). */
  seesCallInternals: (a: Actor) => hasRole(a, 'platform_admin', 'kurator'),
};

/** The roles that read submissions, each within its own scope; and those with a worklist. */
export const READERS: Role[] = ['platform_admin', 'umkm_owner', 'pendamping', 'kasatpel', 'kurator'];
export const OFFICERS: Role[] = ['pendamping', 'kasatpel', 'kurator'];

export interface ScopeSql {
  sql: string;
  params: unknown[];
}

/**
 * The submissions `s` (with its member `u`) an actor may see acting in the given roles (default: any reader
 * role it holds): the Dinas all; an owner their businesses'; a pendamping or kasatpel those of their kecamatan;
 * a kurator those of the calls they are assigned to. Parameters are numbered from `first`.
 */
export function submissionScope(actor: Actor, first: number, roles: readonly Role[] = READERS): ScopeSql {
  if (actor.kind !== 'account') return { sql: 'false', params: [] };
  const has = (r: Role) => roles.includes(r) && hasRole(actor, r);
  if (has('platform_admin')) return { sql: 'true', params: [] };
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${first + params.length - 1}`;
  };
  const districts = [...(has('pendamping') ? scopesOf(actor, 'pendamping') : []), ...(has('kasatpel') ? scopesOf(actor, 'kasatpel') : [])];
  if (districts.length) parts.push(`exists (select 1 from region v where v.code = u.village_code and v.parent_code = any(${p(districts)}::text[]))`);
  if (has('kurator')) parts.push(`exists (select 1 from curation_call_kurator k where k.call_id = s.call_id and k.account_id = ${p(actor.accountId)})`);
  if (has('umkm_owner') && actor.ownerId !== null) parts.push(`u.owner_id = ${p(actor.ownerId)}`);
  return { sql: parts.length ? `(${parts.join(' or ')})` : 'false', params };
}

/** The role an actor acts in for a route that names several (the first of `roles` it holds). */
export function actingRole(actor: Actor, roles: readonly Role[]): Role | null {
  return actor.kind === 'account' ? (roles.find((r) => actor.grants.some((g) => g.role === r)) ?? null) : null;
}
