// The edition's shelf as the storefront shows it: every product still in the line-up with what can be bought now,
// its category, seller and photo, and why it is there; the categories with counts; the host kota's kecamatan hubs.
// Search within the edition matches product or seller names (case- and accent-insensitive enough for names).
import type { Actor } from '../../platform/auth/actor.ts';
import { allows } from '../../platform/auth/rules.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { photoUrl } from '../../catalog/products/present-product.ts';
import { jblPolicy } from '../policy.ts';
import type { Shelf, ShelfItem, ShelfQuery } from './schema.ts';
import { sellingAt, type SellingEdition } from './selling.ts';

type ItemRow = Omit<ShelfItem, 'photoUrl' | 'soldOut'> & { photoId: number | null };

export async function readShelf(
  db: Queryable,
  actor: Actor,
  editionId: number,
  q: ShelfQuery,
  now: Date,
): Promise<Shelf> {
  const [e] = await db.query<SellingEdition & { host_region_code: string }>(
    `select status, preorder_opens_at, preorder_closes_at, host_region_code from jbl_edition
      where id = $1 and (status <> 'planned' or $2)`,
    [editionId, allows(actor, jblPolicy.seesPlannedEditions)],
  );
  if (!e) throw notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });
  const search = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db.query<ItemRow>(
    `select i.id, p.id as "productId", p.name, p.description, p.unit, i.price::int8 as price, i.stock as available,
            json_build_object('code', c.code, 'name', json_build_object('id', c.name_id, 'en', c.name_en)) as category,
            json_build_object('id', u.id, 'name', u.name, 'kecamatan', d.name) as seller,
            json_build_object('id', i.reason_id, 'en', i.reason_en) as reason,
            (select ph.id from product_photo ph where ph.product_id = p.id order by ph.position limit 1) as "photoId"
       from jbl_lineup_item i
       join product p on p.id = i.product_id
       join product_category c on c.code = i.category_code
       join umkm u on u.id = i.umkm_id
       join region d on d.code = i.kecamatan_code
      where i.edition_id = $1 and i.removed_at is null
        and ($2::text is null or i.category_code = $2)
        and ($3::text is null or p.name ilike $3 or u.name ilike $3)
      order by (i.stock = 0), c.name_id, p.name, i.id`,
    [editionId, q.category ?? null, search],
  );
  const categories = await db.query<Shelf['categories'][number]>(
    `select c.code, json_build_object('id', c.name_id, 'en', c.name_en) as name, count(*)::int as count
       from jbl_lineup_item i join product_category c on c.code = i.category_code
      where i.edition_id = $1 and i.removed_at is null group by c.code order by c.name_id`,
    [editionId],
  );
  const hubs = await db.query<{ code: string; name: string }>(
    `select code, name from region where parent_code = $1 and level = 'district' order by name`,
    [e.host_region_code],
  );
  return {
    editionId,
    selling: sellingAt(e, now),
    categories,
    hubs,
    items: rows.map(({ photoId, ...r }) => ({
      ...r,
      id: Number(r.id),
      productId: Number(r.productId),
      price: Number(r.price),
      soldOut: r.available === 0,
      photoUrl: photoId ? photoUrl(Number(photoId), 'thumb') : null,
    })),
  };
}
