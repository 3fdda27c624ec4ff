// The one statement behind a search page: the page of products, the facet counts and the total, in one round trip.
//
// Why a sample: a common word ("kue") matches ~200,000 of 1.4M products. Counting seven facets over all of them
// takes 100+ ms; the goal is 25 ms at p95. So the statement reads the FIRST `SAMPLE` matches in physical order —
// partition after partition of catalog_search, smallest first (PARTITIONS, migration 0030) — and
//   - counts facets over them, scaled up to the estimated total;
//   - estimates the total: the partitions before the last one read were read whole; of the last, the pages up to
//     its last match were read. Each partition holds a known share of the products (1/modulus), so
//     total ≈ matches read / (shares read whole + last share × pages read / its pages). Rows sit in each partition
//     in the order they were added, unrelated to words, places or prices, so the first matches are a fair sample;
//     the counts say "estimated".
// Every sort is exact and pages through every match (keyset). Relevance reads band by band, best first (the order
// is defined in migration 0061; relevancePage). Price and newest sort the sample when it holds every match, and
// otherwise walk the sort's btree index, whose entries carry the facet columns.
//
// Every value reaches the statement through a one-row subquery (`(select $1::tsquery)`), so the planner never
// sees it: each statement has one plan whatever the words or facets, and the prepared statement keeps that plan
// (generic) after five runs instead of planning every search — planning cost about as much as running (three times
// as much on PGlite). The statement's text varies only with the sort, whether there are words (and corrections),
// facets checked on the columns or a cursor, a chosen grade (relevance), and with price ranges that are not tokens.
import type { SearchQuery } from './schema.ts';

/** Matches read for facet counts and the total. Above it, they are estimates. */
export const SAMPLE = 500;

/**
 * catalog_search's partitions in the order the sample reads them, with the share of all products each holds
 * (1/modulus of its hash bound). Migration 0030 makes them; a test checks the two agree.
 */
export const PARTITIONS = [
  { name: 'catalog_search_p0', modulus: 32 },
  { name: 'catalog_search_p1', modulus: 32 },
  { name: 'catalog_search_p2', modulus: 16 },
  { name: 'catalog_search_p3', modulus: 8 },
  { name: 'catalog_search_p4', modulus: 4 },
  { name: 'catalog_search_p5', modulus: 2 },
] as const;

/**
 * Above this many word matches (estimated; 40 samples, 20,000) a price or newest page walks the sort's index
 * instead of sorting them all; for facets alone, when no kecamatan or category leads the walk, above 3 samples.
 */
const WALK_ABOVE_SAMPLES = { words: 40, facets: 3 };

/** Price-range facet bands in rupiah: < 10.000, 10.000–24.999, …, ≥ 1.000.000 (SQL: catalog_price_band). */
export const PRICE_BOUNDS = [10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000] as const;

export type Sort = 'relevance' | 'newest' | 'price_asc' | 'price_desc';

export interface Cursor {
  sort: Sort;
  key: string; // the sort key of the last row, as SQL text (band|timestamp, timestamp or price)
  id: number;
}

export interface SearchStatement {
  sql: string;
  params: unknown[];
}

/** Adds a value as a parameter the planner cannot see (see the top of this file); returns its SQL. */
type Bind = (value: unknown, type: string) => string;
function binder(params: unknown[]): Bind {
  return (value, type) => {
    params.push(value);
    return `(select $${params.length}::${type})`;
  };
}

const token = (t: string) => `'${t.replace(/'/g, "''")}'`;

/**
 * The facet filters as tokens of the search vector (migration 0020): one GIN scan intersects them with the words.
 * The kecamatan, kota and category always; the broad facets (halal, grade, size class, channel, price range) only
 * with `broad` — their lists hold a sixth to nine tenths of all products, and merging them costs more than checking
 * the few rows the narrow ones leave (src/catalog/search-products.ts decides). What is not a token is returned in
 * `rest`, for a check on the columns; so is a price range that does not fall on band bounds.
 */
