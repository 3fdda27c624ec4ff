-- The UMK share pages (src/procurement/share/): the target the share is graded against, as an effective-dated
-- setting, and the index the drill-down's order list reads (an agency's orders accepted in one month).
insert into setting (key, effective_from, value, source) values
  ('procurement.share_target', '2021-02-02', '0.40',
   'Perpres 16/2018 sebagaimana diubah Perpres 12/2021 Pasal 65 ayat (4): paling sedikit 40% nilai anggaran belanja barang/jasa untuk usaha mikro, usaha kecil dan koperasi')
on conflict do nothing;

create index if not exists eorder_agency_accepted_idx on eorder (agency_id, accepted_at) where accepted_at is not null;

-- The overdue list, most overdue first across the province: unpaid orders by due date.
create index if not exists eorder_unpaid_due_idx on eorder (due_date, id) where status = 'received';
