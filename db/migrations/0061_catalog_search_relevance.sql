-- Catalog search relevance (issue 12, item 6): the ranking buyers need, exact, and found without ranking every
-- match. src/catalog/search-sql.ts (relevancePage) reads it; bench/search.ts checks it against an exhaustive sort.
--
-- The order of a search by words:
--   1. how the words match (the text level):
--        3  the name holds every word and begins with one of them ("Kopi Robusta" for "kopi"),
--        2  the name holds every word ("Sabun Kopi"),
--        1  every word is somewhere: name, seller's name or description,
--        0  only through a weaker correction of a misspelt word ("keripek" → keripik first, kering after);
--   2. the product's quality, 1–6 points: the kurator's grade (A or ungraded 3 — grades are for food and drink
--      only —, B 2, C 1), a cover photo (2), a description of at least 100 characters (1);
--   3. freshness: the newest in the catalogue first (listed_at), then the higher product id.
-- Both 1 and 2 become tokens of the search vector, so that one GIN scan finds each (level, quality) band
-- exactly, best band first, and only the rows of the bands the page reaches are sorted:
--   '~n:<lexeme>'  every word of the name (weights cannot be used: a weighted query needs the row itself
--                  rechecked, for every candidate; a token is decided in the index),
--   '~f:<lexeme>'  the name's first word,
--   '~q:<points>'  the quality.

-- The quality points of a product, the one definition (the view below; the benchmark's exhaustive ranking).
create function catalog_quality(grade text, description text, has_cover boolean) returns smallint
  language sql immutable parallel safe
  return (case grade when 'B' then 2 when 'C' then 1 else 3 end)
         + (case when has_cover then 2 else 0 end)
         + (case when char_length(description) >= 100 then 1 else 0 end);

-- The name's tokens: each of its words as '~n:…' and the first as '~f:…' (empty for a name of stop words only).
create function catalog_name_tokens(name text) returns tsvector language sql immutable parallel safe
  return coalesce((
    select array_to_tsvector(array_agg('~n:' || n.lexeme) || ('~f:' || (array_agg(n.lexeme order by n.positions[1]))[1]))
    from unnest(to_tsvector('indonesian', name)) n having count(*) > 0), ''::tsvector);

create or replace view catalog_search_source as
select p.id as product_id, p.umkm_id,
       setweight(to_tsvector('indonesian', p.name), 'A') || setweight(to_tsvector('indonesian', u.name), 'B')
         || setweight(to_tsvector('indonesian', p.description), 'D')
         || catalog_name_tokens(p.name)
         || array_to_tsvector(array_remove(array[
              '~c:' || d.parent_code, '~d:' || v.parent_code, '~k:' || p.category_code, '~g:' || p.curation_grade,
              '~h:' || p.halal::int, '~s:' || u.size_class, '~p:' || catalog_price_band(p.price),
              case when p.channel_e_order then '~ch:e_order' end, case when p.channel_jbl then '~ch:jbl' end,
              case when p.channel_mall then '~ch:mall' end,
              '~q:' || catalog_quality(p.curation_grade, p.description,
                                       exists (select 1 from product_photo ph where ph.product_id = p.id and ph.position = 0))], null)) as tsv,
       d.parent_code as city_code, v.parent_code as district_code, p.category_code, p.curation_grade as grade,
       p.halal, u.size_class, p.price, p.curated_at as listed_at, p.channel_e_order, p.channel_jbl, p.channel_mall
from product p
join umkm u on u.id = p.umkm_id
join region v on v.code = u.village_code
join region d on d.code = v.parent_code
where p.status = 'published' and p.curation_status = 'curated' and u.status = 'active';

-- A cover photo added, moved or removed changes the quality.
create function catalog_search_photo_changed() returns trigger language plpgsql as $$
begin
  perform catalog_search_sync(array(select distinct product_id from changed));
  return null;
end $$;
create trigger catalog_search_photo_inserted after insert on product_photo
  referencing new table as changed for each statement execute function catalog_search_photo_changed();
create trigger catalog_search_photo_updated after update on product_photo
  referencing new table as changed for each statement execute function catalog_search_photo_changed();
create trigger catalog_search_photo_deleted after delete on product_photo
  referencing old table as changed for each statement execute function catalog_search_photo_changed();

-- Every search row again, in product order (the sample reads rows in the order they were added), indexes built
-- after the rows as migration 0030 does: at jakarta scale, row by row GIN updates would take far longer.
drop index catalog_search_tsv_idx, catalog_search_listed_idx, catalog_search_district_idx, catalog_search_price_idx,
  catalog_search_category_price_idx;
alter table catalog_search drop constraint catalog_search_pkey;
truncate catalog_search;
insert into catalog_search select * from catalog_search_source order by product_id;
alter table catalog_search add primary key (product_id);
create index catalog_search_tsv_idx on catalog_search using gin (tsv) with (fastupdate = off);
create index catalog_search_listed_idx on catalog_search (listed_at, product_id)
  include (city_code, district_code, category_code, grade, halal, size_class, price, channel_e_order, channel_jbl, channel_mall);
create index catalog_search_district_idx on catalog_search (district_code, listed_at, product_id)
  include (city_code, category_code, grade, halal, size_class, price, channel_e_order, channel_jbl, channel_mall);
create index catalog_search_price_idx on catalog_search (price, product_id)
  include (city_code, district_code, category_code, grade, halal, size_class, channel_e_order, channel_jbl, channel_mall);
create index catalog_search_category_price_idx on catalog_search (category_code, price, product_id)
  include (city_code, district_code, grade, halal, size_class, channel_e_order, channel_jbl, channel_mall);
analyze catalog_search;
