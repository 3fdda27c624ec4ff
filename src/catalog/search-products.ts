// Use case: search the curated catalogue (public). Words → stems and corrections → one statement for the page,
// the facet counts and the total.
import type { Queryable } from '../platform/db/types.ts';
import { validationFailed } from '../platform/http/problem.ts';
import type { SearchQuery, SearchResult } from './schema.ts';
import {
  buildSearch,
  type Cursor,
  PRICE_BOUNDS,
  relevanceKey,
  SAMPLE,
  type SampleOptions,
  type Sort,
} from './search-sql.ts';
import { type ResolvedTerm, resolveTerms, splitWords, textLevels, toTsquery } from './search-terms.ts';

const badCursor = () =>
  validationFailed([
    {
      field: 'querystring.cursor',
      code: 'invalid_cursor',
      message: { id: 'Halaman lanjutan tidak valid; mulai dari awal.', en: 'Invalid page cursor; start again.' },
    },
  ]);

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.id])).toString('base64url');
}

/** A cursor is only valid for the sort it was made for, with a key of that sort's type. */
export function decodeCursor(text: string, sort: Sort): Cursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(v) || v.length !== 3 || v[0] !== sort || typeof v[1] !== 'string' || !Number.isSafeInteger(v[2]))
    throw badCursor();
  const key = v[1] as string;
  const isTime = (t: string) => !Number.isNaN(Date.parse(t.replace(' ', 'T').replace(/\+00$/, 'Z')));
  const ok =
    sort === 'relevance'
      ? /^[0-9]{1,2}\|/.test(key) && isTime(relevanceKey(key)[1])
      : sort === 'newest'
        ? isTime(key)
        : /^[0-9]{1,13}$/.test(key);
  if (!ok || key.length > 40) throw badCursor();
  return { sort, key, id: v[2] as number };
}

/**
 * Broad facets (halal, a grade, a price range) hold a sixth to nine tenths of all products: intersecting their
 * GIN lists with the words costs more than checking the rows the words leave, when those are few — at most
 * CHECK_AT_MOST, as all of them may have to be read when the broad facets reject most. A guess of how many the
 * words and the kecamatan, kota or category leave decides (vocabulary counts, rough shares: Jakarta has 44
 * kecamatan, 6 kota, 13 categories). It only picks the faster way: both find the same sample.
 */
const SHARE = { district: 1 / 44, city: 1 / 6, category: 1 / 13 };
const CHECK_AT_MOST = 10_000;

function broadInIndex(terms: ResolvedTerm[], f: SearchQuery): boolean {
  let narrow = Math.min(...terms.filter((t) => t.lexemes.length).map((t) => t.products));
  for (const k of ['district', 'city', 'category'] as const) if (f[k] !== undefined) narrow *= SHARE[k];
  return narrow > CHECK_AT_MOST;
}

interface Row {
  sampled: number;
  total: number;
  facets: { facet: string; value: string; n: number; label: string }[];
  items: {
    id: number;
    key: string;
    name: string;
    price: number;
    unit: string;
    halal: boolean;
    grade: 'A' | 'B' | 'C' | null;
    categoryCode: string;
    categoryId: string;
    categoryEn: string;
    sellerId: number;
    sellerName: string;
    districtCode: string;
    districtName: string;
    cityCode: string;
    cityName: string;
    eOrder: boolean;
    jbl: boolean;
    mall: boolean;
  }[];
}

/** `sampleOptions`: how the sample is read (tests make it small to see estimates and walks on little data). */
export async function searchProducts(
  q: Queryable,
  input: SearchQuery,
  sampleOptions: SampleOptions = {},
): Promise<SearchResult> {
  const sample = sampleOptions.size ?? SAMPLE;
  const terms = await resolveTerms(q, splitWords(input.q));
  const tsquery = toTsquery(terms);
  const sort: Sort =
    input.sort === undefined || (input.sort === 'relevance' && tsquery === null)
      ? tsquery === null
        ? 'newest'
        : 'relevance'
      : input.sort;
  const cursor = input.cursor ? decodeCursor(input.cursor, sort) : null;
  const limit = input.limit ?? 20;
  const words = tsquery === null ? null : { tsquery, levels: textLevels(terms) };
  const stmt = buildSearch(input, words, sort, cursor, limit, {
    broadInIndex: broadInIndex(terms, input),
    ...sampleOptions,
  });
  const [row] = await q.query<Row>(stmt.sql, stmt.params, { prepare: true });
  if (!row) throw new Error('search returned no row');

  const exact = row.sampled < sample;
  const scale = exact || row.sampled === 0 ? 1 : row.total / row.sampled;
  const count = (n: number) => (exact ? n : Math.max(1, Math.round(n * scale)));
  const facet = (name: string) =>
    row.facets.filter((f) => f.facet === name).map((f) => ({ value: f.value, label: f.label, count: count(f.n) }));
  const items = row.items.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((i) => ({
      id: i.id,
      name: i.name,
      price: i.price,
      unit: i.unit,
      halal: i.halal,
      grade: i.grade,
      category: { code: i.categoryCode, name: { id: i.categoryId, en: i.categoryEn } },
      seller: {
        id: i.sellerId,
        name: i.sellerName,
        district: { code: i.districtCode, name: i.districtName },
        city: { code: i.cityCode, name: i.cityName },
      },
      channels: [
        ...(i.eOrder ? ['e_order' as const] : []),
        ...(i.jbl ? ['jbl' as const] : []),
        ...(i.mall ? ['mall' as const] : []),
      ],
    })),
    nextCursor: row.items.length > limit && last ? encodeCursor({ sort, key: last.key, id: last.id }) : null,
    sort,
    total: row.total,
    counts: exact ? 'exact' : 'estimated',
    sampled: row.sampled,
    facets: {
      city: facet('city'),
      district: facet('district'),
      category: facet('category'),
      grade: facet('grade'),
      halal: facet('halal'),
      sizeClass: facet('sizeClass'),
      price: row.facets
        .filter((f) => f.facet === 'price')
        .map((f) => Number(f.value))
        .sort((a, b) => a - b)
        .map((b) => ({
          min: b === 0 ? 0 : PRICE_BOUNDS[b - 1]!,
          max: b >= PRICE_BOUNDS.length ? null : PRICE_BOUNDS[b]! - 1,
          count: count(row.facets.find((f) => f.facet === 'price' && Number(f.value) === b)!.n),
        })),
    },
    terms: terms.map((t) => ({ word: t.word, status: t.status, searchedAs: t.searchedAs })),
  };
}
