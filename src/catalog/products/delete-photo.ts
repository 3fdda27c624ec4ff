// Use case: delete one of a product's photos (its files go once the row is gone for good).
import type { Actor, AuditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/types.ts';
import { removeDocument } from '../../platform/files.ts';
import { photoNotFound } from './photos.ts';
import { refuseWhileUnderReview, resetCuration } from './product-rules.ts';
import { lockOwnProduct } from './queries.ts';

/** Deletes a photo; the ones after it move up. A curated product returns to "not curated". */
export async function deletePhoto(
  db: Db,
  actor: Actor,
  who: AuditActor,
  productId: number,
  photoId: number,
): Promise<{ curationReset: boolean }> {
  const { files, curationReset } = await db.transaction(async (tx) => {
    const cur = await lockOwnProduct(tx, actor, productId);
    refuseWhileUnderReview(cur, ['photos']);
    const [gone] = await tx.query<{ position: number; display_path: string; thumb_path: string }>(
      'delete from product_photo where id = $1 and product_id = $2 returning position, display_path, thumb_path',
      [photoId, productId],
    );
    if (!gone) throw photoNotFound();
    await tx.query('update product_photo set position = position - 1 where product_id = $1 and position > $2', [
      productId,
      gone.position,
    ]);
    const curationReset = cur.pc_curated;
    if (curationReset) await resetCuration(tx, who, productId);
    await tx.query('update product set updated_at = now() where id = $1', [productId]);
    await audit(tx, who, {
      action: 'product.photo_delete',
      entityType: 'product',
      entityId: productId,
      umkmId: cur.umkm_id,
      before: { photoId, position: gone.position },
      ...(curationReset ? { after: { curationStatus: 'none' } } : {}),
    });
    return { files: [gone.display_path, gone.thumb_path], curationReset };
  });
  // Only once the row is gone for good: a rolled-back delete keeps its files.
  for (const f of files) await removeDocument(f);
  return { curationReset };
}
