// The one statement behind a search page: the page of products, the facet counts and the total, in one round trip.
//
// Why a sample: a common word ("kue") matches ~200,000 of 1.4M products. Ranking all of them, or counting seven
// facets over all of them, takes 100+ ms; the goal is 25 ms at p95. So the statement reads the FIRST `SAMPLE`
// matches in physical order — partition after partition of the hash-partitioned catalog_search, each from its
// first page (migrations 0020, 0021) — and
//   - ranks those by ts_rank for the relevance sort (all matches when there are fewer: exact then);
//   - counts facets over them, scaled up to the estimated total;
//   - estimates the total: partitions before the last one read were read whole; of the last, the pages up to the
//     last match were read, so its matches ≈ n_last × pages / (last page + 1); hash partitions hold alike shares,
//     so total ≈ (matches of the partitions read) × partitions / partitions read. Rows sit in each partition in
//     the order products were curated, unrelated to words, places or prices, so the first matches are a fair
//     sample; the counts say "estimated".
// Price and newest sorts are exact and page through every match (keyset): they sort the sample when it holds
// every match, and otherwise walk the sort's btree index.
import type { SearchQuery } from './schema.ts';

/** Matches read for ranking and facet counts. Above it, counts are estimates and relevance ranks a sample. */
export const SAMPLE = 1000;

/** Above this many matches (estimated) a price or newest page walks the sort's index instead of sorting all. */
const WALK_ABOVE = 20_000;

/** Price-range facet bands in rupiah: < 10.000, 10.000–24.999, …, ≥ 1.000.000 (SQL: catalog_price_band). */
export const PRICE_BOUNDS = [10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000] as const;

export type Sort = 'relevance' | 'newest' | 'price_asc' | 'price_desc';

export interface Cursor {
  sort: Sort;
  key: string; // the sort key of the last row, as SQL text (rank, timestamp or price)
  id: number;
}

export interface SearchStatement {
  sql: string;
  params: unknown[];
}

const token = (t: string) => `'${t.replace(/'/g, "''")}'`;

/**
 * The facet filters as tokens of the search vector (migration 0020): one GIN scan intersects them with the words.
 * A price range that does not fall on band bounds is filtered on the price column instead.
 */
function facetTokens(f: SearchQuery): { tokens: string[]; price: { min?: number; max?: number } } {
  const tokens: string[] = [];
  if (f.city) tokens.push(token(`~c:${f.city}`));
  if (f.district) tokens.push(token(`~d:${f.district}`));
  if (f.category) tokens.push(token(`~k:${f.category}`));
  if (f.grade) tokens.push(token(`~g:${f.grade}`));
  if (f.halal !== undefined) tokens.push(token(`~h:${f.halal ? 1 : 0}`));
  if (f.sizeClass) tokens.push(token(`~s:${f.sizeClass}`));
  if (f.channel) tokens.push(token(`~ch:${f.channel}`));
  const price: { min?: number; max?: number } = {};
  if (f.priceMin !== undefined || f.priceMax !== undefined) {
    // Band b holds [PRICE_BOUNDS[b-1], PRICE_BOUNDS[b] - 1]; a range on those bounds is a set of bands.
    const low = !f.priceMin ? 0 : PRICE_BOUNDS.indexOf(f.priceMin as never) + 1 || -1;
    const high = f.priceMax === undefined ? PRICE_BOUNDS.length : PRICE_BOUNDS.indexOf((f.priceMax + 1) as never);
    if (low >= 0 && high >= low) {
      const bands = Array.from({ length: high - low + 1 }, (_, i) => token(`~p:${low + i}`));
      if (bands.length === 1) tokens.push(bands[0]!);
      else if (bands.length <= PRICE_BOUNDS.length) tokens.push(`(${bands.join(' | ')})`);
    } else {
      if (f.priceMin !== undefined) price.min = f.priceMin;
      if (f.priceMax !== undefined) price.max = f.priceMax;
    }
  }
  return { tokens, price };
}

/**
 * The page of a price or newest sort walks a btree in that order (or in (kecamatan, newest) order), so there the
 * facets are column conditions the walk can check (or, for the kecamatan, seek), and only the words a tsquery.
 */
