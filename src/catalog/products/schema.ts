// Zod schemas of product management (the owner's products, drafts included) and their photos.
import { z } from 'zod';
import { bigintIdParam, int4, int8 } from '../../platform/http/input.ts';
import type { Bilingual } from '../../platform/http/problem.ts';
import { PRODUCT_CURATION_STATUSES } from '../../curation/schema.ts';

export const PRODUCT_STATUSES = ['draft', 'published', 'archived'] as const;
/** What a change of which returns a curated product to "not curated" (see product-rules.ts). */
export const RESETS_CURATION = ['name', 'description', 'categoryCode', 'halal', 'photos'] as const;
export type CurationSensitive = (typeof RESETS_CURATION)[number];

const Bi = z.object({ id: z.string(), en: z.string() });
const id = bigintIdParam();

const name = z.string().trim().min(2).max(200);
const description = z.string().trim().max(5000);
const categoryCode = z.string().regex(/^[a-z0-9-]{1,60}$/);
const kbliCode = z
  .string()
  .regex(/^\d{5}$/)
  .nullable()
  .describe('KBLI 2020 subclass; null: none');
const price = int8(1).max(1_000_000_000_000).describe('whole rupiah');
const unit = z.string().trim().min(1).max(30).describe('pcs, kg, box, porsi, …');
const stock = int4(0, 1_000_000_000);
const minOrder = int4(1, 1_000_000);
const leadTimeDays = int4(0, 365).describe('days from order to ready');
const halal = z.boolean();

export const NewProduct = z.strictObject({
  name,
  description: description.default(''),
  categoryCode,
  kbliCode: kbliCode.default(null),
  price,
  unit,
  stock: stock.default(0),
  minOrder: minOrder.default(1),
  leadTimeDays: leadTimeDays.default(1),
  halal: halal.default(false),
});
export type NewProduct = z.infer<typeof NewProduct>;

export const ProductPatch = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  categoryCode: categoryCode.optional(),
  kbliCode: kbliCode.optional(),
  price: price.optional(),
  unit: unit.optional(),
  stock: stock.optional(),
  minOrder: minOrder.optional(),
  leadTimeDays: leadTimeDays.optional(),
  halal: halal.optional(),
});
export type ProductPatch = z.infer<typeof ProductPatch>;

export const StatusChange = z.strictObject({
  status: z.enum(PRODUCT_STATUSES).describe('published = terbitkan, draft = tarik kembali, archived = arsipkan'),
});
export const PhotoOrder = z.strictObject({
  photoIds: z.array(id).min(1).max(6).describe('every photo of the product, cover first'),
});

export const UmkmParams = z.strictObject({ umkmId: id });
export const ProductParams = z.strictObject({ productId: id });
export const PhotoParams = z.strictObject({ productId: id, photoId: id });
export const ListQuery = z.strictObject({
  status: z.enum(PRODUCT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z
    .string()
    .regex(/^\d{1,16}$/)
    .optional()
    .describe('nextCursor of the previous page'),
});

export const PhotoOut = z.object({
  id: z.number().int(),
  position: z.number().int(),
  thumbUrl: z.string(),
  displayUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});

const Category = z.object({ code: z.string(), name: Bi, food: z.boolean() });
/** The product's curation, derived once (src/curation/product-curation.ts, view product_curation). */
const Curation = z.object({
  status: z
    .enum(PRODUCT_CURATION_STATUSES)
    .describe("the latest submission's state; revoked: that pass's certificate was revoked"),
  label: Bi.describe('the same words as the curation pages'),
  curated: z.boolean().describe('holds a valid certificate (valid until revoked): in the catalogue once published'),
  grade: z.enum(['A', 'B', 'C']).nullable().describe('of the valid certificates'),
  curatedAt: z.string().nullable(),
  submissionId: z.number().int().nullable().describe('the latest submission (/kurasi/pengajuan/:id)'),
});

export const ManagedProduct = z.object({
  id: z.number().int(),
  business: z.object({
    id: z.number().int(),
    name: z.string(),
    halalCertificate: z.enum(['valid', 'missing']).describe('missing: none, or expired (WIB)'),
  }),
  name: z.string(),
  description: z.string(),
  category: Category,
  kbli: z.object({ code: z.string(), title: z.string() }).nullable(),
  price: z.number().int(),
  unit: z.string(),
  stock: z.number().int(),
  minOrder: z.number().int(),
  leadTimeDays: z.number().int(),
  halal: z.boolean(),
  status: z.enum(PRODUCT_STATUSES),
  curation: Curation,
  listed: z.boolean().describe('in the public catalogue now: published, curated, of an active member'),
  photos: z.array(PhotoOut),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  /** Under review (submitted, verified, validated): what the officers review may not change under them. */
  lockedForReview: z.boolean(),
  resetsCuration: z.array(z.enum(RESETS_CURATION)).describe('changes that return a curated product to "not curated"'),
});
export type ManagedProduct = z.infer<typeof ManagedProduct>;

export const ProductSaved = ManagedProduct.extend({
  curationReset: z.boolean().describe('this change returned the product to "not curated"'),
});

export const ProductListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  category: Category,
  price: z.number().int(),
  unit: z.string(),
  stock: z.number().int(),
  halal: z.boolean(),
  status: z.enum(PRODUCT_STATUSES),
  curation: Curation,
  listed: z.boolean(),
  cover: z.object({ thumbUrl: z.string() }).nullable(),
  photoCount: z.number().int(),
  updatedAt: z.string(),
});

