// Use case: publish (terbitkan), unpublish (tarik), archive or restore a product. Publishing keeps the halal rule
// (product-rules.ts); a second tap on the same button changes nothing.
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { type Acting, requireHalalCertificate } from './product-rules.ts';
import { lockOwnProduct, type Status } from './queries.ts';

/** draft → published (terbitkan), published → draft (tarik), draft/published → archived, archived → draft. */
const TRANSITIONS: Record<Status, Partial<Record<Status, string>>> = {
  draft: { published: 'product.publish', archived: 'product.archive' },
  published: { draft: 'product.unpublish', archived: 'product.archive' },
  archived: { draft: 'product.restore' },
};

export async function changeProductStatus(
  tx: Tx,
  a: Acting,
  input: { productId: number; status: Status },
): Promise<void> {
  const { productId, status: to } = input;
  const cur = await lockOwnProduct(tx, a.actor, productId);
  if (cur.status === to) return;
  const action = TRANSITIONS[cur.status][to];
  if (!action)
    throw new AppError(409, 'invalid_transition', {
      id: 'Produk yang diarsipkan harus dipulihkan sebagai draf dulu sebelum diterbitkan.',
      en: 'An archived product must be restored as a draft before it is published.',
    });
  if (to === 'published') {
    if (cur.is_food) await requireHalalCertificate(tx, cur.umkm_id, 'food');
    else if (cur.halal) await requireHalalCertificate(tx, cur.umkm_id, 'claim');
  }
  await tx.query('update product set status = $2, updated_at = now() where id = $1', [productId, to]);
  await audit(tx, a.who, {
    action,
    entityType: 'product',
    entityId: productId,
    umkmId: cur.umkm_id,
    before: { status: cur.status },
    after: { status: to },
  });
}
