// `npm run bench -- search`: catalogue search through the HTTP API with 4 concurrent clients, per query class,
// and the same SQL replayed directly over 4 connections in the same run. Reads the database only (unless
// `--seed <members>` is given for an empty one, e.g. a temporary PGlite).
//
// Queries come from the catalogue itself: words of catalog_term, phrases cut from product names, misspellings
// made by random edit operations, facet values from the region and category tables. Every query is distinct over
// the whole run (warm-up included) and the server caches nothing, so no result is served twice.
// Goals (issue 5): p95 ≤ 25 ms per class on PostgreSQL, and p95 ≤ max(1.5 × sql_p95, sql_p95 + 3 ms). Issue 12:
// for every class with words, the first page equals the exhaustive ranking's (exhaustiveFirstPage) for at least
// 95% of the first `--check` queries ("relevance_exact").
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { SearchQuery } from '../src/catalog/schema.ts';
import { searchProducts } from '../src/catalog/search-products.ts';
import { SAMPLE } from '../src/catalog/search-sql.ts';
import { resolveTerms, splitWords, toTsquery } from '../src/catalog/search-terms.ts';
import type { Db, Queryable } from '../src/platform/db/types.ts';
import { mulberry32, type Rng } from '../src/seed/prng.ts';
import { stderrProgress } from '../src/seed/progress.ts';
import { runSeed } from '../src/seed/index.ts';
import { drive, openBenchDb, percentiles, startServer } from './harness.ts';
import type { Bench } from './run.ts';

const CLIENTS = 4;
const GOAL_P95_MS = 25;
/** Share of queries whose first page equals the exhaustive ranking's, per class with words (issue 12). */
const GOAL_RELEVANCE = 0.95;
type Params = Record<string, string>;
const CLASSES = ['one_common_word', 'two_three_words', 'misspelled_word', 'word_two_facets', 'facets_only'] as const;
type QueryClass = (typeof CLASSES)[number];

/** Statements a Queryable ran, in order (to show the replay ran the very statements the API ran). */
function recording(q: Queryable, log: string[]): Queryable {
  return {
    engine: q.engine,
    query: (sql, params, options) => {
      log.push(`${sql}\u0000${JSON.stringify(params ?? [])}`);
      return q.query(sql, params, options);
    },
    exec: (sql) => q.exec(sql),
  };
}

/** One random edit (delete, insert, substitute, transpose) that yields a word the vocabulary does not hold. */
function misspell(rng: Rng, word: string, vocabulary: Set<string>): string | null {
  const letters = 'abcdefghijklmnoprstuwy';
  for (let attempt = 0; attempt < 20; attempt++) {
    const i = rng.int(0, word.length - 1);
    const c = letters[rng.int(0, letters.length - 1)]!;
    const op = rng.int(0, 3);
    const typo =
      op === 0
        ? word.slice(0, i) + word.slice(i + 1)
        : op === 1
          ? word.slice(0, i) + c + word.slice(i)
          : op === 2
            ? word.slice(0, i) + c + word.slice(i + 1)
            : i < word.length - 1
              ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
              : word.slice(0, -1);
    if (typo !== word && typo.length >= 3 && !vocabulary.has(typo)) return typo;
  }
  return null;
}

interface Catalogue {
  words: { word: string; lexeme: string; ndoc: number }[];
  names: string[];
  cities: string[];
  districts: string[];
  categories: string[];
}

async function readCatalogue(db: Db, rng: Rng): Promise<Catalogue> {
  const words = await db.query<{ word: string; lexeme: string; ndoc: number }>(
    'select word, lexeme, ndoc from catalog_term order by ndoc desc, word',
  );
  const [{ hi } = { hi: 0 }] = await db.query<{ hi: number }>('select max(product_id)::int8 as hi from catalog_search');
  const ids = Array.from({ length: 3000 }, () => rng.int(1, hi));
  const names = (
    await db.query<{ name: string }>(
      'select p.name from catalog_search s join product p on p.id = s.product_id where s.product_id = any($1::int8[])',
      [ids],
    )
  ).map((r) => r.name);
  const cities = (
    await db.query<{ code: string }>(
      `select distinct city_code as code from catalog_search where city_code in (select code from region where level = 'city') order by 1`,
    )
  ).map((r) => r.code);
  const districts = (
    await db.query<{ code: string }>(
      `select code from region where level = 'district' and parent_code = any($1::text[]) order by code`,
      [cities],
    )
  ).map((r) => r.code);
  const categories = (await db.query<{ code: string }>('select code from product_category order by code')).map(
    (r) => r.code,
  );
  return { words, names, cities, districts, categories };
}

