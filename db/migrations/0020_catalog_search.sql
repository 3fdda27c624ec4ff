-- Catalog search: what search needs from curation, the search table of searchable products kept in step by
-- triggers, and the vocabulary that typo correction draws from.

-- Curation as search reads it. The curation workflow (calls, steps, rubric scores, certificates) keeps its own
-- history in its own tables and writes the outcome here: status, the kurator's grade (food and drink only),
-- when it became curated, and the channels the product may be sold in (from the calls it passed).
alter table product
  add column curation_status text not null default 'none'
    check (curation_status in ('none', 'submitted', 'verified', 'validated', 'curated', 'rejected')),
  add column curation_grade text check (curation_grade in ('A', 'B', 'C')),
  add column curated_at timestamptz,
  -- The channels it may be sold in: government purchases (e-Order, BPPBJ), Jumat Beli Lokal, UMKM Goes To Mall.
  add column channel_e_order boolean not null default false,
  add column channel_jbl boolean not null default false,
  add column channel_mall boolean not null default false,
  add constraint product_curation_outcome check (
    curation_status = 'curated' and curated_at is not null
    or curation_status <> 'curated' and curation_grade is null and curated_at is null
  );

-- Price-range facet bands in rupiah (src/catalog/search-sql.ts labels them): 0 = below Rp10.000, 1 = 10.000–24.999,
-- …, 6 = Rp1.000.000 and more.
create function catalog_price_band(price bigint) returns integer language sql immutable parallel safe
  return width_bucket(price, array[10000, 25000, 50000, 100000, 250000, 1000000]::bigint[]);

