// From the words a buyer typed to a tsquery: each word is stemmed by PostgreSQL's Indonesian stemmer; a word the
// catalogue does not hold is replaced by the most similar words of the catalogue's own vocabulary (trigrams).
import type { Queryable } from '../platform/db/types.ts';

export const MAX_WORDS = 8;

/** Lower-case words of letters and digits, accents folded, duplicates dropped: "Kue-kue" → ["kue"]. */
export function splitWords(text: string | undefined): string[] {
  if (!text) return [];
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && w.length <= 40);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

export type TermStatus = 'known' | 'rare' | 'corrected' | 'unknown' | 'ignored';

export interface ResolvedTerm {
  word: string;
  status: TermStatus;
  /** The lexemes searched for the word (one, or the corrections OR-ed); empty when ignored or unknown. */
  lexemes: string[];
  /** The vocabulary words the corrections came from, for the buyer ("kripik" → "keripik"). */
  searchedAs: string[];
  /** About how many products hold it (the vocabulary's counts; 0 for a word too rare to be in it). */
  products: number;
}

/** How close a vocabulary word must be to count as the intended word (pg_trgm similarity, 0–1). */
const MIN_SIMILARITY = 0.3;

/**
 * Each word's stem; whether the vocabulary holds it (a common word: done); for the others, up to three
 * corrections with distinct stems, and then whether any searchable product holds the word itself (a rare word:
 * kept as typed). Both statements are prepared and take their values through one-row subqueries, so that
 * PostgreSQL keeps one plan for them instead of planning every search (src/catalog/search-sql.ts).
 */
export async function resolveTerms(q: Queryable, words: string[]): Promise<ResolvedTerm[]> {
  if (!words.length) return [];
  const rows = await q.query<{
    word: string;
    lexeme: string | null;
    known: boolean;
    ndoc: number | null;
    corrections: { word: string; lexeme: string; ndoc: number }[] | null;
  }>(
    `with w as (
       select w.ord, w.word, (select min(x) from unnest(tsvector_to_array(to_tsvector('indonesian', w.word))) x) as lexeme
       from unnest((select $1::text[])) with ordinality as w(word, ord)
     ), k as (
       select w.*, (select sum(t.ndoc)::int8 from catalog_term t where t.lexeme = w.lexeme) as ndoc from w
     )
     select k.word, k.lexeme, k.ndoc is not null as known, k.ndoc,
       case when k.lexeme is not null and k.ndoc is null then (
         select json_agg(json_build_object('word', c.word, 'lexeme', c.lexeme, 'ndoc', c.ndoc) order by c.sim desc, c.ndoc desc)
         from (select * from (
                 select distinct on (t.lexeme) t.word, t.lexeme, t.sim, t.ndoc
                 -- pg_trgm's similarity, from the kept trigrams of the words sharing one with the typed word:
                 -- common trigrams / (its trigrams + theirs - common).
                 from (select t.word, t.lexeme, t.ndoc, x.common::float4 / (cardinality(q.trigrams) + t.trigrams - x.common)::float4 as sim
                       from (select show_trgm(k.word) as trigrams) q
                       cross join lateral (select x.word, count(*) as common from catalog_term_trigram x
                                           where x.trigram = any(q.trigrams) group by x.word) x
                       join catalog_term t on t.word = x.word) t
                 where t.sim >= ${MIN_SIMILARITY}
                 order by t.lexeme, t.sim desc, t.ndoc desc) d
               order by d.sim desc, d.ndoc desc limit 3) c
         ) end as corrections
     from k order by k.ord`,
    [words],
    { prepare: true },
  );
  const out: ResolvedTerm[] = [];
  for (const r of rows) {
    if (r.lexeme === null) out.push({ word: r.word, status: 'ignored', lexemes: [], searchedAs: [], products: 0 });
    else if (r.known || (await inCatalogue(q, r.lexeme)))
      out.push({
        word: r.word,
        status: r.known ? 'known' : 'rare',
        lexemes: [r.lexeme],
        searchedAs: [r.word],
        products: r.ndoc ?? 0,
      });
    else if (r.corrections?.length)
      out.push({
        word: r.word,
        status: 'corrected',
        lexemes: r.corrections.map((c) => c.lexeme),
        searchedAs: r.corrections.map((c) => c.word),
        products: r.corrections.reduce((n, c) => n + c.ndoc, 0),
      });
    else out.push({ word: r.word, status: 'unknown', lexemes: [r.lexeme], searchedAs: [r.word], products: 0 });
  }
  return out;
}

async function inCatalogue(q: Queryable, lexeme: string): Promise<boolean> {
  // count(*), not exists(): under "stop at the first match" the planner prefers a sequential scan, which reads the
  // whole table when the word is in no product; a count is planned on the GIN index (a word missing from the
  // vocabulary is rare by construction, src/catalog/terms.ts).
  const [r] = await q.query<{ n: number }>(
    'select count(*)::int8 as n from catalog_search where tsv @@ (select $1::tsquery)',
    [quoteLexeme(lexeme)],
    {
      prepare: true,
    },
  );
  return (r?.n ?? 0) > 0;
}

const quoteLexeme = (l: string) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The tsquery text: every word must match (AND); a corrected word matches any of its corrections (OR). Null when
 * no word is left to search (only stop words).
 */
export function toTsquery(terms: ResolvedTerm[]): string | null {
  const parts = terms
    .filter((t) => t.lexemes.length)
    .map((t) => (t.lexemes.length === 1 ? quoteLexeme(t.lexemes[0]!) : `(${t.lexemes.map(quoteLexeme).join(' | ')})`));
  return parts.length ? parts.join(' & ') : null;
}

/**
 * The text levels of the relevance order (migration 0061), best first, each a tsquery of the rows at that level
 * and no better one: the name holds every word and begins with one; the name holds every word; every word is
 * somewhere; only through a weaker correction. A corrected word counts as its best correction in the first three
 * ("keripek" → keripik), so a weaker one (kering) never outranks the word it corrects.
 */
export function textLevels(terms: ResolvedTerm[]): string[] {
  const best = terms.filter((t) => t.lexemes.length).map((t) => t.lexemes[0]!);
  if (!best.length) return [];
  const names = best.map((l) => quoteLexeme(`~n:${l}`)).join(' & ');
  const first = best.map((l) => quoteLexeme(`~f:${l}`)).join(' | ');
  const anywhere = best.map(quoteLexeme).join(' & ');
  const levels = [`${names} & (${first})`, `${names} & !(${first})`, `${anywhere} & !(${names})`];
  if (terms.some((t) => t.lexemes.length > 1)) levels.push(`(${toTsquery(terms)}) & !(${anywhere})`);
  return levels;
}
