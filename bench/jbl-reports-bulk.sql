-- A year of Jumat Beli Lokal at jakarta scale for timing the reports when the generator's seed is not loaded:
-- 52 closed editions, 2,000 sellers, 1,000 line-up items per edition, 520,000 checkouts of 1–3 sellers (about a
-- third live), 1–2 lines each, 8 % of the seller orders expired. Run on an empty migrated database:
--   psql -f bench/jbl-reports-bulk.sql <db>
-- Not used by the tests (they build a small fixture with src/jbl/reports/reports-test-kit.ts).
\set ON_ERROR_STOP on
begin;
select setseed(0.15);
insert into agency (code, name, kind) select 'BJ' || g, 'Dinas Bulk ' || g, 'opd' from generate_series(1, 40) g on conflict do nothing;
insert into owner (full_name, nik_enc, nik_hash, nik_last4, nik_region)
  select 'Pemilik ' || g, '\x00', decode(md5('bulk' || g), 'hex'), lpad((g % 10000)::text, 4, '0'), '317101'
  from generate_series(1, 2000) g;
insert into umkm (owner_id, name, kbli_code, village_code)
  select o.id, 'Usaha Bulk ' || o.id, (select code from kbli where code = '10710'),
         (select code from region where level = 'village' order by code offset (o.id % 200) limit 1)
  from owner o where o.full_name like 'Pemilik %' and not exists (select 1 from umkm u where u.owner_id = o.id);
insert into product (umkm_id, name, category_code, price, unit, status)
  select u.id, 'Produk ' || u.id || '-' || k, (select code from product_category order by code offset (u.id + k) % 6 limit 1),
         10000 + ((u.id * 7 + k) % 20) * 5000, 'pcs', 'published'
  from umkm u cross join generate_series(1, 3) k where u.name like 'Usaha Bulk %';
insert into jbl_edition (friday, held_on, host_region_code, preorder_opens_at, preorder_closes_at, live_starts_at, live_ends_at, status)
  select f::date, f::date, '317' || (1 + (n % 5)), f - interval '4 days 7 hours', f - interval '1 day' + interval '13 hours',
         f + interval '3 hours', f + interval '4 hours', 'closed'
  from (select ('2025-01-03'::timestamptz + (n * interval '7 days')) f, n from generate_series(0, 51) n) x;
insert into jbl_lineup_item (edition_id, product_id, umkm_id, kecamatan_code, category_code, price, stock_initial, stock, held, sold, pick, rotation_round, reason_id, reason_en)
  select e.id, p.id, p.umkm_id, v.parent_code, p.category_code, p.price, 100000, 100000, 0, 0, 'rotation', 1, 'bulk', 'bulk'
  from jbl_edition e
  cross join lateral (select p.* from product p where p.name like 'Produk %' order by (p.id * 31 + e.id * 17) % 6000 limit 1000) p
  join umkm u on u.id = p.umkm_id join region v on v.code = u.village_code;
create temp table b_order as
  select g as n, (select id from jbl_edition order by friday offset (g % 52) limit 1) as edition_id,
         case when g % 5 = 0 then 'asn' when g % 3 = 0 then 'public' else 'guest' end as buyer_kind,
         case when g % 3 = 1 then 'live' else 'preorder' end as session, 1 + (g % 3) as sellers
  from generate_series(1, 520000) g;
insert into account (display_name, email, password_hash)
  select 'ASN ' || g, 'asn' || g || '@bulk.test', 'x' from generate_series(1, 3000) g;
insert into role_grant (account_id, role, scope_kind, scope_id)
  select a.id, 'asn_buyer', 'agency', (select id from agency where code = 'BJ' || (1 + a.id % 40))::text
  from account a where a.email like 'asn%@bulk.test';
insert into jbl_order (number, edition_id, buyer_kind, buyer_account_id, agency_id, buyer_name, tracking_token, session, total, created_at)
  select 'B-' || b.n, b.edition_id, b.buyer_kind,
         case b.buyer_kind when 'guest' then null else a.id end,
         case b.buyer_kind when 'asn' then g.scope_id::bigint end,
         'Pembeli', md5('t' || b.n), b.session, 1, e.live_starts_at - interval '1 hour' * (b.n % 90)
  from b_order b join jbl_edition e on e.id = b.edition_id
  left join lateral (select a.id from account a where a.email = 'asn' || (1 + b.n % 3000) || '@bulk.test') a on true
  left join role_grant g on g.account_id = a.id and g.role = 'asn_buyer';
insert into jbl_child_order (order_id, edition_id, umkm_id, number, status, pickup, total, paid_to, qris_payload, hold_expires_at, paid_at)
  select o.id, o.edition_id, li.umkm_id, o.number || '-' || s,
         case when (o.id + s) % 12 = 0 then 'expired' when (o.id + s) % 3 = 0 then 'handed_over' else 'paid' end,
         'seller', 1, case when li.umkm_id % 2 = 0 then 'aggregator' else 'seller' end, 'x', o.created_at + interval '15 minutes',
         case when (o.id + s) % 12 = 0 then null else o.created_at + interval '5 minutes' end
  from jbl_order o cross join lateral generate_series(1, 1 + (o.id % 3)::int) s
  cross join lateral (select umkm_id from jbl_lineup_item li where li.edition_id = o.edition_id
                      order by li.id offset ((o.id * 7 + s * 101) % 990) limit 1) li
  where o.number like 'B-%';
insert into jbl_order_line (child_order_id, umkm_id, lineup_item_id, product_id, quantity, price, amount)
  select c.id, c.umkm_id, li.id, li.product_id, q, li.price, li.price * q
  from jbl_child_order c cross join lateral generate_series(1, 1 + (c.id % 2)::int) k
  cross join lateral (select li.* from jbl_lineup_item li where li.edition_id = c.edition_id and li.umkm_id = c.umkm_id
                      order by li.id offset (k - 1) limit 1) li
  cross join lateral (select 1 + ((c.id + k) % 4)::int as q) qq
  where c.number like 'B-%';
update jbl_child_order c set total = s.t from (select child_order_id, sum(amount) t from jbl_order_line group by 1) s
  where s.child_order_id = c.id and c.number like 'B-%';
update jbl_order o set total = s.t from (select order_id, sum(total) t from jbl_child_order group by 1) s
  where s.order_id = o.id and o.number like 'B-%';
commit;
analyze;
