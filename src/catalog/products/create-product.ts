// Use case: a draft product of one of the caller's own businesses (audited in the same transaction).
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { getManagedProduct } from './get-managed-product.ts';
import { productEditScope } from './policy.ts';
import { type Acting, checkCodes } from './product-rules.ts';
import { businessNotFound } from './queries.ts';
import type { ManagedProduct, NewProduct } from './schema.ts';

export async function createProduct(
  tx: Tx,
  a: Acting,
  input: { umkmId: number; product: NewProduct },
): Promise<ManagedProduct> {
  const { umkmId, product: p } = input;
  const scope = productEditScope(a.actor, 2);
  const [business] = await tx.query(`select 1 from umkm u where u.id = $1 and ${scope.sql}`, [umkmId, ...scope.params]);
  if (!business) throw businessNotFound();
  await checkCodes(tx, p);
  const [row] = await tx.query<{ id: number }>(
    `insert into product (umkm_id, name, description, category_code, kbli_code, price, unit, stock, min_order, lead_time_days, halal, status)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft') returning id`,
    [
      umkmId,
      p.name,
      p.description,
      p.categoryCode,
      p.kbliCode,
      p.price,
      p.unit,
      p.stock,
      p.minOrder,
      p.leadTimeDays,
      p.halal,
    ],
  );
  await audit(tx, a.who, { action: 'product.create', entityType: 'product', entityId: row!.id, umkmId, after: p });
  return getManagedProduct(tx, a.actor, { productId: row!.id });
}
