// The product management's SQL: the row a use case reads or locks, and the set-based extras its presenter needs
// (photos, the business's halal certificate, whether the caller may edit), so a page is one query, not one per product.
// The curation shown (status, grade, catalogue) is derived once, by the view product_curation (src/curation/product-curation.ts).
import type { Actor } from '../../platform/auth/actor.ts';
import { PRODUCT_CURATION_COLUMNS, type ProductCurationRow } from '../../curation/product-curation.ts';
import type { Queryable, Tx } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { localDate } from '../../platform/time.ts';
import type { ManagedProduct } from './schema.ts';
import { productEditScope } from './policy.ts';

export type Status = ManagedProduct['status'];

export const productNotFound = () => notFound({ id: 'Produk tidak ditemukan.', en: 'No such product.' });
export const businessNotFound = () => notFound({ id: 'UMKM tidak ditemukan.', en: 'No such business.' });

export interface ProductRow extends ProductCurationRow {
  id: number;
  umkm_id: number;
  umkm_name: string;
  name: string;
  description: string;
  category_code: string;
  category_id: string;
  category_en: string;
  is_food: boolean;
  kbli_code: string | null;
  kbli_title: string | null;
  price: number;
  unit: string;
  stock: number;
  min_order: number;
  lead_time_days: number;
  halal: boolean;
  status: Status;
  curation_status: string; // the stored copy search reads: 'curated' while the view says curated
  created_at: Date;
  updated_at: Date;
  listed: boolean;
}

/** The product row, with `extra` columns (each starting with a comma) after the usual ones. */
const productSelect = (extra = '') => `
  select p.id, p.umkm_id, u.name as umkm_name, p.name, p.description, p.category_code, c.name_id as category_id, c.name_en as category_en,
         c.is_food, p.kbli_code, k.title as kbli_title, p.price, p.unit, p.stock, p.min_order, p.lead_time_days, p.halal, p.status,
         p.curation_status, ${PRODUCT_CURATION_COLUMNS}, p.created_at, p.updated_at,
         exists (select 1 from catalog_search s where s.product_id = p.id) as listed${extra}
    from product p
    join umkm u on u.id = p.umkm_id
    join product_category c on c.code = p.category_code
    join product_curation pc on pc.product_id = p.id
    left join kbli k on k.code = p.kbli_code`;
export const SELECT = productSelect();

/**
 * Whether the business `umkm` (a SQL expression) holds a valid halal certificate on the day `$today` (WIB):
 * the rule of hasValidHalalPermit (src/registry/permits/permits.ts), as a column of a set-based query.
 */
export const validHalalSql = (umkm: string, today: string) =>
  `exists (select 1 from permit h where h.umkm_id = ${umkm} and h.kind = 'halal' and (h.expires_on is null or h.expires_on >= ${today}::date))`;

/** Today in Jakarta, the day a halal certificate must still be valid on. */
export const halalDay = () => localDate(new Date());

export interface PhotoRow {
  id: number;
  position: number;
  width: number;
  height: number;
  bytes: number;
}

/** A product with what its presenter needs: photos, halal certificate, whether the caller may edit it. */
export interface PresentedRow extends ProductRow {
  photos: PhotoRow[];
  halal_valid: boolean;
  owned: boolean;
}

/**
 * One product within `scope` (a condition on `p` and `u`, parameters from $3), with its presenter's extras, in one
 * query: $1 is the product id, $2 the day halal certificates must be valid on.
 */
export async function presentedProduct(
  q: Queryable,
  actor: Actor,
  productId: number,
  scope: { sql: string; params: unknown[] },
) {
  const edit = productEditScope(actor, 3 + scope.params.length);
  const [row] = await q.query<PresentedRow>(
    `select s.*,
            coalesce((select json_agg(json_build_object('id', ph.id, 'position', ph.position, 'width', ph.width, 'height', ph.height, 'bytes', ph.bytes)
                                      order by ph.position)
                        from product_photo ph where ph.product_id = s.id), '[]'::json) as photos
       from (${productSelect(`, ${validHalalSql('p.umkm_id', '$2')} as halal_valid, (${edit.sql}) as owned`)}
             where p.id = $1 and ${scope.sql}) s`,
    [productId, halalDay(), ...scope.params, ...edit.params],
  );
  return row;
}

/**
 * Locks the product for a change by its owner; another business's product is "not found", like an absent one.
 * The lock orders concurrent edits of one product (an edit and a photo upload, two taps on "publish").
 */
export async function lockOwnProduct(tx: Tx, actor: Actor, productId: number): Promise<ProductRow> {
  const scope = productEditScope(actor, 2);
  const [row] = await tx.query<ProductRow>(`${SELECT} where p.id = $1 and ${scope.sql} for update of p`, [
    productId,
    ...scope.params,
  ]);
  if (!row) throw productNotFound();
  return row;
}