function facetTokens(f: SearchQuery, broad: boolean): { tokens: string[]; rest: SearchQuery } {
  const tokens: string[] = [];
  if (f.city) tokens.push(token(`~c:${f.city}`));
  if (f.district) tokens.push(token(`~d:${f.district}`));
  if (f.category) tokens.push(token(`~k:${f.category}`));
  const rest: SearchQuery = { limit: f.limit };
  if (!broad)
    return {
      tokens,
      rest: {
        ...rest,
        grade: f.grade,
        halal: f.halal,
        sizeClass: f.sizeClass,
        channel: f.channel,
        priceMin: f.priceMin,
        priceMax: f.priceMax,
      },
    };
  if (f.grade) tokens.push(token(`~g:${f.grade}`));
  if (f.halal !== undefined) tokens.push(token(`~h:${f.halal ? 1 : 0}`));
  if (f.sizeClass) tokens.push(token(`~s:${f.sizeClass}`));
  if (f.channel) tokens.push(token(`~ch:${f.channel}`));
  if (f.priceMin !== undefined || f.priceMax !== undefined) {
    // Band b holds [PRICE_BOUNDS[b-1], PRICE_BOUNDS[b] - 1]; a range on those bounds is a set of bands.
    const low = !f.priceMin ? 0 : PRICE_BOUNDS.indexOf(f.priceMin as never) + 1 || -1;
    const high = f.priceMax === undefined ? PRICE_BOUNDS.length : PRICE_BOUNDS.indexOf((f.priceMax + 1) as never);
    if (low >= 0 && high >= low) {
      const bands = Array.from({ length: high - low + 1 }, (_, i) => token(`~p:${low + i}`));
      if (bands.length === 1) tokens.push(bands[0]!);
      else if (bands.length <= PRICE_BOUNDS.length) tokens.push(`(${bands.join(' | ')})`);
    } else {
      return { tokens, rest: { ...rest, priceMin: f.priceMin, priceMax: f.priceMax } };
    }
  }
  return { tokens, rest };
}

/**
 * The sample's filter on `catalog_search s`: the words and facet tokens as one tsquery. With words, the facets
 * that are not tokens are one check of the columns, "none or equal" for each (the statement's text depends only on
 * whether there is one); without words, a price range that is not a token is checked on the price column.
 */
function sampleFilter(f: SearchQuery, tsquery: string | null, broad: boolean, bind: Bind): string[] {
  const { tokens, rest } = facetTokens(f, broad || tsquery === null);
  const all = [
    ...(tsquery === null ? [] : [tsquery.includes('|') || tokens.length ? `(${tsquery})` : tsquery]),
    ...tokens,
  ];
  const where: string[] = [];
  if (all.length) where.push(`s.tsv @@ ${bind(all.join(' & '), 'tsquery')}`);
  if (tsquery === null) {
    if (rest.priceMin !== undefined) where.push(`s.price >= ${bind(rest.priceMin, 'int8')}`);
    if (rest.priceMax !== undefined) where.push(`s.price <= ${bind(rest.priceMax, 'int8')}`);
  } else if (
    [rest.grade, rest.halal, rest.sizeClass, rest.channel, rest.priceMin, rest.priceMax].some((v) => v !== undefined)
  ) {
    where.push(columnFilter(rest, null, null, true, bind));
  }
  return where;
}

const SAMPLE_COLUMNS =
  's.product_id, s.city_code, s.district_code, s.category_code, s.grade, s.halal, s.size_class, s.price, s.price_band, s.listed_at';

/** The first `sample` matches, partition by partition in PARTITIONS order, each row marked with its partition. */
function sampleCte(where: string[], sample: number, band: string | null): string {
  const whereSql = where.length ? `where ${where.join(' and ')}` : '';
  const extra = band === null ? '' : `, ${band} as band`;
  const reads = PARTITIONS.map(
    (p, i) => `select ${i} as part, s.ctid, ${SAMPLE_COLUMNS}${extra} from ${p.name} s ${whereSql}`,
  );
  return `sample as materialized (
      select * from (${reads.join('\n        union all ')}) x
      limit ${sample})`;
}