/** `perClass` distinct queries per class (+ `warm` for warm-up), distinct across the whole run. */
function makeQueries(
  rng: Rng,
  cat: Catalogue,
  perClass: number,
  warm: number,
): { warmup: Params[]; classes: Record<QueryClass, Params[]> } {
  const seen = new Set<string>();
  const take = (gen: () => Params | null, n: number): Params[] => {
    const out: Params[] = [];
    for (let tries = 0; out.length < n && tries < n * 200; tries++) {
      const p = gen();
      if (!p) continue;
      const key = JSON.stringify(Object.entries(p).sort());
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
    if (out.length < n)
      throw new Error(`could only make ${out.length} of ${n} distinct queries: is the catalogue seeded?`);
    return out;
  };
  const vocabulary = new Set(cat.words.map((w) => w.word));
  const byLexeme = new Map<string, string>(); // the most frequent word per stem: "one common word" = one per stem
  for (const w of cat.words) if (!byLexeme.has(w.lexeme) && /^\p{L}+$/u.test(w.word)) byLexeme.set(w.lexeme, w.word);
  const common = [...byLexeme.values()].slice(0, Math.max(perClass + warm, 400));
  const longer = cat.words
    .filter((w) => w.word.length >= 5 && /^\p{L}+$/u.test(w.word))
    .slice(0, 600)
    .map((w) => w.word);
  const facet = (): [string, string] => {
    const k = rng.int(0, 5);
    if (k === 0) return ['city', rng.pick(cat.cities)];
    if (k === 1) return ['district', rng.pick(cat.districts)];
    if (k === 2) return ['category', rng.pick(cat.categories)];
    if (k === 3) return ['halal', rng.chance(0.5) ? 'true' : 'false'];
    if (k === 4) return ['grade', rng.pick(['A', 'B', 'C'])];
    const lo = rng.pick([0, 10_000, 25_000, 50_000, 100_000]);
    return ['priceMin', String(lo)];
  };
  const twoFacets = (): Params | null => {
    const [a, b] = [facet(), facet()];
    if (a[0] === b[0] || (a[0] === 'city' && b[0] === 'district') || (a[0] === 'district' && b[0] === 'city'))
      return null;
    return { [a[0]]: a[1], [b[0]]: b[1] };
  };
  const phrase = (): Params | null => {
    const words = rng
      .pick(cat.names)
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 3);
    const n = rng.int(2, 3);
    if (words.length < n) return null;
    const at = rng.int(0, words.length - n);
    return { q: words.slice(at, at + n).join(' ') };
  };
  // The warm-up runs every kind of statement (words; words with facets; facets alone, each sort), so the measured
  // window sees the server as it runs: connections open, plans kept (src/catalog/search-sql.ts).
  const browse = (): Params | null => {
    const f = twoFacets();
    return f ? { ...f, sort: rng.pick(['newest', 'price_asc', 'price_desc']) } : null;
  };
  const warmup = take(() => [phrase, () => ({ q: rng.pick(longer), ...twoFacets() }), browse][rng.int(0, 2)]!(), warm);
  return {
    warmup,
    classes: {
      one_common_word: take(() => ({ q: rng.pick(common) }), perClass),
      two_three_words: take(phrase, perClass),
      misspelled_word: take(() => {
        const typo = misspell(rng, rng.pick(longer), vocabulary);
        return typo ? { q: typo } : null;
      }, perClass),
      word_two_facets: take(() => {
        const f = twoFacets();
        return f ? { q: rng.pick(common), ...f } : null;
      }, perClass),
      facets_only: take(() => {
        const f = twoFacets();
        return f ? { ...f, sort: rng.pick(['newest', 'newest', 'price_asc', 'price_desc']) } : null;
      }, perClass),
    },
  };
}

