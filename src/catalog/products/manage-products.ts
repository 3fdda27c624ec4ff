// Use cases: an owner's products — list, read, create (draft), edit, publish / unpublish / archive.
//
// Curation and edits (what a kurator and a buyer expect). A curated product carries a kurator's judgement of
// what it is and how it looks: its name, description, category, halal claim and photos. Changing any of those
// makes it a product nobody has judged, so it returns to "not curated" (curation_status 'none', grade, date and
// channels cleared; it leaves the public catalogue until curated again) — the web form warns before saving.
// Commercial terms change weekly and were never judged: price, unit, stock, minimum order, lead time and KBLI
// keep the curation. While a product is under review (a submission waits for an officer) the judged fields cannot
// change at all, so the officers never pass something other than what they looked at. A rejected product keeps
// its status (and the kurator's notes) while the owner improves it for resubmission.
// The curation shown (status, grade, catalogue) is derived once, by the view product_curation (src/curation/product-curation.ts).
import { type Actor, type AuditActor } from '../../platform/auth/actor.ts';
import { revokeForChangedProduct } from '../../curation/certificates.ts';
import { PRODUCT_CURATION_COLUMNS, type ProductCurationRow, presentProductCuration } from '../../curation/product-curation.ts';
import { allows } from '../../platform/auth/rules.ts';
import { audit } from '../../platform/audit.ts';
import type { Queryable, Tx } from '../../platform/db/types.ts';
import { AppError, type FieldError, notFound } from '../../platform/http/problem.ts';
import { hasValidHalalPermit } from '../../registry/permits/permits.ts';
import { businessProductsScope, productEditScope, productPolicy, productReadScope } from './policy.ts';
import { type CurationSensitive, type ManagedProduct, type NewProduct, type ProductPatch, RESETS_CURATION } from './schema.ts';

type Status = ManagedProduct['status'];

export const productNotFound = () => notFound({ id: 'Produk tidak ditemukan.', en: 'No such product.' });
const businessNotFound = () => notFound({ id: 'UMKM tidak ditemukan.', en: 'No such business.' });

