-- Procurement plans (issue 14, items 1–2): the reservation threshold for small businesses as an effective-dated
-- setting, and the column mapping each agency last confirmed for a SiRUP export (exports differ between SiRUP
-- versions, so the next file of the same shape is mapped without asking again).

insert into setting (key, effective_from, value, source) values
  ('procurement.reservation_threshold', '2021-02-02', '15000000000',
   'Perpres 12/2021 Pasal 65 ayat (2)/(4) [≤ Rp15 miliar]')
on conflict do nothing;

create table sirup_import_mapping (
  agency_id integer primary key references agency (id),
  mapping jsonb not null, -- our field → the header of the file's column
  updated_by bigint references account (id),
  updated_at timestamptz not null default now()
);

-- Opportunities are listed by category and kota among packages still open.
create index procurement_package_category_idx on procurement_package (category_code) where status <> 'closed';