/**
 * A search by facets alone looks at p0's first rows (physical order) to choose how to find its sample: in order
 * when at least one in DENSE_ONE_IN of them matches.
 */
const PROBE_ROWS = 1000;
const DENSE_ONE_IN = 20;

/**
 * The sample of a search by facets alone: the same first matches in physical order, found by the cheaper of two
 * ways. Broad facets (halal, a grade, a price range, a kota) match a good share of every page: reading the
 * partitions in order and checking the columns finds 500 matches within a few hundred pages, where the GIN index
 * would first merge lists of hundreds of thousands of entries. Narrow ones (a kecamatan and a category) are found
 * through the GIN index. A look at p0's first rows tells which (the planner cannot: it does not see the values).
 * `inOrder` decides instead (tests: both ways find the same sample).
 */
function facetSampleCte(
  f: SearchQuery,
  where: string[],
  sample: number,
  inOrder: boolean | undefined,
  bind: Bind,
): string {
  const filter = columnFilter(f, null, null, true, bind);
  const dense = !where.length ? 'true' : inOrder === undefined ? '(select dense from probe)' : String(inOrder);
  const reads = [
    ...PARTITIONS.map(
      (p, i) => `select ${i} as part, s.ctid, ${SAMPLE_COLUMNS} from ${p.name} s where ${dense} and ${filter}`,
    ),
    ...(where.length
      ? PARTITIONS.map(
          (p, i) =>
            `select ${i} as part, s.ctid, ${SAMPLE_COLUMNS} from ${p.name} s where not ${dense} and ${where.join(' and ')}`,
        )
      : []),
  ];
  return `probe as materialized (
      -- count(ctid): no index holds it, so these are p0's first rows in physical order, not an index's first entries.
      select count(s.ctid) > 0 and count(s.ctid) filter (where ${filter}) * ${DENSE_ONE_IN} >= count(s.ctid) as dense
      from (select s.ctid, ${SAMPLE_COLUMNS}, s.channel_e_order, s.channel_jbl, s.channel_mall from ${PARTITIONS[0].name} s limit ${PROBE_ROWS}) s),
    sample as materialized (
      select * from (${reads.join('\n        union all ')}) x
      limit ${sample})`;
}

/** stats (matches read, last partition read) and estimate (total): see the top of this file. */
function estimateCtes(sample: number): string {
  let before = 0;
  const parts = PARTITIONS.map((p, i) => {
    const row = `(${i}, '${p.name}'::regclass, ${before}::float8, ${1 / p.modulus}::float8)`;
    before += 1 / p.modulus;
    return row;
  });
  return `parts as (
      select part, count(*)::int8 as n, (max(ctid)::text::point)[0]::int8 as blk from sample group by part
    ),
    stats as (
      select coalesce(sum(n), 0)::int8 as n, max(part) as last from parts
    ),
    estimate as (
      select case when st.n < ${sample} then st.n
                  else round(st.n / (l.before + l.share * least(1, (p.blk + 1)::float8
                         / greatest(1, pg_relation_size(l.rel) / current_setting('block_size')::int8))))::int8
             end as total
      from stats st
      left join parts p on p.part = st.last
      left join (values ${parts.join(', ')}) l(part, rel, before, share) on l.part = st.last
    )`;
}

const FACETS_CTE = `facets as (
      select f.facet, f.value, f.n from (
        select case when grouping(city_code) = 0 then 'city' when grouping(district_code) = 0 then 'district'
                    when grouping(category_code) = 0 then 'category' when grouping(grade) = 0 then 'grade'
                    when grouping(halal) = 0 then 'halal' when grouping(size_class) = 0 then 'sizeClass' else 'price' end as facet,
               coalesce(city_code, district_code, category_code, grade, halal::text, size_class, price_band::text) as value,
               count(*)::int8 as n
        from sample
        group by grouping sets ((city_code), (district_code), (category_code), (grade), (halal), (size_class), (price_band))
      ) f where f.value is not null
    )`;

