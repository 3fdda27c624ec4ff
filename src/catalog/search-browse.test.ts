// Catalogue search by facets alone (no words): newest first, every product once on every sort, and the same
// sample whichever way it is read.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addProducts, cat, search, setUpCatalog, tag } from '../../test/support/catalog.ts';
import { makeUmkm } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';
import { SearchQuery, type SearchResult } from './schema.ts';
import { searchProducts } from './search-products.ts';

let db: Db;
let village: typeof cat.village;

beforeAll(async () => {
  await setUpCatalog();
  ({ db, village } = cat);
});

describe('browsing the catalogue by facets', () => {
  it('browses by facets alone, newest first', async () => {
    const t = tag();
    const seller = await makeUmkm(db, village.code);
    const [older, newer] = await addProducts(seller.umkmId, [
      { name: `Batik Tulis ${t}`, category: 'batik-kain', curatedAt: '2024-01-01T00:00:00Z' },
      { name: `Batik Cap ${t}`, category: 'batik-kain', curatedAt: '2099-01-01T00:00:00Z' },
    ]);
    const r = await search({ district: village.district, category: 'batik-kain', limit: 50 });
    expect(r.sort).toBe('newest');
    expect(r.items[0]!.id).toBe(newer);
    expect(r.items.map((i) => i.id)).toContain(older);
    expect(r.facets.category.map((c) => c.value)).toEqual(['batik-kain']);
  });

  it('browses by facets alone through every product once, in order, for every sort, also walking the indexes', async () => {
    // A small sample (3) makes the statement walk the sort's index as at jakarta scale: led by the kecamatan
    // (newest) or the category (price), or along the whole index. An odd price range keeps other tests' rows out.
    const seller = await makeUmkm(db, village.code);
    const base = 200_000 + crypto.randomInt(0, 700_000) * 1000 + 1;
    const prices = Array.from({ length: 30 }, (_, i) => base + (i % 7) * 10);
    const ids = await addProducts(
      seller.umkmId,
      prices.map((price, i) => ({
        name: `Anyaman ${tag()}`,
        category: 'kerajinan',
        grade: null,
        price,
        curatedAt: `2025-0${1 + (i % 5)}-1${i % 3}T00:00:00Z`,
      })),
    );
    const curatedAt = new Map(
      (
        await db.query<{ id: number; t: string }>(
          'select id, curated_at::text as t from product where id = any($1::int8[])',
          [ids],
        )
      ).map((r) => [r.id, r.t]),
    );
    const range = { priceMin: base, priceMax: base + 60 };
    const browses = [
      { sort: 'newest', district: village.district, ...range },
      { sort: 'newest', city: village.city, ...range },
      { sort: 'price_asc', category: 'kerajinan', ...range },
      { sort: 'price_asc', halal: 'true', ...range },
      { sort: 'price_desc', category: 'kerajinan', district: village.district, ...range },
      { sort: 'price_desc', city: village.city, ...range },
    ] as const;
    for (const browse of browses) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const r: SearchResult = await searchProducts(
          db,
          SearchQuery.parse({ ...browse, limit: 4, ...(cursor ? { cursor } : {}) }),
          {
            size: 3,
          },
        );
        seen.push(...r.items.map((i) => i.id));
        cursor = r.nextCursor;
      } while (cursor && seen.length <= ids.length);
      const key = (id: number) =>
        browse.sort === 'newest' ? curatedAt.get(id)! : String(prices[ids.indexOf(id)]!).padStart(10, '0');
      const expected = [...ids].sort((a, b) => (key(a) === key(b) ? a - b : key(a) < key(b) ? -1 : 1));
      expect(seen, JSON.stringify(browse)).toEqual(browse.sort === 'price_asc' ? expected : expected.reverse());
    }
  });

  it('finds the same sample of a facet browse reading the table in order or through the GIN index', async () => {
    const seller = await makeUmkm(db, village.code);
    await addProducts(
      seller.umkmId,
      Array.from({ length: 12 }, (_, i) => ({
        name: `Kue Cubit ${tag()}`,
        halal: i % 3 > 0,
        grade: i % 2 ? 'A' : 'B',
        price: 12_000 + i * 1000,
      })),
    );
    for (const browse of [
      { halal: 'true', category: 'kue-roti' },
      { district: village.district, grade: 'A' },
      { priceMin: 10_000, priceMax: 24_999, sort: 'price_asc' },
    ] as const) {
      for (const size of [5, 500]) {
        const inOrder = await searchProducts(db, SearchQuery.parse(browse), { size, inOrder: true });
        const indexed = await searchProducts(db, SearchQuery.parse(browse), { size, inOrder: false });
        expect(inOrder, JSON.stringify(browse)).toEqual(indexed);
        expect(inOrder.items.length).toBeGreaterThan(0);
      }
    }
  });
});
