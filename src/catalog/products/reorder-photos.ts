// Use case: put a product's photos in a new order (the first is the cover).
import type { Actor, AuditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { lockOwnProduct } from './queries.ts';

/**
 * Puts the photos in the given order (the first is the cover). Every photo once: a list made from a stale page is
 * refused rather than guessed at. The photos themselves do not change, so the curation stays.
 */
export async function reorderPhotos(
  tx: Tx,
  actor: Actor,
  who: AuditActor,
  productId: number,
  photoIds: number[],
): Promise<void> {
  const cur = await lockOwnProduct(tx, actor, productId);
  const current = (
    await tx.query<{ id: number }>('select id from product_photo where product_id = $1 order by position', [productId])
  ).map((r) => r.id);
  const same =
    new Set(photoIds).size === photoIds.length &&
    photoIds.length === current.length &&
    photoIds.every((id) => current.includes(id));
  if (!same)
    throw new AppError(
      400,
      'validation_failed',
      {
        id: 'Urutan foto tidak cocok dengan foto produk ini; muat ulang halaman.',
        en: 'The order does not match this product’s photos; reload the page.',
      },
      [
        {
          field: 'body.photoIds',
          code: 'photo_set_mismatch',
          message: {
            id: 'Sebutkan semua foto produk ini, masing-masing sekali.',
            en: 'List every photo of this product, each once.',
          },
        },
      ],
    );
  if (photoIds.every((id, i) => current[i] === id)) return;
  await tx.query(
    'update product_photo ph set position = o.pos - 1 from unnest($2::int8[]) with ordinality as o(id, pos) where ph.id = o.id and ph.product_id = $1',
    [productId, photoIds],
  );
  await audit(tx, who, {
    action: 'product.photo_reorder',
    entityType: 'product',
    entityId: productId,
    umkmId: cur.umkm_id,
    before: { photoIds: current },
    after: { photoIds },
  });
}