/** The page: ORDER BY and keyset condition per sort. Relevance pages come from the ranked sample. */
const ORDER: Record<
  Exclude<Sort, 'relevance'>,
  { key: string; order: string; unindexed: string; after: string; keyType: string }
> = {
  newest: {
    key: 's.listed_at',
    order: 's.listed_at desc, s.product_id desc',
    unindexed: "s.listed_at + interval '0' desc, s.product_id desc",
    after: '<',
    keyType: 'timestamptz',
  },
  price_asc: {
    key: 's.price',
    order: 's.price, s.product_id',
    unindexed: 's.price + 0, s.product_id',
    after: '>',
    keyType: 'int8',
  },
  price_desc: {
    key: 's.price',
    order: 's.price desc, s.product_id desc',
    unindexed: 's.price + 0 desc, s.product_id desc',
    after: '<',
    keyType: 'int8',
  },
};

const CHANNEL_COLUMN = { e_order: 'channel_e_order', jbl: 'channel_jbl', mall: 'channel_mall' } as const;

/**
 * The facets (and words) as one condition on a row's columns, for a walk along an index whose entries carry
 * them, or a read in physical order. Every facet is always there, as "none, or equal", so the statement's text
 * does not depend on which facets are chosen; `omit` leaves out the column a walk is led by (see sortedPage).
 * It is ONE condition the planner cannot look into (coalesce(…, false)): it guesses it keeps half the rows.
 * Separately, each "none or equal" looks very selective to it, and it would then rather fetch every match and
 * sort them than walk the index in order — which, for a broad facet, reads most of the table.
 */
function columnFilter(
  f: SearchQuery,
  words: string | null,
  omit: string | null,
  withPrice: boolean,
  bind: Bind,
): string {
  const eq = (column: string, value: unknown) => {
    const v = bind(value ?? null, column === 'halal' ? 'bool' : 'text');
    return `coalesce(s.${column} = ${v}, ${v} is null)`;
  };
  const channel = bind(f.channel ?? null, 'text');
  const conds = [
    ...(words === null ? [] : [words]),
    eq('city_code', f.city),
    ...(omit === 'district_code' ? [] : [eq('district_code', f.district)]),
    ...(omit === 'category_code' ? [] : [eq('category_code', f.category)]),
    eq('grade', f.grade),
    eq('halal', f.halal),
    eq('size_class', f.sizeClass),
    `case ${channel} ${Object.entries(CHANNEL_COLUMN)
      .map(([c, col]) => `when '${c}' then s.${col}`)
      .join(' ')} else true end`,
    ...(withPrice ? priceRange(f, bind) : []),
  ];
  return `coalesce(${conds.join('\n               and ')}, false)`;
}

/** The price range as comparisons: on the price index they are where a price walk starts and stops. */
const priceRange = (f: SearchQuery, bind: Bind) => [
  `s.price >= coalesce(${bind(f.priceMin ?? null, 'int8')}, 0)`,
  `s.price <= coalesce(${bind(f.priceMax ?? null, 'int8')}, 9223372036854775807)`,
];

/**
 * A price or newest page. With fewer matches than the sample reads, the sample holds them all: sort it. Words
 * with up to WALK_ABOVE_SAMPLES matches (estimated): fetch them all through the GIN index and sort (ordered by an
 * expression no index offers, so the planner does not walk one). Otherwise walk the sort's index — led by the
 * kecamatan (newest) or the category (price) when one is chosen, as that index then holds only its products —
 * checking the other facets on the index entries: dense enough to fill a page soon, unless the filters correlate
 * with the order (bags and batik are dear, so "batik, cheapest first" would walk past every snack) — hence the
 * (category, price) index. One-time filters run only the branch that applies.
 */