/**
 * The first page of the exhaustive ranking: every match ranked by the order migration 0061 defines, computed
 * from the product rows themselves (the name's own words, its grade, description and cover photo) instead of
 * the search tokens and bands the API reads, then sorted whole. Ties: newest listed first, then higher id.
 */
async function exhaustiveFirstPage(db: Queryable, input: SearchQuery, limit: number): Promise<number[]> {
  const terms = await resolveTerms(db, splitWords(input.q));
  const all = toTsquery(terms);
  if (all === null) return [];
  const best = terms.filter((t) => t.lexemes.length).map((t) => t.lexemes[0]!);
  const params: unknown[] = [all, best];
  const facet = (column: string, value: unknown, op = '=') => {
    if (value === undefined) return '';
    params.push(value);
    return ` and s.${column} ${op} $${params.length}`;
  };
  const rows = await db.query<{ product_id: number }>(
    `with m as (
       select s.product_id, s.listed_at, s.tsv, p.description, p.curation_grade,
              array(select n.lexeme from unnest(to_tsvector('indonesian', p.name)) n order by n.positions[1]) as name_words,
              exists (select 1 from product_photo ph where ph.product_id = p.id and ph.position = 0) as cover
       from catalog_search s join product p on p.id = s.product_id
       where s.tsv @@ $1::tsquery${facet('city_code', input.city)}${facet('district_code', input.district)}${facet('category_code', input.category)}${facet('halal', input.halal)}${facet('grade', input.grade)}${facet('size_class', input.sizeClass)}${facet('price', input.priceMin, '>=')}${facet('price', input.priceMax, '<=')}
     )
     select product_id from m
     order by case when name_words @> $2::text[] then (case when name_words[1] = any($2::text[]) then 3 else 2 end)
                   when tsv @@ array_to_string(array(select quote_literal(b) from unnest($2::text[]) b), ' & ')::tsquery then 1
                   else 0 end desc,
              catalog_quality(curation_grade, description, cover) desc, listed_at desc, product_id desc
     limit ${limit}`,
    params,
  );
  return rows.map((r) => r.product_id);
}

function get(agent: http.Agent, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve()
            : reject(new Error(`${res.statusCode} ${url}: ${Buffer.concat(chunks).toString().slice(0, 200)}`)),
        );
      })
      .on('error', reject);
  });
}

