// Use case: one product with everything its owner manages, drafts included, when the caller may read its
// business's products (one query: the row, its photos, the halal certificate and whether the caller may edit it).
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { productReadScope } from './policy.ts';
import { presentManagedProduct } from './present-product.ts';
import { presentedProduct, productNotFound } from './queries.ts';
import type { ManagedProduct } from './schema.ts';

export async function getManagedProduct(
  q: Queryable,
  actor: Actor,
  input: { productId: number },
): Promise<ManagedProduct> {
  const row = await presentedProduct(q, actor, input.productId, productReadScope(actor, 3));
  if (!row) throw productNotFound();
  return presentManagedProduct(actor, row);
}