interface ProductRow extends ProductCurationRow {
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

const SELECT = `
  select p.id, p.umkm_id, u.name as umkm_name, p.name, p.description, p.category_code, c.name_id as category_id, c.name_en as category_en,
         c.is_food, p.kbli_code, k.title as kbli_title, p.price, p.unit, p.stock, p.min_order, p.lead_time_days, p.halal, p.status,
         p.curation_status, ${PRODUCT_CURATION_COLUMNS}, p.created_at, p.updated_at,
         exists (select 1 from catalog_search s where s.product_id = p.id) as listed
    from product p
    join umkm u on u.id = p.umkm_id
    join product_category c on c.code = p.category_code
    join product_curation pc on pc.product_id = p.id
    left join kbli k on k.code = p.kbli_code`;

const iso = (d: Date | string) => new Date(d).toISOString();
const category = (r: Pick<ProductRow, 'category_code' | 'category_id' | 'category_en' | 'is_food'>) => ({ code: r.category_code, name: { id: r.category_id, en: r.category_en }, food: r.is_food });
export const photoUrl = (photoId: number, size: 'thumb' | 'display') => `/api/catalog/photos/${photoId}?size=${size}`;

async function photosOf(q: Queryable, productId: number) {
  const rows = await q.query<{ id: number; position: number; width: number; height: number; bytes: number }>(
    'select id, position, width, height, bytes from product_photo where product_id = $1 order by position',
    [productId],
  );
  return rows.map((r) => ({ ...r, thumbUrl: photoUrl(r.id, 'thumb'), displayUrl: photoUrl(r.id, 'display') }));
}

async function present(q: Queryable, actor: Actor, r: ProductRow): Promise<ManagedProduct> {
  return {
    id: r.id,
    business: { id: r.umkm_id, name: r.umkm_name, halalCertificate: (await hasValidHalalPermit(q, r.umkm_id)) ? 'valid' : 'missing' },
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
    photos: await photosOf(q, r.id),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    canEdit: actor.kind === 'account' && allows(actor, productPolicy.editsProducts) && (await ownsProduct(q, actor, r.id)),
    lockedForReview: r.pc_under_review,
    resetsCuration: [...RESETS_CURATION],
  };
}

async function ownsProduct(q: Queryable, actor: Actor, productId: number): Promise<boolean> {
  const scope = productEditScope(actor, 2);
  return (await q.query(`select 1 from product p join umkm u on u.id = p.umkm_id where p.id = $1 and ${scope.sql}`, [productId, ...scope.params])).length > 0;
}

/** One product, drafts included, when the caller may read its business's products. */
export async function getManagedProduct(q: Queryable, actor: Actor, productId: number): Promise<ManagedProduct> {
  const scope = productReadScope(actor, 2);
  const [row] = await q.query<ProductRow>(`${SELECT} where p.id = $1 and ${scope.sql}`, [productId, ...scope.params]);
  if (!row) throw productNotFound();
  return present(q, actor, row);
}

/**
 * Locks the product for a change by its owner; another business's product is "not found", like an absent one.
 * The lock orders concurrent edits of one product (an edit and a photo upload, two taps on "publish").
 */
export async function lockOwnProduct(tx: Tx, actor: Actor, productId: number): Promise<ProductRow> {
  const scope = productEditScope(actor, 2);
  const [row] = await tx.query<ProductRow>(`${SELECT} where p.id = $1 and ${scope.sql} for update of p`, [productId, ...scope.params]);
  if (!row) throw productNotFound();
  return row;
}

/** The business's products, newest first, in keyset pages (all statuses unless one is asked for). */
export async function listProducts(q: Queryable, actor: Actor, umkmId: number, opts: { status?: Status; limit: number; cursor?: string }) {
  const scope = businessProductsScope(actor, 2);
  const [business] = await q.query<{ id: number; name: string }>(`select u.id, u.name from umkm u where u.id = $1 and ${scope.sql}`, [umkmId, ...scope.params]);
  if (!business) throw businessNotFound();
  const rows = await q.query<ProductRow & { photo_count: number; cover_id: number | null }>(
    `select s.*, (select count(*) from product_photo ph where ph.product_id = s.id)::int4 as photo_count,
            (select ph.id from product_photo ph where ph.product_id = s.id order by ph.position limit 1) as cover_id
       from (${SELECT} where p.umkm_id = $1 and ($2::text is null or p.status = $2) and ($3::int8 is null or p.id < $3)
             order by p.id desc limit $4) s
      order by s.id desc`,
    [umkmId, opts.status ?? null, opts.cursor ?? null, opts.limit + 1],
  );
  const page = rows.slice(0, opts.limit);
  const edit = productEditScope(actor, 2);
  return {
    business: { id: business.id, name: business.name, halalCertificate: (await hasValidHalalPermit(q, umkmId)) ? ('valid' as const) : ('missing' as const) },
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
    nextCursor: rows.length > opts.limit ? String(page[page.length - 1]!.id) : null,
    canEdit: (await q.query(`select 1 from umkm u where u.id = $1 and ${edit.sql}`, [umkmId, ...edit.params])).length > 0,
  };
}

/** The caller's own businesses, with their product counts and halal certificate: the owner's product pages' start. */
export async function myBusinesses(q: Queryable, actor: Actor) {
  const scope = productEditScope(actor, 1);
  const rows = await q.query<{ id: number; name: string; draft: number; published: number; archived: number }>(
    `select u.id, u.name,
            count(p.id) filter (where p.status = 'draft')::int4 as draft,
            count(p.id) filter (where p.status = 'published')::int4 as published,
            count(p.id) filter (where p.status = 'archived')::int4 as archived
       from umkm u left join product p on p.umkm_id = u.id
      where ${scope.sql} group by u.id order by u.id`,
    scope.params,
  );
  const items = [];
  for (const r of rows)
    items.push({ id: r.id, name: r.name, halalCertificate: (await hasValidHalalPermit(q, r.id)) ? ('valid' as const) : ('missing' as const), products: { draft: r.draft, published: r.published, archived: r.archived } });
  return { items };
}

const invalid = (fields: FieldError[]) => new AppError(400, 'validation_failed', { id: 'Isian tidak valid.', en: 'The request is invalid.' }, fields);

/** Category and KBLI must be known codes: a field error, never a foreign-key 500. */
async function checkCodes(q: Queryable, p: { categoryCode?: string; kbliCode?: string | null }): Promise<{ food: boolean } | undefined> {
  const errors: FieldError[] = [];
  let food: boolean | undefined;
  if (p.categoryCode !== undefined) {
    const [c] = await q.query<{ is_food: boolean }>('select is_food from product_category where code = $1', [p.categoryCode]);
    if (!c) errors.push({ field: 'body.categoryCode', code: 'unknown_category', message: { id: 'Kategori ini tidak ada; pilih dari daftar.', en: 'No such category; choose one from the list.' } });
    food = c?.is_food;
  }
  if (p.kbliCode) {
    const [k] = await q.query(`select 1 from kbli where code = $1 and level = 'subclass'`, [p.kbliCode]);
    if (!k) errors.push({ field: 'body.kbliCode', code: 'unknown_kbli', message: { id: `KBLI ${p.kbliCode} tidak dikenal.`, en: `Unknown KBLI ${p.kbliCode}.` } });
  }
  if (errors.length) throw invalid(errors);
  return food === undefined ? undefined : { food };
}

/**
 * The halal rule (halal certification is mandatory for food and drink since 17 Oct 2024): a product of a food
 * category — or one that claims to be halal — is in the catalogue only while its business holds a valid halal
 * certificate (permits module, WIB). Checked when it is published, and when a published one moves into a food
 * category or starts claiming halal.
 */
async function requireHalalCertificate(q: Queryable, umkmId: number, why: 'food' | 'claim', field?: string): Promise<void> {
  if (await hasValidHalalPermit(q, umkmId)) return;
  const what = why === 'food' ? { id: 'Produk makanan dan minuman', en: 'Food and drink products' } : { id: 'Produk berlabel halal', en: 'Products labelled halal' };
  const where = `/anggota/${umkmId}/izin`;
  throw new AppError(
    409,
    'halal_certificate_required',
    {
      id: `${what.id} hanya dapat diterbitkan bila usaha memiliki sertifikat halal yang masih berlaku; sertifikat usaha ini belum ada atau sudah kedaluwarsa. Tambahkan sertifikat halal di halaman Izin usaha (${where}), lalu terbitkan lagi.`,
      en: `${what.en} can only be published while the business holds a valid halal certificate; this business has none, or it has expired. Add the halal certificate on the Permits page (${where}), then publish again.`,
    },
    field ? [{ field, code: 'halal_certificate_required', message: { id: 'Perlu sertifikat halal yang masih berlaku.', en: 'Needs a valid halal certificate.' } }] : [],
  );
}

/** Creates a draft product of one of the caller's businesses. */
export async function createProduct(tx: Tx, actor: Actor, who: AuditActor, umkmId: number, p: NewProduct): Promise<ManagedProduct> {
  const scope = productEditScope(actor, 2);
  const [business] = await tx.query(`select 1 from umkm u where u.id = $1 and ${scope.sql}`, [umkmId, ...scope.params]);
  if (!business) throw businessNotFound();
  await checkCodes(tx, p);
  const [row] = await tx.query<{ id: number }>(
    `insert into product (umkm_id, name, description, category_code, kbli_code, price, unit, stock, min_order, lead_time_days, halal, status)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft') returning id`,
    [umkmId, p.name, p.description, p.categoryCode, p.kbliCode, p.price, p.unit, p.stock, p.minOrder, p.leadTimeDays, p.halal],
  );
  await audit(tx, who, { action: 'product.create', entityType: 'product', entityId: row!.id, umkmId, after: p });
  return getManagedProduct(tx, actor, row!.id);
}

const COLUMNS: [keyof ProductPatch, keyof ProductRow][] = [
  ['name', 'name'],
  ['description', 'description'],
  ['categoryCode', 'category_code'],
  ['kbliCode', 'kbli_code'],
  ['price', 'price'],
  ['unit', 'unit'],
  ['stock', 'stock'],
  ['minOrder', 'min_order'],
  ['leadTimeDays', 'lead_time_days'],
  ['halal', 'halal'],
];

/** Refuses a change of what the officers are reviewing (see the note at the top). */
export function refuseWhileUnderReview(cur: Pick<ProductRow, 'pc_under_review'>, fields: CurationSensitive[]) {
  if (!cur.pc_under_review || fields.length === 0) return;
  throw new AppError(
    409,
    'product_in_curation',
    {
      id: 'Produk ini sedang dikurasi: nama, deskripsi, kategori, label halal dan foto tidak dapat diubah sampai hasil kurasi keluar. Harga, stok dan waktu siap tetap dapat diubah.',
      en: 'This product is being curated: its name, description, category, halal label and photos cannot change until the result is out. Price, stock and lead time can still change.',
    },
    fields.map((f) => ({ field: f === 'photos' ? 'body.photo' : `body.${f}`, code: 'in_curation', message: { id: 'Terkunci selama kurasi.', en: 'Locked during curation.' } })),
  );
}

/**
 * Clears a curated product's curation (it leaves the public catalogue through the search trigger) and revokes its
 * certificates, so the QR of a product that changed no longer says "valid".
 */
export async function resetCuration(tx: Tx, who: AuditActor, productId: number): Promise<void> {
  await revokeForChangedProduct(tx, who, productId);
  await tx.query(
    `update product set curation_status = 'none', curation_grade = null, curated_at = null,
            channel_e_order = false, channel_jbl = false, channel_mall = false where id = $1`,
    [productId],
  );
}

/** Edits a product; returns whether the edit returned it to "not curated". */
export async function updateProduct(tx: Tx, actor: Actor, who: AuditActor, productId: number, patch: ProductPatch): Promise<{ curationReset: boolean }> {
  const cur = await lockOwnProduct(tx, actor, productId);
  const codes = await checkCodes(tx, { categoryCode: patch.categoryCode !== cur.category_code ? patch.categoryCode : undefined, kbliCode: patch.kbliCode !== cur.kbli_code ? patch.kbliCode : undefined });
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, col] of COLUMNS) {
    if (patch[key] === undefined || patch[key] === cur[col]) continue;
    before[key] = cur[col];
    after[key] = patch[key];
  }
  if (Object.keys(after).length === 0) return { curationReset: false };
  const judged = RESETS_CURATION.filter((f) => f in after);
  refuseWhileUnderReview(cur, judged);
  if (cur.status === 'published') {
    if (codes?.food) await requireHalalCertificate(tx, cur.umkm_id, 'food', 'body.categoryCode');
    if (after.halal === true) await requireHalalCertificate(tx, cur.umkm_id, 'claim', 'body.halal');
  }
  const sets = COLUMNS.filter(([key]) => key in after);
  await tx.query(
    `update product set ${sets.map(([, col], i) => `${col} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`,
    [productId, ...sets.map(([key]) => after[key])],
  );
  const curationReset = cur.pc_curated && judged.length > 0;
  if (curationReset) await resetCuration(tx, who, productId);
  await audit(tx, who, { action: 'product.update', entityType: 'product', entityId: productId, umkmId: cur.umkm_id, before, after: { ...after, ...(curationReset ? { curationStatus: 'none' } : {}) } });
  return { curationReset };
}

/** draft → published (terbitkan), published → draft (tarik), draft/published → archived, archived → draft. */
const TRANSITIONS: Record<Status, Partial<Record<Status, string>>> = {
  draft: { published: 'product.publish', archived: 'product.archive' },
  published: { draft: 'product.unpublish', archived: 'product.archive' },
  archived: { draft: 'product.restore' },
};

export async function changeStatus(tx: Tx, actor: Actor, who: AuditActor, productId: number, to: Status): Promise<void> {
  const cur = await lockOwnProduct(tx, actor, productId);
  if (cur.status === to) return; // a second tap on the same button changes nothing
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
  await audit(tx, who, { action, entityType: 'product', entityId: productId, umkmId: cur.umkm_id, before: { status: cur.status }, after: { status: to } });
}
