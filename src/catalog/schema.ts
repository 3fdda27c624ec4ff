// Zod schemas of the catalogue's public search and product page (requests and responses).
import { z } from 'zod';
import { bigintIdParam, int8Param } from '../platform/http/input.ts';

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export const CHANNELS = ['e_order', 'jbl', 'mall'] as const;
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;

const regionCode = z.string().regex(/^[0-9]{2,13}$/);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const SearchQuery = z.strictObject({
  q: z.string().max(200).optional(),
  city: regionCode.optional().describe('kota/kabupaten code'),
  district: regionCode.optional().describe('kecamatan code'),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  grade: z.enum(['A', 'B', 'C']).optional(),
  halal: bool.optional(),
  sizeClass: z.enum(SIZE_CLASSES).optional(),
  priceMin: int8Param(0, 1e12).optional(),
  priceMax: int8Param(0, 1e12).optional(),
  channel: z.enum(CHANNELS).optional(),
  sort: z.enum(SORTS).optional().describe('default: relevance with words, newest without'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(400).optional().describe('nextCursor of the previous page, with the same query'),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

const Labelled = z.object({ code: z.string(), name: z.string() });

export const SearchItem = z.object({
  id: z.number().int(),
  name: z.string(),
  price: z.number().int(),
  unit: z.string(),
  halal: z.boolean(),
  grade: z.enum(['A', 'B', 'C']).nullable(),
  category: z.object({ code: z.string(), name: z.object({ id: z.string(), en: z.string() }) }),
  seller: z.object({ id: z.number().int(), name: z.string(), district: Labelled, city: Labelled }),
  channels: z.array(z.enum(CHANNELS)),
});

const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const SearchResult = z.object({
  items: z.array(SearchItem),
  nextCursor: z.string().nullable(),
  sort: z.enum(SORTS),
  total: z.number().int().describe('matching products; an estimate when counts is "estimated"'),
  counts: z.enum(['exact', 'estimated']),
  sampled: z.number().int().describe('matches the facet counts (and relevance ranking) were computed over'),
  facets: z.object({
    city: z.array(FacetValue),
    district: z.array(FacetValue),
    category: z.array(FacetValue),
    grade: z.array(FacetValue),
    halal: z.array(FacetValue),
    sizeClass: z.array(FacetValue),
    price: z.array(z.object({ min: z.number().int(), max: z.number().int().nullable(), count: z.number().int() })),
  }),
  terms: z.array(
    z.object({
      word: z.string(),
      status: z.enum(['known', 'rare', 'corrected', 'unknown', 'ignored']),
      searchedAs: z.array(z.string()).describe('the words searched for it (corrections for a misspelling)'),
    }),
  ),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const ProductParams = z.strictObject({ productId: bigintIdParam() });

export const ProductPage = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  category: z.object({ code: z.string(), name: z.object({ id: z.string(), en: z.string() }), food: z.boolean() }),
  price: z.number().int(),
  unit: z.string(),
  minOrder: z.number().int(),
  leadTimeDays: z.number().int(),
  stock: z.number().int(),
  halal: z.boolean(),
  curation: z.object({ grade: z.enum(['A', 'B', 'C']).nullable(), curatedAt: z.string() }),
  channels: z
    .array(z.enum(CHANNELS))
    .describe('where to buy it: e-Order (government buyers), Jumat Beli Lokal, UMKM Goes To Mall'),
  inEdition: z
    .object({
      editionId: z.number().int(),
      itemId: z.number().int(),
      host: z.string(),
      status: z.enum(['open', 'live']),
      preorderClosesAt: z.string(),
    })
    .nullable()
    .describe('the open or live Jumat Beli Lokal edition selling it (its storefront: /jumat-beli-lokal/<editionId>)'),
  photos: z
    .array(
      z.object({
        id: z.number().int(),
        thumbUrl: z.string(),
        displayUrl: z.string(),
        width: z.number().int(),
        height: z.number().int(),
      }),
    )
    .describe('cover first; WebP, thumbnail ≤ 320 px, display ≤ 1200 px (width/height are the display size)'),
  seller: z.object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(['jakpreneur', 'non_jakpreneur', 'cooperative']),
    sizeClass: z.enum(SIZE_CLASSES).nullable(),
    village: Labelled,
    district: Labelled,
    city: Labelled,
    pengampu: z.array(Labelled),
  }),
});
