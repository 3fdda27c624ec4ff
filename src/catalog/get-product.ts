// Use case: the public product page — a searchable product (published, curated, of an active member), its seller's
// public profile and where to buy it. Only what a shop sign shows of the seller: business name, kelurahan,
// kecamatan, kota, size class, pengampu. Never the owner, NIK, phone or street address. `inEdition`: the open or
// live Jumat Beli Lokal edition that lists it (few editions are open at once; their line-ups are read by edition).
import { type Queryable, maybeOne } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import type { z } from 'zod';
import { photoUrl } from './products/present-product.ts';
import type { ProductPage } from './schema.ts';

type Page = z.infer<typeof ProductPage>;

export async function getProduct(q: Queryable, productId: number): Promise<Page> {
  const row = await maybeOne<
    Omit<Page, 'photos'> & { channelFlags: boolean[]; photoRows: { id: number; width: number; height: number }[] }
  >(
    q,
    `select p.id, p.name, p.description,
            json_build_object('code', c.code, 'name', json_build_object('id', c.name_id, 'en', c.name_en), 'food', c.is_food) as category,
            p.price, p.unit, p.min_order as "minOrder", p.lead_time_days as "leadTimeDays", p.stock, p.halal,
            json_build_object('grade', p.curation_grade, 'curatedAt', to_char(p.curated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) as curation,
            array[p.channel_e_order, p.channel_jbl, p.channel_mall] as "channelFlags",
            coalesce((select json_agg(json_build_object('id', ph.id, 'width', ph.width, 'height', ph.height) order by ph.position)
                        from product_photo ph where ph.product_id = p.id), '[]') as "photoRows",
            json_build_object(
              'id', u.id, 'name', u.name, 'kind', u.kind, 'sizeClass', u.size_class,
              'village', json_build_object('code', v.code, 'name', v.name),
              'district', json_build_object('code', d.code, 'name', d.name),
              'city', json_build_object('code', k.code, 'name', k.name),
              'pengampu', coalesce((select json_agg(json_build_object('code', a.code, 'name', a.name) order by a.name)
                                    from fostering_link f join fostering_agency a on a.id = f.agency_id where f.umkm_id = u.id), '[]')
            ) as seller,
            (select json_build_object('editionId', e.id, 'itemId', i.id, 'host', r.name, 'status', e.status,
                      'preorderClosesAt', to_char(e.preorder_closes_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
               from jbl_edition e
               join jbl_lineup_item i on i.edition_id = e.id and i.product_id = p.id and i.removed_at is null
               join region r on r.code = e.host_region_code
              where e.status in ('open', 'live') order by e.friday limit 1) as "inEdition"
     from catalog_search s
     join product p on p.id = s.product_id
     join product_category c on c.code = p.category_code
     join umkm u on u.id = p.umkm_id
     join region v on v.code = u.village_code
     join region d on d.code = v.parent_code
     join region k on k.code = d.parent_code
     where s.product_id = $1`,
    [productId],
  );
  if (!row)
    throw new AppError(404, 'not_found', {
      id: 'Produk tidak ditemukan di katalog.',
      en: 'No such product in the catalogue.',
    });
  const { channelFlags, photoRows, ...page } = row;
  const channels = (['e_order', 'jbl', 'mall'] as const).filter((_, i) => channelFlags[i]);
  const photos = photoRows.map((ph) => ({
    ...ph,
    thumbUrl: photoUrl(ph.id, 'thumb'),
    displayUrl: photoUrl(ph.id, 'display'),
  }));
  return { ...page, channels, photos };
}