-- One row per searchable product: published, curated, of an active member. Narrow on purpose (no names: the
-- page joins product for its 20 rows), with the seller's region and size class copied in, so a search never
-- joins 1.4M rows. Derived data, kept in step by the triggers below.
-- Search reads the first matches in physical order, partition by partition, as its sample for ranking and facet
-- counts (src/catalog/search-sql.ts). Hash partitions make that cheap: a common word's 1,000 first matches all
-- lie in the first partition, so only its GIN lists (an eighth of the word's) are read; a rare one reads all.
create table catalog_search (
  product_id bigint primary key, -- product (id); no foreign key, so the backup's table-by-table restore and TRUNCATE product
                                 -- need not know about this derived table: the triggers below clean up instead
  umkm_id bigint not null,
  -- Words: name (weight A), seller's name (B), description (D), Indonesian stemmer. Plus one token per facet value
  -- ('~c:3171' kota, '~d:317101' kecamatan, '~k:kue-roti' category, '~g:A' grade, '~h:1' halal, '~s:micro' size
  -- class, '~p:2' price band, '~ch:jbl' channel): the parser never makes a word starting with '~', and one GIN scan then intersects
  -- words and facets, rarest list first, instead of AND-ing bitmaps of 200,000-row btree ranges.
  tsv tsvector not null,
  city_code text not null, -- kota/kabupaten
  district_code text not null, -- kecamatan
  category_code text not null,
  grade text, -- A/B/C (food and drink), null otherwise
  halal boolean not null,
  size_class text,
  price bigint not null,
  listed_at timestamptz not null, -- when it entered the curated catalogue ("newest")
  channel_e_order boolean not null,
  channel_jbl boolean not null,
  channel_mall boolean not null
) partition by hash (product_id);
do $$
begin
  for r in 0..7 loop
    execute format('create table catalog_search_p%s partition of catalog_search for values with (modulus 8, remainder %s)', r, r);
  end loop;
end $$;
create index catalog_search_tsv_idx on catalog_search using gin (tsv);
create index catalog_search_price_idx on catalog_search (price, product_id);
create index catalog_search_listed_idx on catalog_search (listed_at, product_id);
-- Browsing a kecamatan newest first (the desk's and the buyer's usual view); other facets are checked along the
-- walk, or found through their tokens in the GIN index.
create index catalog_search_district_idx on catalog_search (district_code, listed_at, product_id);
-- Prices follow the category (batik dear, snacks cheap): a price page within a category seeks its own range.
create index catalog_search_category_price_idx on catalog_search (category_code, price, product_id);

-- The one definition of a searchable product and its search row; the triggers read it.
create view catalog_search_source as
select p.id as product_id, p.umkm_id,
       setweight(to_tsvector('indonesian', p.name), 'A') || setweight(to_tsvector('indonesian', u.name), 'B')
         || setweight(to_tsvector('indonesian', p.description), 'D')
         || array_to_tsvector(array_remove(array[
              '~c:' || d.parent_code, '~d:' || v.parent_code, '~k:' || p.category_code, '~g:' || p.curation_grade,
              '~h:' || p.halal::int, '~s:' || u.size_class, '~p:' || catalog_price_band(p.price),
              case when p.channel_e_order then '~ch:e_order' end, case when p.channel_jbl then '~ch:jbl' end,
              case when p.channel_mall then '~ch:mall' end], null)) as tsv,
       d.parent_code as city_code, v.parent_code as district_code, p.category_code, p.curation_grade as grade,
       p.halal, u.size_class, p.price, p.curated_at as listed_at, p.channel_e_order, p.channel_jbl, p.channel_mall
from product p
join umkm u on u.id = p.umkm_id
join region v on v.code = u.village_code
join region d on d.code = v.parent_code
where p.status = 'published' and p.curation_status = 'curated' and u.status = 'active';

create function catalog_search_sync(ids bigint[]) returns void language plpgsql as $$
begin
  delete from catalog_search where product_id = any(ids);
  insert into catalog_search select * from catalog_search_source where product_id = any(ids);
end $$;

-- New products: one set-based insert per statement (a bulk load inserts thousands per statement).
create function catalog_search_product_inserted() returns trigger language plpgsql as $$
begin
  perform catalog_search_sync(array(select id from inserted where status = 'published' and curation_status = 'curated'));
  return null;
end $$;
create trigger catalog_search_product_inserted after insert on product
  referencing new table as inserted for each statement execute function catalog_search_product_inserted();

-- Changed products: only when something search shows changed (a stock decrement does not touch the index).
create function catalog_search_product_changed() returns trigger language plpgsql as $$
begin
  perform catalog_search_sync(array[new.id]);
  return null;
end $$;
create trigger catalog_search_product_changed after update on product for each row
  when ((old.status, old.curation_status, old.curation_grade, old.curated_at, old.channel_e_order, old.channel_jbl, old.channel_mall, old.name, old.description,
         old.category_code, old.halal, old.price, old.umkm_id)
        is distinct from
        (new.status, new.curation_status, new.curation_grade, new.curated_at, new.channel_e_order, new.channel_jbl, new.channel_mall, new.name, new.description,
         new.category_code, new.halal, new.price, new.umkm_id))
  execute function catalog_search_product_changed();

-- Deleted or truncated products leave search with them.
create function catalog_search_product_deleted() returns trigger language plpgsql as $$
begin
  delete from catalog_search where product_id = old.id;
  return null;
end $$;
create trigger catalog_search_product_deleted after delete on product for each row execute function catalog_search_product_deleted();
create function catalog_search_product_truncated() returns trigger language plpgsql as $$
begin
  truncate catalog_search;
  return null;
end $$;
create trigger catalog_search_product_truncated after truncate on product for each statement execute function catalog_search_product_truncated();

-- A member leaving (inactive), moving, renamed or changing size class: all its products follow.
create function catalog_search_member_changed() returns trigger language plpgsql as $$
begin
  perform catalog_search_sync(array(select id from product where umkm_id = new.id));
  return null;
end $$;
create trigger catalog_search_member_changed after update on umkm for each row
  when ((old.status, old.name, old.village_code, old.size_class) is distinct from (new.status, new.name, new.village_code, new.size_class))
  execute function catalog_search_member_changed();

-- The catalogue's own words, for typo correction: each word seen in searchable names, sellers' names and
-- descriptions, its Indonesian stem (lexeme) and in how many products it appears (estimated from a sample at
-- jakarta scale). Derived: refreshed after loads by refreshCatalogTerms (src/catalog/terms.ts).
create table catalog_term (
  word text primary key,
  lexeme text not null,
  ndoc integer not null
);
create index catalog_term_word_trgm_idx on catalog_term using gin (word gin_trgm_ops);
create index catalog_term_lexeme_idx on catalog_term (lexeme, ndoc);

-- Existing curated products (none before this migration, but a restored or imported database may hold some).
insert into catalog_search select * from catalog_search_source;
