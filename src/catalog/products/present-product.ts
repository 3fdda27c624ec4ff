// The presenter of a managed product: a row of queries.ts (presentedProduct, with its photos, halal certificate
// and ownership already read in the same query) becomes the ManagedProduct the API answers. No queries here.
import type { Actor } from '../../platform/auth/actor.ts';
import { presentProductCuration } from '../../curation/product-curation.ts';
import { allows } from '../../platform/auth/rules.ts';
import { productPolicy } from './policy.ts';
import type { PresentedRow, ProductRow } from './queries.ts';
import { type ManagedProduct, RESETS_CURATION } from './schema.ts';

export const iso = (d: Date | string) => new Date(d).toISOString();
export const category = (r: Pick<ProductRow, 'category_code' | 'category_id' | 'category_en' | 'is_food'>) => ({
  code: r.category_code,
  name: { id: r.category_id, en: r.category_en },
  food: r.is_food,
});
export const photoUrl = (photoId: number, size: 'thumb' | 'display') => `/api/catalog/photos/${photoId}?size=${size}`;
export const halalCertificate = (valid: boolean) => (valid ? ('valid' as const) : ('missing' as const));

export function presentManagedProduct(actor: Actor, r: PresentedRow): ManagedProduct {
  return {
    id: r.id,
    business: { id: r.umkm_id, name: r.umkm_name, halalCertificate: halalCertificate(r.halal_valid) },
    name: r.name,
    description: r.description,
    category: category(r),
    kbli: r.kbli_code ? { code: r.kbli_code, title: r.kbli_title ?? '' } : null,
    price: r.price,
    unit: r.unit,
    stock: r.stock,
    minOrder: r.min_order,
    leadTimeDays: r.lead_time_days,
    halal: r.halal,
    status: r.status,
    curation: presentProductCuration(r),
    listed: r.listed,
    photos: r.photos.map((p) => ({ ...p, thumbUrl: photoUrl(p.id, 'thumb'), displayUrl: photoUrl(p.id, 'display') })),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    canEdit: actor.kind === 'account' && allows(actor, productPolicy.editsProducts) && r.owned,
    lockedForReview: r.pc_under_review,
    resetsCuration: [...RESETS_CURATION],
  };
}