const bench: Bench = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      queries: { type: 'string', default: '250' },
      check: { type: 'string', default: '50' },
      seed: { type: 'string' },
    },
  });
  const perClass = Number(values.queries);
  const check = Number(values.check);
  const { db, engine, location } = await openBenchDb();
  let replayDb: Db | undefined;
  try {
    let [{ n: products } = { n: 0 }] = await db.query<{ n: number }>('select count(*)::int8 as n from catalog_search');
    if (products === 0 && values.seed) {
      console.error(`bench search: seeding ${values.seed} members into ${engine} ${location} first`);
      await runSeed(db, { scale: values.seed, progress: (total) => stderrProgress('seed', total) });
      [{ n: products } = { n: 0 }] = await db.query<{ n: number }>('select count(*)::int8 as n from catalog_search');
    }
    if (products === 0)
      throw new Error(
        `no searchable products at ${location}: seed it first (npm run bench -- seed), or pass --seed <members>`,
      );
    console.error(
      `bench search: ${products} searchable products, ${engine} ${location}, ${CLIENTS} clients, load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );

    const rng = mulberry32(20211025);
    const queries = makeQueries(rng, await readCatalogue(db, rng), perClass, 200);
    const apiLog: string[] = [];
    const recorded = recording(db, apiLog);
    const server = await startServer(
      new Proxy(db, {
        get: (target, key) =>
          key === 'query'
            ? recorded.query
            : typeof Reflect.get(target, key) === 'function'
              ? Reflect.get(target, key).bind(target)
              : Reflect.get(target, key),
      }),
    );
    // The replay's own 4 connections (PGlite has one, shared).
    if (engine === 'postgres' && process.env.DATABASE_URL) {
      const { openPostgres } = await import('../src/platform/db/postgres.ts');
      replayDb = await openPostgres(process.env.DATABASE_URL, { max: CLIENTS });
    }
    const replayLog: string[] = [];
    const replay = recording(replayDb ?? db, replayLog);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const url = (p: Params) => `${server.url}/api/catalog/search?${new URLSearchParams(p).toString()}`;

    try {
      await drive({ clients: CLIENTS, count: queries.warmup.length }, (_c, i) => get(agent, url(queries.warmup[i]!)));
      const warmInputs = queries.warmup.map((p) => SearchQuery.parse(p));
      await drive({ clients: CLIENTS, count: warmInputs.length }, (_c, i) => searchProducts(replay, warmInputs[i]!));
      const classes: Record<string, Record<string, number>> = {};
      let goalMet = true;
      let sameSql = true;
      for (const name of CLASSES) {
        const list = queries.classes[name];
        apiLog.length = 0;
        const took: number[] = [];
        const api = await drive({ clients: CLIENTS, count: list.length }, async (_c, i) => {
          const t = performance.now();
          await get(agent, url(list[i]!));
          took[i] = performance.now() - t;
        });
        if (api.errors) throw new Error(`${name}: ${api.errors} HTTP errors, first: ${api.firstError}`);
        replayLog.length = 0;
        const inputs = list.map((p) => SearchQuery.parse(p)); // what the route hands the use case
        const sql = await drive({ clients: CLIENTS, count: list.length }, (_c, i) =>
          searchProducts(replay, inputs[i]!),
        );
        if (sql.errors) throw new Error(`${name}: ${sql.errors} SQL errors, first: ${sql.firstError}`);
        sameSql &&= [...apiLog].sort().join('\n') === [...replayLog].sort().join('\n');
        const a = percentiles(api.latencies);
        const s = percentiles(sql.latencies);
        const met = a.p95 <= GOAL_P95_MS && a.p95 <= Math.max(1.5 * s.p95, s.p95 + 3);
        goalMet &&= met;
        classes[name] = {
          p50_ms: a.p50,
          p95_ms: a.p95,
          sql_p95_ms: s.p95,
          sql_p50_ms: s.p50,
          p99_ms: a.p99,
          queries: list.length,
          per_second: Math.round(api.perSecond),
        };
        if (name !== 'facets_only') {
          // Relevance: the API's first page (the same use case, untimed) against the exhaustive ranking's.
          let same = 0;
          const checked = inputs.slice(0, check);
          for (const input of checked) {
            const page = (await searchProducts(db, input)).items.map((i) => i.id);
            const exact = await exhaustiveFirstPage(db, input, input.limit ?? 20);
            if (JSON.stringify(page) === JSON.stringify(exact)) same++;
            else
              console.error(`    relevance differs: ${new URLSearchParams(list[inputs.indexOf(input)]!).toString()}`);
          }
          goalMet &&= same / checked.length >= GOAL_RELEVANCE;
          Object.assign(classes[name]!, {
            relevance_exact: Math.round((same / checked.length) * 1000) / 1000,
            relevance_checked: checked.length,
          });
          console.error(`    relevance_exact ${same}/${checked.length}`);
        }
        console.error(`  ${name}: p50 ${a.p50} ms, p95 ${a.p95} ms (SQL p95 ${s.p95} ms) ${met ? 'ok' : 'MISSED'}`);
        const slowest = took
          .map((ms, i) => ({ ms, i }))
          .sort((x, y) => y.ms - x.ms)
          .slice(0, 3);
        console.error(
          `    slowest: ${slowest.map((x) => `${Math.round(x.ms)} ms ${new URLSearchParams(list[x.i]!).toString()}`).join('; ')}`,
        );
      }
      return {
        bench: 'search',
        engine,
        products,
        classes,
        clients: CLIENTS,
        distinct_queries: Object.values(queries.classes).reduce((n, l) => n + l.length, 0),
        sample: SAMPLE,
        same_sql: sameSql,
        goal_p95_ms: GOAL_P95_MS,
        goal_relevance_exact: GOAL_RELEVANCE,
        goal_met: engine === 'postgres' ? goalMet : undefined,
        load_average: os.loadavg().map((l) => Math.round(l * 100) / 100),
        location,
      };
    } finally {
      agent.destroy();
      await server.close();
    }
  } finally {
    await replayDb?.close();
    await db.close();
  }
};

export default bench;