function sortedPage(
  f: SearchQuery,
  words: string | null,
  sort: Exclude<Sort, 'relevance'>,
  cursor: Cursor | null,
  limit: number,
  sample: number,
  where: string[],
  bind: Bind,
): string {
  const o = ORDER[sort];
  const keyset = cursor
    ? `(${o.key}, s.product_id) ${o.after} (${bind(cursor.key, o.keyType)}, ${bind(cursor.id, 'int8')})`
    : null;
  const and = (conds: (string | null)[]) =>
    conds
      .filter((c): c is string => c !== null)
      .map((c) => `and ${c}`)
      .join(' ');
  const lim = limit + 1;
  const cols = 's.product_id, s.city_code, s.district_code, s.price, s.listed_at';
  const lead = sort === 'newest' ? 'district_code' : 'category_code';
  const leadValue = bind((sort === 'newest' ? f.district : f.category) ?? null, 'text');
  const priceInIndex = sort !== 'newest';
  // A walk by words visits a table page per index entry (the words are not in the index); a walk by facets only
  // reads index entries, ~20× cheaper, but along the whole index when no kecamatan or category leads it.
  const sortUpTo = sample * (words === null ? WALK_ABOVE_SAMPLES.facets : WALK_ABOVE_SAMPLES.words);
  // Which branch: words sort up to sortUpTo matches, else walk (led when they can); facets alone walk led when
  // they can, else sort up to sortUpTo, else walk the whole index.
  const many = `(select total from estimate) > ${sortUpTo}`;
  const walk = (led: boolean) => `(select ${cols} from catalog_search s
         where (select n from stats) >= ${sample} and ${leadValue} is ${led ? `not null and s.${lead} = ${leadValue}` : 'null'}
               ${and([led && words === null ? null : many, ...(priceInIndex ? priceRange(f, bind) : []), keyset])}
               and ${columnFilter(f, words, lead, !priceInIndex, bind)}
         order by ${o.order} limit ${lim})`;
  const branches = [
    `(select ${cols} from sample s where (select n from stats) < ${sample} ${and([keyset])} order by ${o.order} limit ${lim})`,
    `(select ${cols} from catalog_search s
         where (select n from stats) >= ${sample} and not ${many} ${words === null ? `and ${leadValue} is null` : ''}
               ${and([...where, keyset])}
         order by ${o.unindexed} limit ${lim})`,
    walk(true),
    walk(false),
  ];
  return `page as (
      select s.product_id, s.city_code, s.district_code, ${o.key}::text as key, row_number() over (order by ${o.order}) as ord
      from (${branches.join('\n        union all\n        ')}) s
      order by ${o.order} limit ${lim})`;
}

/** Quality points (migration 0061), best first: the bands within each text level. */
const QUALITY = [6, 5, 4, 3, 2, 1] as const;

/**
 * A band estimated (from the sample) to hold a page of rows in every WALK_ROWS / 2 products is walked newest
 * first along catalog_search_listed_idx — the first WALK_ROWS rows of that walk then hold its page, with a wide
 * margin — instead of fetching and sorting all its rows ("buatan", in nearly every description, has bands of
 * 500,000). Below that, fetching the band's rows (at most ~7,000 here) costs less than the walk would.
 */
const WALK_ROWS = 8000;

/** Each sampled row's band (0 = best), for the estimate of how many rows each band holds. */
function bandOfRow(levels: string[], bind: Bind): string {
  const level = levels.map((l, i) => `when s.tsv @@ ${bind(l, 'tsquery')} then ${i}`).join(' ');
  const quality = QUALITY.slice(0, -1)
    .map((q, i) => `when s.tsv @@ ${token(token(`~q:${q}`))}::tsquery then ${i}`)
    .join(' ');
  return `(case ${level} else ${levels.length - 1} end) * ${QUALITY.length} + (case ${quality} else ${QUALITY.length - 1} end)`;
}

