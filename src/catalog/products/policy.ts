import { type Actor, hasRole } from '../../platform/auth/actor.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { type ScopeSql, scopeOf } from '../../registry/policy.ts';

// Who may see and change an owner's products (drafts included), one line per rule. The public catalogue is
// another matter: published, curated products are anyone's to see (src/catalog/get-product.ts).

/**
 * Readers: the owner; the kecamatan desk (pendamping, kasatpel) in its kecamatan; the Dinas admin and the kurator
 * province-wide (a kurator scores products, photos included, before they are public).
 */
export const PRODUCT_READERS: Role[] = ['platform_admin', 'kurator', 'pendamping', 'kasatpel', 'umkm_owner'];
/** Only the owner changes a product: the desk helps in person, on the owner's phone. */
export const PRODUCT_EDITORS: Role[] = ['umkm_owner'];

export const productPolicy = {
  reads: (a: Actor): boolean => hasRole(a, ...PRODUCT_READERS),
  edits: (a: Actor): boolean => hasRole(a, ...PRODUCT_EDITORS),
};

/**
 * The businesses whose products an actor may read, as a SQL condition on `umkm` aliased `u` (parameters from
 * `first`). Narrower than the register's memberScope on purpose: a pengampu officer or an auditor reads the
 * register, not an owner's unpublished drafts.
 */
export function productReadScope(actor: Actor, first = 1, alias = 'u'): ScopeSql {
  if (hasRole(actor, 'platform_admin', 'kurator')) return { sql: 'true', params: [] };
  return scopeOf(actor, ['district', 'owner'], first, alias);
}

/** The businesses whose products an actor may change: their own, whatever other roles they hold. */
export function productEditScope(actor: Actor, first = 1, alias = 'u'): ScopeSql {
  return scopeOf(actor, ['owner'], first, alias);
}