function columnFilters(f: SearchQuery, tsquery: string | null, params: unknown[]): string[] {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (tsquery !== null) where.push(`s.tsv @@ ${p(tsquery)}::tsquery`);
  if (f.city) where.push(`s.city_code = ${p(f.city)}`);
  if (f.district) where.push(`s.district_code = ${p(f.district)}`);
  if (f.category) where.push(`s.category_code = ${p(f.category)}`);
  if (f.grade) where.push(`s.grade = ${p(f.grade)}`);
  if (f.halal !== undefined) where.push(`s.halal = ${p(f.halal)}`);
  if (f.sizeClass) where.push(`s.size_class = ${p(f.sizeClass)}`);
  if (f.channel) where.push(`s.${CHANNEL_COLUMN[f.channel]}`);
  if (f.priceMin !== undefined) where.push(`s.price >= ${p(f.priceMin)}::int8`);
  if (f.priceMax !== undefined) where.push(`s.price <= ${p(f.priceMax)}::int8`);
  return where;
}

const CHANNEL_COLUMN = { e_order: 'channel_e_order', jbl: 'channel_jbl', mall: 'channel_mall' } as const;

/** Filters of the sample on `catalog_search s`: the words and facet tokens as one tsquery, odd price ranges apart. */
function filters(f: SearchQuery, tsquery: string | null, params: unknown[]): string[] {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const { tokens, price } = facetTokens(f);
  const all = [...(tsquery === null ? [] : [tsquery.includes('|') || tokens.length ? `(${tsquery})` : tsquery]), ...tokens];
  const where: string[] = [];
  if (all.length) where.push(`s.tsv @@ ${p(all.join(' & '))}::tsquery`);
  if (price.min !== undefined) where.push(`s.price >= ${p(price.min)}::int8`);
  if (price.max !== undefined) where.push(`s.price <= ${p(price.max)}::int8`);
  return where;
}

/** The page: ORDER BY and keyset condition per sort. Relevance pages come from the ranked sample. */
const ORDER: Record<Exclude<Sort, 'relevance'>, { key: string; order: string; unindexed: string; after: string; keyType: string }> = {
  newest: { key: 's.listed_at', order: 's.listed_at desc, s.product_id desc', unindexed: "s.listed_at + interval '0' desc, s.product_id desc", after: '<', keyType: 'timestamptz' },
  price_asc: { key: 's.price', order: 's.price, s.product_id', unindexed: 's.price + 0, s.product_id', after: '>', keyType: 'int8' },
  price_desc: { key: 's.price', order: 's.price desc, s.product_id desc', unindexed: 's.price + 0 desc, s.product_id desc', after: '<', keyType: 'int8' },
};