/**
 * The bands worth walking: estimated rows ≥ page × all products / (WALK_ROWS / 2); and, when the sample holds
 * every match, the bands that have any (`present`; null otherwise): the others are not read at all.
 */
function walkableCte(limit: number, sample: number): string {
  const parts = PARTITIONS.map((p) => `'${p.name}'::regclass`).join(', ');
  const all = `(select greatest(sum(greatest(c.reltuples, 0)), 1) from pg_class c where c.oid = any(array[${parts}]))`;
  return `walkable as (
      select coalesce(array_agg(b.band) filter (where st.n >= ${sample} and b.n::float8 * e.total / st.n >= ${limit + 1} * ${all} / ${WALK_ROWS / 2}), '{}') as bands,
             case when min(st.n) < ${sample} then coalesce(array_agg(b.band), '{}') end as present
      from stats st cross join estimate e left join (select band, count(*) as n from sample group by band) b on true)`;
}

/**
 * A relevance page: band by band, best first — text level (`levels`), then quality — each band's rows found
 * exactly and newest first. The bands are branches of one UNION ALL under the page's LIMIT: PostgreSQL runs them
 * in order and stops once the page is full, so only the bands the page reaches are read. A band is read one of
 * two ways: a dense one (walkableCte) walks the newest rows and keeps those in the band — when WALK_ROWS rows hold
 * a page of them, that page is exact; otherwise (sparse, or the walk fell short) its rows are found through its
 * tokens in the GIN index and sorted. The cursor names the band it stopped in: bands before it are skipped.
 */
function relevancePage(
  f: SearchQuery,
  levels: string[],
  cursor: Cursor | null,
  limit: number,
  sample: number,
  broad: boolean,
  bind: Bind,
): { ctes: string[]; page: string } {
  const lim = limit + 1;
  const [band, ts] = cursor ? relevanceKey(cursor.key) : [-1, null];
  const from = cursor ? bind(band, 'int4') : null;
  const after = cursor
    ? `(s.listed_at, s.product_id) < (${bind(ts, 'timestamptz')}, ${bind(cursor.id, 'int8')})`
    : null;
  // A chosen grade rules out some quality points (its own 3, 2 or 1, plus at most 3): those bands are not read.
  const grade = f.grade === undefined ? null : ({ A: 3, B: 2, C: 1 } as const)[f.grade];
  const possible = (q: number) => grade === null || (q >= grade && q <= grade + 3);
  const bands = levels.flatMap((level, l) =>
    QUALITY.map((q, qi) => ({ i: l * QUALITY.length + qi, tsquery: `${level} & ${token(`~q:${q}`)}`, q })).filter((b) =>
      possible(b.q),
    ),
  );
  const cols = 's.product_id, s.city_code, s.district_code, s.listed_at';
  const ctes: string[] = [];
  const branches = bands.map(({ i, tsquery }) => {
    const position = [...(from ? [`${from} <= ${i}`] : []), ...(after ? [`(${from} < ${i} or ${after})`] : [])];
    const filter = sampleFilter(f, tsquery, broad, bind);
    const walked = `(select count(*) from walk${i}) >= ${lim}`;
    ctes.push(`walk${i} as materialized (
      select ${cols} from (
        select * from catalog_search s where ${[`(select ${i} = any(w.bands) from walkable w)`, ...position].join(' and ')}
        order by s.listed_at desc, s.product_id desc limit ${WALK_ROWS}) s
      where ${filter.join(' and ')} limit ${lim})`);
    return `(select ${i} as band, ${cols} from walk${i} s where ${walked} order by s.listed_at desc, s.product_id desc)
        union all
        (select ${i} as band, ${cols} from catalog_search s
         where ${[`not ${walked}`, `(select w.present is null or ${i} = any(w.present) from walkable w)`, ...position, ...filter].join(' and ')}
         order by s.listed_at + interval '0' desc, s.product_id desc limit ${lim})`;
  });
  const page = `page as (
      select product_id, city_code, district_code, band || '|' || listed_at::text as key,
             row_number() over (order by band, listed_at desc, product_id desc) as ord
      from (select * from (${branches.join('\n        union all\n        ')}) x limit ${lim}) x)`;
  return { ctes: [walkableCte(limit, sample), ...ctes], page };
}

