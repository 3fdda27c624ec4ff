// Use case: read one stored photo for a viewer (public when listed in the catalogue, else by productReadScope).
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { photoNotFound } from './photos.ts';
import { productReadScope } from './policy.ts';

/**
 * A stored photo for a viewer: anyone's when its product is in the public catalogue (published, curated, of an
 * active member), else only for those who may read the product (productReadScope).
 */
export async function photoForViewer(
  q: Queryable,
  actor: Actor,
  photoId: number,
  size: 'thumb' | 'display',
): Promise<{ path: string; listed: boolean }> {
  const [row] = await q.query<{ product_id: number; display_path: string; thumb_path: string; listed: boolean }>(
    `select ph.product_id, ph.display_path, ph.thumb_path, exists (select 1 from catalog_search s where s.product_id = ph.product_id) as listed
       from product_photo ph where ph.id = $1`,
    [photoId],
  );
  if (!row) throw photoNotFound();
  if (!row.listed) {
    const scope = productReadScope(actor, 2);
    const readable = await q.query(
      `select 1 from product p join umkm u on u.id = p.umkm_id where p.id = $1 and ${scope.sql}`,
      [row.product_id, ...scope.params],
    );
    if (!readable.length) throw photoNotFound();
  }
  return { path: size === 'thumb' ? row.thumb_path : row.display_path, listed: row.listed };
}
