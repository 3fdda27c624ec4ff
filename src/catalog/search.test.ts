// Catalogue search through the HTTP API, on data made here: stemming, typo correction from the catalogue's own
// words, facet counts, keyset pages, only searchable products, and a product page without personal data.
import { beforeAll, describe, expect, it } from 'vitest';
import { addProducts, cat, search, setUpCatalog, tag } from '../../test/support/catalog.ts';
import { makeUmkm } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';
import { SearchQuery, type SearchResult } from './schema.ts';
import { searchProducts } from './search-products.ts';
import { PARTITIONS, PRICE_BOUNDS } from './search-sql.ts';
import { refreshCatalogTerms } from './terms.ts';

let db: Db;
let app: App;
let village: typeof cat.village;

beforeAll(async () => {
  await setUpCatalog();
  ({ db, app, village } = cat);
});

describe('catalogue search', () => {
  it('stems Indonesian words: "kue-kue" finds kue, "makanan" finds "makan"', async () => {
    const t = tag();
    const seller = await makeUmkm(db, village.code);
    const [kue, makan] = await addProducts(seller.umkmId, [
      { name: `Kue Lapis Legit ${t}` },
      { name: `Paket Makan Siang ${t}`, category: 'nasi-kotak' },
    ]);
    expect((await search({ q: `kue-kue ${t}` })).items.map((i) => i.id)).toEqual([kue]);
    expect((await search({ q: `makanan ${t}` })).items.map((i) => i.id)).toEqual([makan]);
  });

  it('corrects a misspelling from the catalogue\'s own words: "kripik" finds "keripik"', async () => {
    const t = tag();
    const seller = await makeUmkm(db, village.code);
    const [id] = await addProducts(seller.umkmId, [
      { name: `Keripik Singkong Balado ${t}`, category: 'makanan-ringan' },
    ]);
    await refreshCatalogTerms(db);
    const r = await search({ q: `kripik ${t}` });
    expect(r.items.map((i) => i.id)).toEqual([id]);
    expect(r.terms[0]).toMatchObject({ word: 'kripik', status: 'corrected' });
    expect(r.terms[0]!.searchedAs).toContain('keripik');
    // A misspelt made-up word is corrected to the word the catalogue holds (one letter swapped, one dropped).
    const typo = `${t.slice(0, 3)}${t[4]}${t[3]}${t.slice(6)}`;
    const r2 = await search({ q: `singkong ${typo}` });
    expect(r2.items.map((i) => i.id)).toEqual([id]);
    expect(r2.terms[1]).toMatchObject({ status: 'corrected', searchedAs: expect.arrayContaining([t]) });
    // A word nobody sells stays unknown and finds nothing (no made-up matches).
    const none = await search({ q: `${t} qxwvzjk` });
    expect(none.items).toEqual([]);
    expect(none.terms[1]!.status).toBe('unknown');
  });

  it('counts facets exactly over a small result: category, halal, grade, kota, kecamatan, price range', async () => {
    const t = tag();
    const seller = await makeUmkm(db, village.code);
    await addProducts(seller.umkmId, [
      { name: `Bolu Pandan ${t}`, price: 8_000, grade: 'A' },
      { name: `Bolu Coklat ${t}`, price: 30_000, grade: 'B' },
      { name: `Bolu Keju ${t}`, price: 30_000, grade: 'B', halal: false },
      { name: `Tas Anyaman ${t}`, category: 'kerajinan', price: 120_000, grade: null, halal: false },
    ]);
    const r = await search({ q: t });
    expect(r).toMatchObject({ total: 4, counts: 'exact', sampled: 4 });
    const counts = (f: { value: string; count: number }[]) => Object.fromEntries(f.map((x) => [x.value, x.count]));
    expect(counts(r.facets.category)).toEqual({ 'kue-roti': 3, kerajinan: 1 });
    expect(counts(r.facets.halal)).toEqual({ true: 2, false: 2 });
    expect(counts(r.facets.grade)).toEqual({ A: 1, B: 2 });
    expect(counts(r.facets.city)).toEqual({ [village.city]: 4 });
    expect(counts(r.facets.district)).toEqual({ [village.district]: 4 });
    expect(r.facets.price).toEqual([
      { min: 0, max: 9_999, count: 1 },
      { min: 25_000, max: 49_999, count: 2 },
      { min: 100_000, max: 249_999, count: 1 },
    ]);
    expect(r.facets.category.find((c) => c.value === 'kerajinan')!.label).toBe('Kerajinan & suvenir');
    // Narrowing by two facets.
    const narrowed = await search({ q: t, halal: false, category: 'kue-roti' });
    expect(narrowed.items.map((i) => i.name)).toEqual([`Bolu Keju ${t}`]);
    expect((await search({ q: t, priceMin: 25_000, priceMax: 49_999, district: village.district })).total).toBe(2);
  });

  it('pages with keyset cursors: every product once, in order, for every sort', async () => {
    const t = tag();
    const seller = await makeUmkm(db, village.code);
    const prices = [5_000, 7_000, 7_000, 7_000, 12_000, 12_000, 40_000];
    const ids = await addProducts(
      seller.umkmId,
      prices.map((price, i) => ({
        name: i % 2 ? `Nastar ${t} ${t}` : `Nastar Keju ${t}`,
        price,
        curatedAt: `2025-0${1 + (i % 3)}-01T00:00:00Z`,
      })),
    );
    for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc'] as const) {
      const seen: number[] = [];
      const keys: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r: SearchResult = await search({ q: t, sort, limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...r.items.map((i) => i.id));
        keys.push(...r.items.map((i) => i.price));
        cursor = r.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages, sort).toBe(3);
      expect(
        [...seen].sort((a, b) => a - b),
        sort,
      ).toEqual(ids);
      if (sort === 'price_asc') expect(keys).toEqual([...prices].sort((a, b) => a - b));
      if (sort === 'price_desc') expect(keys).toEqual([...prices].sort((a, b) => b - a));
    }
    const bad = await app.inject({ method: 'GET', url: `/api/catalog/search?q=${t}&sort=newest&cursor=bm9uc2Vuc2U` });
    expect(bad.statusCode).toBe(400);
    // The same with a kecamatan or category chosen and more matches than the sample reads (a small one here).
    for (const [sort, facet] of [
      ['newest', { district: village.district }],
      ['price_asc', { category: 'kue-roti' }],
      ['price_desc', { category: 'kue-roti' }],
    ] as const) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const r: SearchResult = await searchProducts(
          db,
          SearchQuery.parse({ q: t, sort, limit: 2, ...facet, ...(cursor ? { cursor } : {}) }),
          { size: 3 },
        );
        seen.push(...r.items.map((i) => i.id));
        cursor = r.nextCursor;
      } while (cursor && seen.length <= ids.length);
      expect(
        [...seen].sort((a, b) => a - b),
        sort,
      ).toEqual(ids);
    }
  });

  it('shows only searchable products: not drafts, rejected ones, or those of an inactive member; and follows changes', async () => {
    const t = tag();
    const seller = await makeUmkm(db, village.code);
    const gone = await makeUmkm(db, village.code);
    const [shown, draft, rejected] = await addProducts(seller.umkmId, [
      { name: `Dodol ${t}` },
      { name: `Dodol Durian ${t}`, status: 'draft' },
      { name: `Dodol Nanas ${t}`, curation: 'rejected' },
    ]);
    await db.query(`update umkm set status = 'inactive' where id = $1`, [gone.umkmId]);
    const [inactive] = await addProducts(gone.umkmId, [{ name: `Dodol Betawi ${t}` }]);
    expect((await search({ q: t })).items.map((i) => i.id)).toEqual([shown]);
    for (const id of [draft, rejected, inactive])
      expect((await app.inject({ method: 'GET', url: `/api/catalog/products/${id}` })).statusCode).toBe(404);
    // The curation outcome, publishing and the member's status reach search at once.
    await db.query(
      `update product set curation_status = 'curated', curation_grade = 'A', curated_at = now() where id = $1`,
      [rejected],
    );
    await db.query(`update umkm set status = 'active' where id = $1`, [gone.umkmId]);
    await db.query(`update product set status = 'archived' where id = $1`, [shown]);
    expect((await search({ q: t })).items.map((i) => i.id).sort()).toEqual([rejected!, inactive!].sort());
  });

  it("shows a product page with the seller's public profile and channels, and no personal data", async () => {
    const t = tag();
    const seller = await makeUmkm(db, village.code, `Dapur Bu Tini ${t}`);
    const [id] = await addProducts(seller.umkmId, [
      { name: `Rendang Daging ${t}`, category: 'lauk-olahan', grade: 'A' },
    ]);
    const res = await app.inject({ method: 'GET', url: `/api/catalog/products/${id}` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({
      id,
      name: `Rendang Daging ${t}`,
      curation: { grade: 'A', curatedAt: '2025-01-02T03:04:05Z' },
      channels: ['e_order', 'jbl'],
      seller: {
        id: seller.umkmId,
        name: `Dapur Bu Tini ${t}`,
        sizeClass: 'micro',
        village: { code: village.code },
        district: { code: village.district },
        city: { code: village.city },
      },
    });
    const [owner] = await db.query<{ full_name: string; address: string; nik_last4: string }>(
      'select o.full_name, u.address, o.nik_last4 from owner o join umkm u on u.owner_id = o.id where u.id = $1',
      [seller.umkmId],
    );
    for (const secret of [owner!.full_name, seller.nik, seller.phone, seller.phone.slice(3), seller.nik.slice(0, 12)])
      expect(res.body).not.toContain(secret);
    expect(Object.keys(page.seller).sort()).toEqual([
      'city',
      'district',
      'id',
      'kind',
      'name',
      'pengampu',
      'sizeClass',
      'village',
    ]);
  });

  it('estimates counts from a sample when a query matches more than it reads, and says so', async () => {
    const t = tag();
    const seller = await makeUmkm(db, village.code);
    await addProducts(
      seller.umkmId,
      Array.from({ length: 64 }, (_, i) => ({ name: `Onde-onde ${t} ${i}`, halal: i % 4 === 0 })),
    );
    const exact = await searchProducts(db, SearchQuery.parse({ q: t }));
    expect(exact).toMatchObject({ total: 64, counts: 'exact', sampled: 64 });
    const estimated = await searchProducts(db, SearchQuery.parse({ q: t }), { size: 12 });
    expect(estimated).toMatchObject({ counts: 'estimated', sampled: 12 });
    expect(estimated.total).toBeGreaterThan(20);
    expect(estimated.total).toBeLessThan(200);
    const halal = estimated.facets.halal.reduce((n, f) => n + f.count, 0);
    expect(Math.abs(halal - estimated.total)).toBeLessThanOrEqual(2); // facet counts are scaled to the same total
  });

  it('reads the partitions search assumes: their names and the share of products each holds', async () => {
    const rows = await db.query<{ name: string; bound: string }>(
      `select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
       from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'catalog_search'::regclass order by c.relname`,
    );
    const moduli = Object.fromEntries(rows.map((r) => [r.name, Number(/modulus (\d+)/.exec(r.bound)?.[1])]));
    expect(moduli).toEqual(Object.fromEntries(PARTITIONS.map((p) => [p.name, p.modulus])));
    expect(PARTITIONS.reduce((sum, p) => sum + 1 / p.modulus, 0)).toBe(1);
  });

  it('puts prices in the same bands in SQL (filters) and in the API (labels)', async () => {
    const prices = [0, 9_999, ...PRICE_BOUNDS.flatMap((b) => [b - 1, b, b + 1])];
    const rows = await db.query<{ price: number; band: number }>(
      'select p as price, catalog_price_band(p) as band from unnest($1::int8[]) p',
      [prices],
    );
    for (const { price, band } of rows) expect(band, String(price)).toBe(PRICE_BOUNDS.filter((b) => price >= b).length);
  });
});