export const ProductList = z.object({
  business: z.object({ id: z.number().int(), name: z.string(), halalCertificate: z.enum(['valid', 'missing']) }),
  items: z.array(ProductListItem),
  nextCursor: z.string().nullable(),
  canEdit: z.boolean(),
});

export const MyBusinesses = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      halalCertificate: z.enum(['valid', 'missing']),
      products: z.object({ draft: z.number().int(), published: z.number().int(), archived: z.number().int() }),
    }),
  ),
});

export const Categories = z.object({ items: z.array(Category) });

// The answers' types, for the web app's pages (type-only imports).
export type ProductSaved = z.infer<typeof ProductSaved>;
export type ProductList = z.infer<typeof ProductList>;
export type ProductListItem = z.infer<typeof ProductListItem>;
export type MyBusinesses = z.infer<typeof MyBusinesses>;
export type Categories = z.infer<typeof Categories>;
export type PhotoOut = z.infer<typeof PhotoOut>;

/**
 * What each field of the product form accepts, in words an owner understands; a validation failure on a field
 * carries this sentence rather than the generic one (routes.ts).
 */
export const FIELD_RULES: Record<string, Bilingual> = {
  name: { id: 'Nama produk wajib diisi, 2–200 karakter.', en: 'Product name is required, 2–200 characters.' },
  description: { id: 'Deskripsi paling banyak 5.000 karakter.', en: 'Description: at most 5,000 characters.' },
  categoryCode: { id: 'Pilih kategori produk.', en: 'Choose a product category.' },
  kbliCode: { id: 'KBLI terdiri dari 5 angka, atau kosongkan.', en: 'A KBLI code is 5 digits, or leave it empty.' },
  price: { id: 'Harga dalam rupiah bulat, paling sedikit Rp 1.', en: 'Price in whole rupiah, at least Rp 1.' },
  unit: {
    id: 'Satuan wajib diisi, misalnya pcs, kg, box (paling banyak 30 karakter).',
    en: 'Unit is required, e.g. pcs, kg, box (at most 30 characters).',
  },
  stock: { id: 'Stok berupa bilangan bulat, 0 atau lebih.', en: 'Stock is a whole number, 0 or more.' },
  minOrder: {
    id: 'Minimal pembelian berupa bilangan bulat, 1 atau lebih.',
    en: 'Minimum order is a whole number, 1 or more.',
  },
  leadTimeDays: { id: 'Waktu siap dalam hari, 0–365.', en: 'Lead time in days, 0–365.' },
  halal: { id: 'Pilih ya atau tidak.', en: 'Choose yes or no.' },
  status: { id: 'Pilih status: published, draft atau archived.', en: 'Choose a status: published, draft or archived.' },
  photoIds: {
    id: 'Sebutkan semua foto produk ini, masing-masing sekali.',
    en: 'List every photo of this product, each once.',
  },
};

// Types the web app reads (it imports server types only from a context's schema.ts).
export type { productPolicy } from './policy.ts';
