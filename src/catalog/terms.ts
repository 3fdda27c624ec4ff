// The catalogue's vocabulary (catalog_term): every word of searchable names, sellers' names and descriptions with
// its Indonesian stem. Typo correction looks a misspelled word up here by trigram similarity, so corrections come
// from the data, never from a hand-written list. Derived data: refresh after loads (the seed does).
import type { Queryable } from '../platform/db/types.ts';

/** Above this many searchable products the words are read from a sample of pages (≈ this many products). */
const FULL_READ_LIMIT = 150_000;

/**
 * Rebuilds catalog_term. At jakarta scale it reads a repeatable page sample (≈ 150,000 products, a few seconds):
 * a word too rare to appear in it is still found by search, it just cannot be a correction. `ndoc` is scaled
 * from the sample. Returns the number of words.
 */
export async function refreshCatalogTerms(q: Queryable): Promise<number> {
  const [size] = await q.query<{ n: number }>('select count(*)::int8 as n from catalog_search');
  const rows = Math.max(size?.n ?? 0, 1);
  const percent = rows > FULL_READ_LIMIT ? (100 * FULL_READ_LIMIT) / rows : 100;
  const sample = percent < 100 ? `tablesample system (${percent.toFixed(3)}) repeatable (20211025)` : '';
  await q.query('delete from catalog_term');
  const [n] = await q.query<{ n: number }>(
    `with words as (
       select distinct s.product_id, w.word
       from catalog_search s ${sample}
       join product p on p.id = s.product_id
       join umkm u on u.id = s.umkm_id
       cross join regexp_split_to_table(lower(p.name || ' ' || u.name || ' ' || p.description), '[^[:alpha:]]+') as w(word)
       where length(w.word) between 3 and 40
     ), counted as (
       select word, count(*) as n from words group by word
     ), added as (
       insert into catalog_term (word, lexeme, ndoc)
       select c.word, l.lexeme, greatest(1, round(c.n * 100.0 / $1))::int
       from counted c
       cross join lateral (select min(x) as lexeme from unnest(tsvector_to_array(to_tsvector('indonesian', c.word))) x) l
       where l.lexeme is not null -- stop words ("dan", "untuk") have no lexeme
       returning 1
     )
     select count(*)::int8 as n from added`,
    [percent],
  );
  // Their trigrams, for typo correction (migration 0031).
  await q.query(
    'insert into catalog_term_trigram (trigram, word) select distinct unnest(show_trgm(word)), word from catalog_term',
  );
  return n?.n ?? 0;
}
