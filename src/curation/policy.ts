// Who may do what in curation: one line per rule (routes declare them as their access; the web app receives them
// as abilities `curation.<rule>`). Scope is folded into SQL (`submissionScope`), so a submission outside the
// caller's scope is simply not found (404), as in the registry.
import { type Actor, hasRole, scopesOf } from '../platform/auth/actor.ts';
import type { Role } from '../platform/auth/roles.ts';
import { abilitiesIn, allows, type Policy } from '../platform/auth/rules.ts';
import { ALL, anyOf, inDistricts, NONE, type ScopeSql, scopeParams } from '../platform/db/scope.ts';

export const curationPolicy = {
  managesCalls: ['platform_admin'],
  submits: ['umkm_owner'],
  verifies: ['pendamping'], // of the business's kecamatan
  validates: ['kasatpel'], // of the business's kecamatan
  scores: ['kurator'], // assigned to the call
  /** Sees call internals (assigned kurators, counts). */
  seesCallInternals: ['platform_admin', 'kurator'],
  /** Reads submissions and their certificates, each within its own scope. */
  readsSubmissions: ['platform_admin', 'umkm_owner', 'pendamping', 'kasatpel', 'kurator'],
  /** Has a worklist: the officers of the three steps. */
  worksQueue: ['pendamping', 'kasatpel', 'kurator'],
  /** Reads the overdue list: the officers, and the Dinas over them. */
  watchesOverdue: ['platform_admin', 'pendamping', 'kasatpel', 'kurator'],
} as const satisfies Policy;

/** Curation's abilities for the web app. */
export const curationAbilities = (a: Actor) => abilitiesIn('curation', curationPolicy, a);

/**
 * The submissions `s` (with its member `u`) an actor may see acting in the given roles (default: any reader
 * role it holds): the Dinas all; an owner their businesses'; a pendamping or kasatpel those of their kecamatan;
 * a kurator those of the calls they are assigned to. Parameters are numbered from `first`.
 */
export function submissionScope(
  actor: Actor,
  first: number,
  roles: readonly Role[] = curationPolicy.readsSubmissions,
): ScopeSql {
  if (actor.kind !== 'account') return NONE;
  const has = (r: Role) => roles.includes(r) && hasRole(actor, r);
  if (has('platform_admin')) return ALL;
  const parts: string[] = [];
  const { p, params } = scopeParams(first);
  const districts = [
    ...(has('pendamping') ? scopesOf(actor, 'pendamping') : []),
    ...(has('kasatpel') ? scopesOf(actor, 'kasatpel') : []),
  ];
  if (districts.length) parts.push(inDistricts('u', p(districts)));
  if (has('kurator'))
    parts.push(
      `exists (select 1 from curation_call_kurator k where k.call_id = s.call_id and k.account_id = ${p(actor.accountId)})`,
    );
  if (has('umkm_owner') && actor.ownerId !== null) parts.push(`u.owner_id = ${p(actor.ownerId)}`);
  return anyOf(parts, params);
}

/**
 * What a kurator's scoring needs beyond the submission itself, as a SQL condition: the products submitted to the
 * calls it is assigned to (`on.product`, an alias of `product`), or the businesses that submitted them (`on.umkm`,
 * an alias of `umkm`, for their halal certificate). Not the register, not the business's other products.
 * 'false' for anyone who is not a kurator. Parameters are numbered from `first`.
 */
export function kuratorReach(actor: Actor, first: number, on: { product: string } | { umkm: string }): ScopeSql {
  if (actor.kind !== 'account' || !allows(actor, curationPolicy.scores)) return NONE;
  const match = 'product' in on ? `ks.product_id = ${on.product}.id` : `ks.umkm_id = ${on.umkm}.id`;
  return {
    sql: `exists (select 1 from curation_submission ks join curation_call_kurator kk on kk.call_id = ks.call_id where ${match} and kk.account_id = $${first})`,
    params: [actor.accountId],
  };
}
