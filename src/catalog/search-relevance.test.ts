// Catalogue search: the relevance order (migration 0061) — how the words match, then quality, then freshness —
// exact on every page, whichever way each band is read; and one plan per statement.
import { beforeAll, describe, expect, it } from 'vitest';
import { addProducts, cat, search, setUpCatalog, tag } from '../../test/support/catalog.ts';
import { makeUmkm } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';
import { SearchQuery, type SearchResult } from './schema.ts';
import { searchProducts } from './search-products.ts';
import { buildSearch } from './search-sql.ts';
import { textLevels, toTsquery } from './search-terms.ts';
import { refreshCatalogTerms } from './terms.ts';

let db: Db;
let village: typeof cat.village;

beforeAll(async () => {
  await setUpCatalog();
  ({ db, village } = cat);
});

describe('search relevance', () => {
  it('ranks by how the words match, then quality, then freshness: exactly, on every page', async () => {
    const t = tag();
    const seller = await makeUmkm(db, village.code);
    const long = (name: string) =>
      `${name}: dibuat setiap pagi dari bahan pilihan, tanpa pengawet, dikemas rapi dan tahan sampai tiga hari di suhu ruang.`;
    const [arabika, luwak, robusta, sabun, teh, excelsa] = await addProducts(seller.umkmId, [
      { name: `Kopi ${t} Arabika`, grade: 'A', curatedAt: '2025-03-01T00:00:00Z' }, // begins with a word; quality 3
      { name: `Kopi ${t} Luwak`, grade: 'B', description: long('Kopi Luwak'), curatedAt: '2025-01-01T00:00:00Z' }, // 2 + 1: the same band, older
      { name: `Kopi ${t} Robusta`, grade: 'C', description: long('Kopi Robusta'), curatedAt: '2025-06-01T00:00:00Z' }, // 1 + 1: newest, but lower quality
      { name: `Sabun Kopi ${t} Sereh`, grade: 'A', description: long('Sabun'), curatedAt: '2025-07-01T00:00:00Z' }, // holds the words, begins with another
      {
        name: `Teh Melati ${tag()}`,
        grade: 'A',
        description: `Teh melati, enak diminum dengan kopi ${t}.`,
        curatedAt: '2025-08-01T00:00:00Z',
      }, // words in the description
      { name: `Kopi ${t} Excelsa`, grade: 'C', curatedAt: '2025-02-01T00:00:00Z' }, // quality 1 until it has a cover photo
    ]);
    // Through the API; or with a small sample (`size`), so that dense bands are walked instead of sorted.
    const order = async (limit: number, size?: number) => {
      const ids: number[] = [];
      let cursor: string | null = null;
      do {
        const query = { q: `kopi ${t}`, limit, ...(cursor ? { cursor } : {}) };
        const r: SearchResult = size
          ? await searchProducts(db, SearchQuery.parse(query), { size })
          : await search(query);
        expect(r.sort).toBe('relevance');
        ids.push(...r.items.map((i) => i.id));
        cursor = r.nextCursor;
      } while (cursor && ids.length < 20);
      return ids;
    };
    expect(await order(20)).toEqual([arabika, luwak, robusta, excelsa, sabun, teh]);
    // A cover photo adds two points: Excelsa now shares Arabika's band and sorts by freshness within it.
    await db.query(
      `insert into product_photo (product_id, umkm_id, position, display_path, thumb_path, width, height, bytes, thumb_bytes, uploaded_bytes)
       values ($1, $2, 0, 'x.webp', 'x-thumb.webp', 800, 600, 1000, 100, 2000)`,
      [excelsa, seller.umkmId],
    );
    const ranked = [arabika, excelsa, luwak, robusta, sabun, teh];
    expect(await order(20)).toEqual(ranked);
    // Pages of two cross the bands without losing or repeating a product.
    expect(await order(2)).toEqual(ranked);
    expect(await order(1)).toEqual(ranked);
    for (const size of [1, 2, 3])
      for (const limit of [1, 2, 20]) expect(await order(limit, size), `sample ${size}, page ${limit}`).toEqual(ranked);
    // A grade chosen skips the bands it rules out, and keeps the order of the rest.
    expect((await search({ q: `kopi ${t}`, grade: 'C' })).items.map((i) => i.id)).toEqual([excelsa, robusta]);
    await db.query('delete from product_photo where product_id = $1', [excelsa]);
    expect(await order(20)).toEqual([arabika, luwak, robusta, excelsa, sabun, teh]);
    // A cursor of the old float ranking is refused, not misread.
    const old = Buffer.from(JSON.stringify(['relevance', '0.0607927', arabika])).toString('base64url');
    expect((await cat.app.inject({ method: 'GET', url: `/api/catalog/search?q=kopi&cursor=${old}` })).statusCode).toBe(
      400,
    );
  });

  it('never lets a weaker correction outrank the word it corrects', async () => {
    const w = tag();
    const weaker = `${w.slice(0, 6)}ou`; // shares fewer trigrams with the typo than w does
    const seller = await makeUmkm(db, village.code);
    const [best, other] = await addProducts(seller.umkmId, [
      { name: `Barang ${w}`, grade: 'C', curatedAt: '2024-01-01T00:00:00Z' },
      {
        name: `${weaker} Istimewa`,
        grade: 'A',
        description: `${weaker} istimewa, dibuat setiap pagi dari bahan pilihan tanpa pengawet, dikemas rapi dan tahan sampai tiga hari.`,
        curatedAt: '2025-09-01T00:00:00Z',
      },
    ]);
    await refreshCatalogTerms(db);
    const typo = `${w.slice(0, 7)}${w[7] === 'x' ? 'y' : 'x'}`;
    const r = await search({ q: typo });
    expect(r.terms[0]).toMatchObject({ status: 'corrected', searchedAs: [w, weaker] });
    expect(r.items.map((i) => i.id)).toEqual([best, other]);
  });

  it('has one plan per statement whatever the words and facets, so PostgreSQL can keep it', async () => {
    const plan = async (input: Record<string, unknown>, lexemes: string[] | null) => {
      const f = SearchQuery.parse(input);
      const terms = (lexemes ?? []).map((l) => ({
        word: l,
        status: 'known' as const,
        lexemes: [l],
        searchedAs: [l],
        products: 1,
      }));
      const words = lexemes ? { tsquery: toTsquery(terms)!, levels: textLevels(terms) } : null;
      const s = buildSearch(f, words, f.sort ?? (words ? 'relevance' : 'newest'), null, 20);
      return {
        sql: s.sql,
        plan: (await db.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${s.sql}`, s.params))
          .map((r) => r['QUERY PLAN'])
          .join('\n'),
      };
    };
    const pairs = [
      [plan({ q: 'kue' }, ['kue']), plan({ q: 'zq' }, ['zq', 'batik'])],
      [
        plan({ q: 'kue', district: village.district, halal: 'true' }, ['kue']),
        plan({ q: 'tas', category: 'batik-kain', halal: 'false' }, ['tas']),
      ],
      // A grade rules out some relevance bands (search-sql.ts, relevancePage): one statement per grade.
      [plan({ q: 'kue', grade: 'B' }, ['kue']), plan({ q: 'tas', grade: 'B', district: village.district }, ['tas'])],
      [
        plan({ q: 'kue', sort: 'newest' }, ['kue']),
        plan({ q: 'tas', sort: 'newest', category: 'batik-kain' }, ['tas', 'kain']),
      ],
      [
        plan({ district: village.district, sort: 'newest' }, null),
        plan({ halal: 'true', grade: 'B', sort: 'newest' }, null),
      ],
      [
        plan({ halal: 'true', priceMin: '25000', sort: 'newest' }, null),
        plan({ city: village.city, priceMin: '10000', sort: 'newest' }, null),
      ],
      [
        plan({ category: 'batik-kain', sort: 'price_asc' }, null),
        plan({ city: village.city, grade: 'B', sort: 'price_asc' }, null),
      ],
    ];
    for (const [a, b] of pairs) {
      const [x, y] = await Promise.all([a!, b!]);
      expect(y.sql).toBe(x.sql);
      expect(y.plan).toBe(x.plan);
    }
  });
});
