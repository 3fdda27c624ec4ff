-- Jumat Beli Lokal (issue 15, item 2): the line-up's fair rotation and the city office's picks.
--
-- A kota's sellers take turns in rounds: a round ends when every eligible seller of the kota has been featured once,
-- and nobody is featured in round r+1 before everyone had their turn in round r. The round a rotation pick belongs to
-- is kept on the item (null for the city office's picks, which are outside the rotation), so the next build reads
-- where the kota's rotation stands from the line-ups themselves.
alter table jbl_lineup_item add column rotation_round integer check (rotation_round >= 1);
alter table jbl_lineup_item add constraint jbl_lineup_item_round_pick check ((pick = 'rotation') = (rotation_round is not null));
create index jbl_lineup_item_round_idx on jbl_lineup_item (umkm_id, rotation_round) where removed_at is null;

-- The city office's own picks per edition, on top of the kecamatan quotas (DOMAIN §4: 30 per kecamatan + 10).
insert into setting (key, effective_from, value, source) values
  ('jbl.city_picks', '2021-09-10', '10', 'Jumat Beli Lokal: produk pilihan kantor kota per edisi, di luar kuota kecamatan')
on conflict (key, effective_from) do nothing;