export function buildSearch(f: SearchQuery, tsquery: string | null, sort: Sort, cursor: Cursor | null, limit: number, sample = SAMPLE): SearchStatement {
  const params: unknown[] = [];
  const where = filters(f, tsquery, params);
  const whereSql = where.length ? `where ${where.join(' and ')}` : '';
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  // Rank by the words only (every match carries the facet tokens alike).
  const rank = sort === 'relevance' && tsquery !== null ? `, ts_rank(s.tsv, ${p(tsquery)}::tsquery, 1)::float8 as rank` : '';
  const sampleCte = `sample as materialized (
      select s.product_id, s.city_code, s.district_code, s.category_code, s.grade, s.halal, s.size_class, s.price,
             s.listed_at, s.tableoid, (s.ctid::text::point)[0]::int8 as blk${rank}
      from catalog_search s ${whereSql}
      limit ${sample})`;

  let page: string;
  if (sort === 'relevance') {
    const after = cursor ? `where (rank < ${p(cursor.key)}::float8 or rank = $${params.length}::float8 and product_id > ${p(cursor.id)}::int8)` : '';
    page = `page as (
      select product_id, city_code, district_code, rank::text as key, row_number() over (order by rank desc, product_id) as ord
      from sample ${after} order by rank desc, product_id limit ${p(limit + 1)})`;
  } else {
    // With fewer matches than the sample reads, the sample holds them all: sort it. With up to WALK_ABOVE matches
    // (estimated), fetch them all through the GIN index and sort (ordered by an expression no index offers, so the
    // planner does not walk one). Beyond that, walk the sort's btree index: dense
    // enough to fill a page soon, unless the filters correlate with the order (bags and batik are dear, so "batik,
    // cheapest first" would walk past every snack) — hence a (category, price) index. One-time filters run only
    // the branch that applies.
    const o = ORDER[sort];
    const keyset = cursor ? `(${o.key}, s.product_id) ${o.after} (${p(cursor.key)}::${o.keyType}, ${p(cursor.id)}::int8)` : null;
    const walk = [...columnFilters(f, tsquery, params), ...(keyset ? [keyset] : [])];
    const lim = p(limit + 1);
    const cols = 's.product_id, s.city_code, s.district_code, s.price, s.listed_at';
    page = `page as (
      select s.product_id, s.city_code, s.district_code, ${o.key}::text as key, row_number() over (order by ${o.order}) as ord
      from (
        (select ${cols} from sample s
         where (select n from stats) < ${sample} ${keyset ? `and ${keyset}` : ''} order by ${o.order} limit ${lim})
        union all
        (select ${cols} from catalog_search s
         where (select n from stats) >= ${sample} and (select total from estimate) <= ${WALK_ABOVE}
               ${[...where, ...(keyset ? [keyset] : [])].map((c) => `and ${c}`).join(' ')}
         order by ${o.unindexed} limit ${lim})
        union all
        (select ${cols} from catalog_search s
         where (select total from estimate) > ${WALK_ABOVE} ${walk.map((c) => `and ${c}`).join(' ')}
         order by ${o.order} limit ${lim})
      ) s order by ${o.order} limit ${lim})`;
  }

  const sql = `with ${sampleCte},
    parts as (
      select substring(tableoid::regclass::text from '_p([0-9]+)$')::int as r, count(*)::int8 as n, max(blk) as hi,
             greatest(1, pg_relation_size(tableoid) / current_setting('block_size')::int8) as pages
      from sample group by tableoid
    ),
    stats as (
      select coalesce(sum(n), 0)::int8 as n, max(r) as last,
             (select count(*) from pg_inherits where inhparent = 'catalog_search'::regclass) as partitions
      from parts
    ),
    estimate as (
      select case when st.n < ${sample} then st.n
                  else round((coalesce((select sum(n) from parts where r < st.last), 0)
                              + (select n * pages::numeric / (hi + 1) from parts where r = st.last))
                             * st.partitions / (st.last + 1))::int8
             end as total
      from stats st
    ),
    ${page},
    facets as (
      select f.facet, f.value, f.n from (
        select case when grouping(city_code) = 0 then 'city' when grouping(district_code) = 0 then 'district'
                    when grouping(category_code) = 0 then 'category' when grouping(grade) = 0 then 'grade'
                    when grouping(halal) = 0 then 'halal' when grouping(size_class) = 0 then 'sizeClass' else 'price' end as facet,
               coalesce(city_code, district_code, category_code, grade, halal::text, size_class, band::text) as value,
               count(*)::int8 as n
        from (select *, catalog_price_band(price) as band from sample) x
        group by grouping sets ((city_code), (district_code), (category_code), (grade), (halal), (size_class), (band))
      ) f where f.value is not null
    )
    select
      (select n from stats) as sampled,
      (select total from estimate) as total,
      (select coalesce(json_agg(json_build_object('facet', f.facet, 'value', f.value, 'n', f.n,
                 'label', coalesce(r.name, c.name_id, f.value)) order by f.facet, f.n desc, f.value), '[]')
       from facets f
       left join region r on f.facet in ('city', 'district') and r.code = f.value
       left join product_category c on f.facet = 'category' and c.code = f.value) as facets,
      (select coalesce(json_agg(json_build_object(
                 'id', p.id, 'key', pg.key, 'name', p.name, 'price', p.price, 'unit', p.unit, 'halal', p.halal,
                 'grade', p.curation_grade, 'categoryCode', p.category_code, 'categoryId', c.name_id, 'categoryEn', c.name_en,
                 'sellerId', u.id, 'sellerName', u.name, 'districtCode', pg.district_code, 'districtName', d.name,
                 'cityCode', pg.city_code, 'cityName', k.name,
                 'eOrder', p.channel_e_order, 'jbl', p.channel_jbl, 'mall', p.channel_mall) order by pg.ord), '[]')
       from page pg
       join product p on p.id = pg.product_id
       join umkm u on u.id = p.umkm_id
       join product_category c on c.code = p.category_code
       join region d on d.code = pg.district_code
       join region k on k.code = pg.city_code) as items`;
  return { sql, params };
}
