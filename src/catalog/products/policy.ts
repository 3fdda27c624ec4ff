import type { Actor } from '../../platform/auth/actor.ts';
import { abilitiesIn, allows, type Policy } from '../../platform/auth/rules.ts';
import { kuratorReach } from '../../curation/policy.ts';
import type { ScopeSql } from '../../platform/db/scope.ts';
import { scopeOf } from '../../registry/policy.ts';

// Who may see and change an owner's products (drafts included), one line per rule (routes declare them as their
// access; the web app receives them as abilities `catalog.<rule>`). The public catalogue is another matter:
// published, curated products are anyone's to see (src/catalog/get-product.ts).
export const productPolicy = {
  /**
   * Readers: the owner; the kecamatan desk (pendamping, kasatpel) in its kecamatan; the Dinas admin province-wide;
   * a kurator the products submitted to the calls it is assigned to (it scores them, photos included, before they
   * are public) — each within productReadScope.
   */
  /** Every business's products, drafts included. */
  readsAllProducts: ['platform_admin'],
  readsProducts: ['platform_admin', 'kurator', 'pendamping', 'kasatpel', 'umkm_owner'],
  /** Only the owner changes a product: the desk helps in person, on the owner's phone. */
  editsProducts: ['umkm_owner'],
} as const satisfies Policy;

/** The catalogue's abilities for the web app. */
export const catalogAbilities = (a: Actor) => abilitiesIn('catalog', productPolicy, a);

/**
 * The businesses whose products (all of them) an actor may read, as a SQL condition on `umkm` aliased `u`
 * (parameters from `first`). Narrower than the register's memberScope on purpose: a pengampu officer or an
 * auditor reads the register, not an owner's unpublished drafts; a kurator reads single submitted products only.
 */
export function businessProductsScope(actor: Actor, first = 1, alias = 'u'): ScopeSql {
  if (allows(actor, productPolicy.readsAllProducts)) return { sql: 'true', params: [] };
  return scopeOf(actor, ['district', 'owner'], first, alias);
}

/** One product an actor may read, as a SQL condition on `product` aliased `p` and its `umkm` aliased `u`. */
export function productReadScope(actor: Actor, first = 1): ScopeSql {
  const business = businessProductsScope(actor, first);
  const kurator = kuratorReach(actor, first + business.params.length, { product: 'p' });
  return { sql: `(${business.sql} or ${kurator.sql})`, params: [...business.params, ...kurator.params] };
}

/** The businesses whose products an actor may change: their own, whatever other roles they hold. */
export function productEditScope(actor: Actor, first = 1, alias = 'u'): ScopeSql {
  return scopeOf(actor, ['owner'], first, alias);
}
