// Use case: a business's products, newest first, in keyset pages (all statuses unless one is asked for), within
// the caller's scope. Two queries a page, whatever its length: the business (with its halal certificate and
// whether the caller may edit), then the rows with their photo count and cover.
import type { Actor } from '../../platform/auth/actor.ts';
import { presentProductCuration } from '../../curation/product-curation.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { businessProductsScope, productEditScope } from './policy.ts';
import { category, halalCertificate, iso, photoUrl } from './present-product.ts';
import { businessNotFound, halalDay, type ProductRow, SELECT, type Status, validHalalSql } from './queries.ts';

export interface ListProductsInput {
  umkmId: number;
  status?: Status;
  limit: number;
  cursor?: string;
}

export async function listProducts(q: Queryable, actor: Actor, input: ListProductsInput) {
  const scope = businessProductsScope(actor, 3);
  const edit = productEditScope(actor, 3 + scope.params.length);
  const [business] = await q.query<{ id: number; name: string; halal_valid: boolean; can_edit: boolean }>(
    `select u.id, u.name, ${validHalalSql('u.id', '$2')} as halal_valid, (${edit.sql}) as can_edit
       from umkm u where u.id = $1 and ${scope.sql}`,
    [input.umkmId, halalDay(), ...scope.params, ...edit.params],
  );
  if (!business) throw businessNotFound();
  const rows = await q.query<ProductRow & { photo_count: number; cover_id: number | null }>(
    `select s.*, (select count(*) from product_photo ph where ph.product_id = s.id)::int4 as photo_count,
            (select ph.id from product_photo ph where ph.product_id = s.id order by ph.position limit 1) as cover_id
       from (${SELECT} where p.umkm_id = $1 and ($2::text is null or p.status = $2) and ($3::int8 is null or p.id < $3)
             order by p.id desc limit $4) s
      order by s.id desc`,
    [input.umkmId, input.status ?? null, input.cursor ?? null, input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  return {
    business: { id: business.id, name: business.name, halalCertificate: halalCertificate(business.halal_valid) },
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      category: category(r),
      price: r.price,
      unit: r.unit,
      stock: r.stock,
      halal: r.halal,
      status: r.status,
      curation: presentProductCuration(r),
      listed: r.listed,
      cover: r.cover_id ? { thumbUrl: photoUrl(r.cover_id, 'thumb') } : null,
      photoCount: r.photo_count,
      updatedAt: iso(r.updated_at),
    })),
    nextCursor: rows.length > input.limit ? String(page[page.length - 1]!.id) : null,
    canEdit: business.can_edit,
  };
}
