-- Typo correction (src/catalog/search-terms.ts) finds the vocabulary words most similar to a word the catalogue
-- does not hold, by trigram similarity. Computing the trigrams of every vocabulary word for every misspelled word
-- cost ~2 ms a word (the trigram index goes unused on a table this small); the words' trigrams are kept here
-- instead, and only the words sharing a trigram with the typed one are compared. Derived: refreshed with
-- catalog_term (src/catalog/terms.ts).
alter table catalog_term add column trigrams smallint generated always as (cardinality(show_trgm(word))) stored;
create table catalog_term_trigram (
  trigram text not null,
  word text not null references catalog_term (word) on delete cascade,
  primary key (trigram, word)
);
insert into catalog_term_trigram (trigram, word) select distinct unnest(show_trgm(word)), word from catalog_term;
-- The trigram index on the words served the similarity operator, which search no longer uses.
drop index catalog_term_word_trgm_idx;
