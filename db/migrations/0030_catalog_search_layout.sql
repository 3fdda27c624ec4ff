-- Catalog search at jakarta scale (issue 5, "Speed"): catalog_search laid out again for the sample search reads
-- (src/catalog/search-sql.ts).
--
-- Partitions of halving size. Search reads the first matches in physical order, partition after partition,
-- smallest first, as its sample: a common word's first 500 matches then all lie in p0, which holds 1/32 of the
-- products, so only 1/32 of the word's GIN list is read (with eight equal partitions it was 1/8); a rarer word goes
-- on into p1 (1/32), p2 (1/16), … p5 (1/2). Hash partitions hold a random share of the products each, unrelated to
-- words, places or prices, so the first matches stay a fair sample, and the share a partition holds is exact:
-- 1/modulus. Six partitions instead of eight also means fewer relations to open per statement.
-- PostgreSQL's Append reads hash partitions by modulus, largest share first, so search names them itself in this
-- order; src/catalog/search-sql.ts (PARTITIONS) lists the same names and shares, and a test checks they agree.
--
-- price_band: the price-range facet of each row, stored instead of computed for every sampled row per search.
--
-- The btree indexes carry every facet column (INCLUDE): a price or newest page walks one of them and checks the
-- facets on the index entries alone (index-only), instead of visiting a table page for every product it passes.
alter table catalog_search rename to catalog_search_8;
do $$
begin
  for r in 0..7 loop
    execute format('alter table catalog_search_p%s rename to catalog_search_8_p%s', r, r);
  end loop;
end $$;

create table catalog_search (like catalog_search_8) partition by hash (product_id);
alter table catalog_search add column price_band smallint generated always as (catalog_price_band(price)) stored;
create table catalog_search_p0 partition of catalog_search for values with (modulus 32, remainder 0);
create table catalog_search_p1 partition of catalog_search for values with (modulus 32, remainder 16);
create table catalog_search_p2 partition of catalog_search for values with (modulus 16, remainder 8);
create table catalog_search_p3 partition of catalog_search for values with (modulus 8, remainder 4);
create table catalog_search_p4 partition of catalog_search for values with (modulus 4, remainder 2);
create table catalog_search_p5 partition of catalog_search for values with (modulus 2, remainder 1);

insert into catalog_search select * from catalog_search_8;
drop table catalog_search_8;

-- Built after the rows (faster than row by row). The same names as before: src/catalog/bulk-load.ts drops and
-- rebuilds them from their definitions around a bulk load.
alter table catalog_search add primary key (product_id);
-- fastupdate off: with it, changed rows wait in a pending list that every search reads through until vacuum
-- merges it; curation changes are few, searches many.
create index catalog_search_tsv_idx on catalog_search using gin (tsv) with (fastupdate = off);
create index catalog_search_listed_idx on catalog_search (listed_at, product_id)
  include (city_code, district_code, category_code, grade, halal, size_class, price, channel_e_order, channel_jbl, channel_mall);
-- Browsing a kecamatan newest first (the desk's and the buyer's usual view).
create index catalog_search_district_idx on catalog_search (district_code, listed_at, product_id)
  include (city_code, category_code, grade, halal, size_class, price, channel_e_order, channel_jbl, channel_mall);
create index catalog_search_price_idx on catalog_search (price, product_id)
  include (city_code, district_code, category_code, grade, halal, size_class, channel_e_order, channel_jbl, channel_mall);
-- Prices follow the category (batik dear, snacks cheap): a price page within a category seeks its own range.
create index catalog_search_category_price_idx on catalog_search (category_code, price, product_id)
  include (city_code, district_code, grade, halal, size_class, channel_e_order, channel_jbl, channel_mall);
analyze catalog_search;
