// The Pejabat Pengadaan puts a product curated for e-Order in the package's cart, changes its quantity, or takes it
// out (quantity 0).
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { lockPackage, packageState } from './package-row.ts';
import { procurementPolicy } from '../policy.ts';

export async function setCartLine(
  tx: Tx,
  a: Acting,
  packageId: number,
  input: { productId: number; quantity: number },
) {
  const p = await lockPackage(tx, a.actor, packageId, procurementPolicy.placesOrders, 'pp_account_id');
  if (p.status !== 'ready') throw packageState(p.status, 'yang siap / ready');
  if (input.quantity === 0) {
    await tx.query('delete from cart_line where package_id = $1 and product_id = $2', [p.id, input.productId]);
    await cartAudit(tx, a, p.id, input.productId, 0);
    return { packageId: p.id, productId: input.productId, quantity: 0 };
  }
  const [product] = await tx.query<{ min_order: number }>(
    `select min_order from product where id = $1 and status = 'published' and channel_e_order`,
    [input.productId],
  );
  if (!product)
    throw new AppError(
      422,
      'product_not_orderable',
      {
        id: 'Produk ini tidak terkurasi untuk e-Order atau tidak tayang.',
        en: 'This product is not curated for e-Order or not published.',
      },
      [
        {
          field: 'body.productId',
          code: 'product_not_orderable',
          message: { id: 'Pilih produk terkurasi e-Order.', en: 'Choose a product curated for e-Order.' },
        },
      ],
    );
  if (input.quantity < product.min_order)
    throw new AppError(
      422,
      'product_not_orderable',
      {
        id: `Pesanan minimal ${product.min_order} untuk produk ini.`,
        en: `The minimum order for this product is ${product.min_order}.`,
      },
      [
        {
          field: 'body.quantity',
          code: 'below_min_order',
          message: { id: `Minimal ${product.min_order}.`, en: `At least ${product.min_order}.` },
        },
      ],
    );
  await tx.query(
    `insert into cart_line (package_id, product_id, quantity, added_by, added_at) values ($1, $2, $3, $4, $5)
     on conflict (package_id, product_id) do update set quantity = excluded.quantity, added_by = excluded.added_by, added_at = excluded.added_at`,
    [p.id, input.productId, input.quantity, a.actor.accountId, a.now],
  );
  await cartAudit(tx, a, p.id, input.productId, input.quantity);
  return { packageId: p.id, productId: input.productId, quantity: input.quantity };
}

const cartAudit = (tx: Tx, a: Acting, packageId: number, productId: number, quantity: number) =>
  audit(tx, a.who, {
    action: 'procurement.cart_set',
    entityType: 'cart_line',
    entityId: `${packageId}:${productId}`,
    after: { packageId, productId, quantity },
  });