/** A relevance cursor's key: "<band>|<listed_at>". */
export function relevanceKey(key: string): [number, string] {
  const at = key.indexOf('|');
  return [Number(key.slice(0, at)), key.slice(at + 1)];
}

export interface SampleOptions {
  /** Matches read for ranking and counts (default SAMPLE): tests make it small to see estimates and walks. */
  size?: number;
  /** With words: intersect the broad facets in the GIN index too (default), or check them on the rows found. */
  broadInIndex?: boolean;
  /** Facets alone: find the sample in physical order (true) or through the GIN index (false); default: as p0 suggests. */
  inOrder?: boolean;
}

/** The words of a search: all matches (`tsquery`) and the text levels of the relevance order (search-terms.ts). */
export interface Words {
  tsquery: string;
  levels: string[];
}

export function buildSearch(
  f: SearchQuery,
  words: Words | null,
  sort: Sort,
  cursor: Cursor | null,
  limit: number,
  options: SampleOptions = {},
): SearchStatement {
  const sample = options.size ?? SAMPLE;
  const params: unknown[] = [];
  const bind = binder(params);
  const tsquery = words?.tsquery ?? null;
  const broad = options.broadInIndex ?? true;
  const where = sampleFilter(f, tsquery, broad, bind);
  const relevance = sort === 'relevance' && words !== null;
  const band = relevance ? bandOfRow(words.levels, bind) : null;
  const { ctes, page } = relevance
    ? relevancePage(f, words.levels, cursor, limit, sample, broad, bind)
    : {
        ctes: [],
        page: sortedPage(
          f,
          tsquery === null ? null : `s.tsv @@ ${bind(tsquery, 'tsquery')}`,
          sort === 'relevance' ? 'newest' : sort,
          cursor,
          limit,
          sample,
          where,
          bind,
        ),
      };

  const sql = `with ${tsquery === null ? facetSampleCte(f, where, sample, options.inOrder, bind) : sampleCte(where, sample, band)},
    ${estimateCtes(sample)},
    ${[...ctes, page].join(',\n    ')},
    ${FACETS_CTE}
    select
      (select n from stats) as sampled,
      (select total from estimate) as total,
      -- json_agg of rows, not json_build_object per row: it looks up how to print each column once, not per value.
      -- Names are looked up per row through the primary keys: joining would hash the whole region table
      -- (wide rows: boundaries) three times per search.
      (select coalesce(json_agg(f order by f.facet, f.n desc, f.value), '[]') from (
         select f.facet, f.value, f.n,
                coalesce(case when f.facet in ('city', 'district') then (select r.name from region r where r.code = f.value)
                              when f.facet = 'category' then (select c.name_id from product_category c where c.code = f.value) end,
                         f.value) as label
         from facets f) f) as facets,
      (select coalesce(json_agg(i order by i.ord), '[]') from (
         select pg.ord, p.id, pg.key, p.name, p.price, p.unit, p.halal, p.curation_grade as grade, p.category_code as "categoryCode",
                c.name_id as "categoryId", c.name_en as "categoryEn", u.id as "sellerId", u.name as "sellerName",
                pg.district_code as "districtCode", (select d.name from region d where d.code = pg.district_code) as "districtName",
                pg.city_code as "cityCode", (select k.name from region k where k.code = pg.city_code) as "cityName",
                p.channel_e_order as "eOrder", p.channel_jbl as jbl, p.channel_mall as mall
         from page pg
         join product p on p.id = pg.product_id
         join umkm u on u.id = p.umkm_id
         join product_category c on c.code = p.category_code) i) as items`;
  return { sql, params };
}
