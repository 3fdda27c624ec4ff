-- Procurement (e-Order, channel 1): agencies with their units, budgets and spending outside the platform; plans
-- (RUP packages); orders from a cart, one per seller, through an explicit state machine; BAST numbered without gaps;
-- payments; mandate and money rules as effective-dated data; rollups for the UMK share and payment timeliness,
-- kept by triggers in the same transaction as the change, so the share pages are fresh the moment a payment commits.
-- Rows about one seller carry its umkm_id (the shard key of a national deployment).

-- Agencies (OPD, BUMD; the table exists since 0005) get their payment settings; null = the instance setting.
alter table agency
  add column payment_days_basis text not null default 'calendar' check (payment_days_basis in ('calendar', 'working')),
  add column payment_sla_days integer check (payment_sla_days between 1 and 365);

-- An agency's units (bidang, UPT, suku dinas): orders and the share drill down province → agency → unit.
create table agency_unit (
  id integer generated always as identity primary key,
  agency_id integer not null references agency (id),
  code text not null,
  name text not null,
  unique (agency_id, code)
);
create index agency_unit_agency_idx on agency_unit (agency_id);

-- The officials: an account's role grant (role_grant, scope 'agency') says what it may do; this says where it sits
-- and how it is named in documents (BAST, reports).
create table agency_official (
  account_id bigint not null references account (id),
  agency_id integer not null references agency (id),
  role text not null check (role in ('pa_kpa', 'ppk', 'pejabat_pengadaan', 'bendahara')),
  unit_id integer references agency_unit (id),
  name text not null,
  nip text check (nip ~ '^[0-9]{18}$'), -- Nomor Induk Pegawai (civil servant number)
  primary key (account_id, agency_id, role)
);
create index agency_official_agency_idx on agency_official (agency_id, role);

-- A year's goods-and-services budget (belanja barang dan jasa) of an agency: the plan the share is measured against.
create table agency_budget (
  agency_id integer not null references agency (id),
  year integer not null check (year between 2000 and 2100),
  goods_services_budget bigint not null check (goods_services_budget >= 0),
  primary key (agency_id, year)
);

-- Goods-and-services spending made outside the platform (tender, other catalogues), per agency and month, entered
-- or imported: without it the share would be computed on a flattering denominator. umk_amount is the part of it
-- that went to micro/small businesses and cooperatives.
create table outside_spending (
  agency_id integer not null references agency (id),
  month date not null check (extract(day from month) = 1),
  total_amount bigint not null check (total_amount >= 0),
  umk_amount bigint not null default 0 check (umk_amount >= 0),
  source text not null default 'entered' check (source in ('entered', 'import')),
  reported_at timestamptz not null default now(),
  reported_by bigint references account (id),
  primary key (agency_id, month),
  check (umk_amount <= total_amount)
);

-- A seller's tax standing for withholding (owned here: registry records the business, procurement how it is taxed).
create table seller_tax_profile (
  umkm_id bigint primary key references umkm (id),
  pkp boolean not null default false, -- Pengusaha Kena Pajak: charges PPN
  pp55_certificate_until date, -- holds a PP 55/2022 final-rate certificate (surat keterangan) until this day
  updated_at timestamptz not null default now()
);

-- Procurement plan packages (RUP, from SiRUP or entered). Reserved for micro/small and cooperatives up to the
-- effective threshold unless exempted with a recorded reason (checked by the use case against the setting).
create table procurement_package (
  id integer generated always as identity primary key,
  rup_code text not null unique, -- Kode RUP: the national id, the key of idempotent re-import
  agency_id integer not null references agency (id),
  unit_id integer references agency_unit (id),
  year integer not null check (year between 2000 and 2100),
  name text not null check (length(name) between 1 and 500),
  pagu bigint not null check (pagu >= 0), -- budget ceiling, whole rupiah
  kind text not null check (kind in ('barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya')),
  supply text not null default 'penyedia' check (supply in ('penyedia', 'swakelola')),
  method text not null check (method in ('e_purchasing', 'pengadaan_langsung', 'penunjukan_langsung', 'tender', 'tender_cepat', 'seleksi', 'dikecualikan')),
  category_code text references product_category (code),
  kbli_codes text[] not null default '{}',
  region_code text references region (code), -- the kota where the work is done; null: province-wide
  funding_source text not null default 'APBD',
  selection_from date, -- Waktu Pemilihan
  selection_to date,
  execution_from date, -- Waktu Pelaksanaan
  execution_to date,
  reserved_small boolean not null, -- Usaha Kecil/Koperasi
  reservation_exempt_reason text, -- why a package under the threshold is not reserved
  domestic boolean not null default true, -- Produk Dalam Negeri
  status text not null default 'planned' check (status in ('planned', 'assigned', 'ready', 'closed')),
  pa_account_id bigint references account (id), -- who assigned it
  ppk_account_id bigint references account (id),
  pp_account_id bigint references account (id), -- Pejabat Pengadaan
  assigned_at timestamptz,
  ready_at timestamptz,
  delivery_address text,
  source text not null default 'entered' check (source in ('entered', 'sirup_import', 'seed')),
  created_at timestamptz not null default now()
);
create index procurement_package_agency_idx on procurement_package (agency_id, year, status);
create index procurement_package_open_idx on procurement_package (selection_from) where status <> 'closed';

-- Documents the PPK attaches to a package (KAK/spesifikasi, HPS, SPK template).
create table package_document (
  id integer generated always as identity primary key,
  package_id integer not null references procurement_package (id),
  kind text not null check (kind in ('kak', 'hps', 'spk', 'other')),
  file_name text not null,
  path text not null, -- under PL_UPLOAD_DIR (platform/files.ts)
  mime text not null,
  uploaded_by bigint not null references account (id),
  uploaded_at timestamptz not null default now()
);
create index package_document_package_idx on package_document (package_id);

-- The Pejabat Pengadaan's cart for a package: curated products of any sellers, before the order is placed.
create table cart_line (
  package_id integer not null references procurement_package (id),
  product_id bigint not null references product (id),
  quantity integer not null check (quantity between 1 and 1000000),
  added_by bigint not null references account (id),
  added_at timestamptz not null default now(),
  primary key (package_id, product_id)
);

-- Mandate and money rules as data: each version holds from effective_from until the next version of the same code
-- (or effective_to). kind: 'mandate' (who must be bought from), 'advance' (advance payment bands), 'tax' (withholding).
-- params are read by one engine (src/procurement/rules/); no dated if-statements in code.
create table procurement_rule (
  code text not null,
  effective_from date not null,
  effective_to date,
  kind text not null check (kind in ('mandate', 'advance', 'tax')),
  params jsonb not null,
  title_id text not null,
  title_en text not null,
  source text, -- legal basis
  primary key (code, effective_from)
);

-- A written justification for breaking a mandate rule on one package, approved (or not) by the PA/KPA.
create table mandate_exception (
  id integer generated always as identity primary key,
  package_id integer not null references procurement_package (id),
  rule_code text not null,
  rule_effective_from date not null,
  justification text not null check (length(justification) between 20 and 4000),
  status text not null default 'requested' check (status in ('requested', 'approved', 'rejected')),
  requested_by bigint not null references account (id),
  requested_at timestamptz not null default now(),
  decided_by bigint references account (id),
  decided_at timestamptz,
  decision_note text,
  foreign key (rule_code, rule_effective_from) references procurement_rule (code, effective_from)
);
create unique index mandate_exception_open_idx on mandate_exception (package_id, rule_code) where status <> 'rejected';

-- One placement of a cart: linked orders, one per seller.
create table order_group (
  id bigint generated always as identity primary key,
  package_id integer not null references procurement_package (id),
  agency_id integer not null references agency (id),
  placed_by bigint not null references account (id),
  placed_at timestamptz not null default now()
);
create index order_group_package_idx on order_group (package_id);

-- An e-Order order to one seller. Status moves only along the transitions of src/procurement/order-states.ts.
-- counts_umk is fixed at placement: the seller was micro/small or a cooperative then (the BPPBJ numerator).
create table eorder (
  id bigint generated always as identity primary key,
  group_id bigint not null references order_group (id),
  package_id integer not null references procurement_package (id),
  agency_id integer not null references agency (id),
  unit_id integer references agency_unit (id),
  umkm_id bigint not null references umkm (id), -- the seller
  seller_kind text not null, -- umkm.kind at placement
  seller_size text, -- umkm.size_class at placement
  counts_umk boolean not null,
  status text not null default 'placed'
    check (status in ('placed', 'accepted', 'declined', 'delivered', 'received', 'paid', 'closed', 'cancelled')),
  total bigint not null check (total > 0), -- the contract value the agency pays, tax included (whole rupiah)
  money jsonb not null, -- which rule gave which amount (src/procurement/rules/money.ts): taxes, advance ceiling
  delivery_address text not null,
  placed_at timestamptz not null default now(),
  accepted_at timestamptz,
  declined_at timestamptz,
  decline_reason text,
  delivered_at timestamptz,
  received_at timestamptz, -- BAST signed
  bast_year integer,
  bast_seq integer,
  bast_number text,
  bast_by bigint references account (id),
  due_date date, -- expected payment day: BAST + SLA (calendar or working days of the agency)
  paid_amount bigint not null default 0, -- cash paid plus tax withheld, so far
  paid_at timestamptz, -- when it was paid in full
  payment_days integer, -- BAST → paid in full, in the agency's day basis
  closed_at timestamptz,
  cancelled_at timestamptz,
  unique (agency_id, bast_year, bast_seq),
  check (paid_amount between 0 and total)
);
create index eorder_group_idx on eorder (group_id);
create index eorder_agency_idx on eorder (agency_id, status, placed_at desc);
create index eorder_seller_idx on eorder (umkm_id, placed_at desc);
create index eorder_package_idx on eorder (package_id);
create index eorder_unpaid_idx on eorder (agency_id, due_date) where status = 'received';

create table eorder_line (
  order_id bigint not null references eorder (id),
  line_no integer not null,
  umkm_id bigint not null references umkm (id),
  product_id bigint not null references product (id),
  name text not null,
  unit text not null,
  quantity integer not null check (quantity > 0),
  unit_price bigint not null check (unit_price > 0),
  amount bigint not null check (amount > 0),
  primary key (order_id, line_no)
);

-- Gapless BAST numbers per agency and year: the counter row is locked by the signing transaction.
create table bast_counter (
  agency_id integer not null references agency (id),
  year integer not null,
  last integer not null default 0,
  primary key (agency_id, year)
);

-- Payments of an order: a transfer recorded with its proof, or an autodebit the Bendahara requests and the PA/KPA
-- approves. amount is cash to the seller; tax_withheld what the Bendahara keeps back and pays to the state.
create table eorder_payment (
  id bigint generated always as identity primary key,
  order_id bigint not null references eorder (id),
  umkm_id bigint not null references umkm (id),
  kind text not null check (kind in ('transfer', 'autodebit')),
  stage text not null default 'final' check (stage in ('advance', 'final')),
  status text not null check (status in ('requested', 'paid', 'rejected')),
  amount bigint not null check (amount >= 0),
  tax_withheld bigint not null default 0 check (tax_withheld >= 0),
  tax_lines jsonb not null default '[]',
  reference text, -- bank reference
  proof_path text, -- transfer proof under PL_UPLOAD_DIR
  tax_slip_path text, -- bukti potong
  requested_by bigint not null references account (id),
  requested_at timestamptz not null default now(),
  approved_by bigint references account (id),
  paid_at timestamptz,
  check (amount + tax_withheld > 0)
);
create index eorder_payment_order_idx on eorder_payment (order_id);
create index eorder_payment_seller_idx on eorder_payment (umkm_id, paid_at desc);

-- ─── Rollups, kept by triggers ─────────────────────────────────────────────────────────────────────────────────
-- The share per agency, unit (0 = none) and month (WIB), split by whether the seller counts as UMK.
-- committed: value of orders accepted that month (declined/cancelled never count); realised: payments that month.
create table share_month (
  agency_id integer not null,
  unit_id integer not null default 0,
  month date not null,
  umk boolean not null,
  committed bigint not null default 0,
  realised bigint not null default 0,
  orders integer not null default 0,
  primary key (agency_id, unit_id, month, umk)
);

-- The same by the seller's kecamatan, for the map of where the money went.
create table share_district_month (
  district_code text not null,
  month date not null,
  umk boolean not null,
  committed bigint not null default 0,
  realised bigint not null default 0,
  primary key (district_code, month, umk)
);

-- Payment days of orders paid in full, counted per agency, year (WIB, of payment) and number of days: the median
-- and the share within SLA come from these counts without reading the orders.
create table payment_days_count (
  agency_id integer not null,
  year integer not null,
  days integer not null,
  within_sla boolean not null,
  n integer not null default 0,
  primary key (agency_id, year, days, within_sla)
);

create function wib_month(t timestamptz) returns date language sql immutable
  as $$ select date_trunc('month', t at time zone 'Asia/Jakarta')::date $$;

-- Today in Jakarta: due dates and overdue days are WIB days (the session's time zone is UTC).
create function wib_today() returns date language sql stable
  as $$ select (now() at time zone 'Asia/Jakarta')::date $$;

create function procurement_share_add(o eorder, committed bigint, realised bigint, at timestamptz, n integer)
returns void language plpgsql as $$
declare
  d text;
begin
  insert into share_month as s (agency_id, unit_id, month, umk, committed, realised, orders)
  values (o.agency_id, coalesce(o.unit_id, 0), wib_month(at), o.counts_umk, committed, realised, n)
  on conflict (agency_id, unit_id, month, umk) do update
    set committed = s.committed + excluded.committed, realised = s.realised + excluded.realised, orders = s.orders + excluded.orders;
  select v.parent_code into d from umkm u join region v on v.code = u.village_code where u.id = o.umkm_id;
  if d is not null then
    insert into share_district_month as s (district_code, month, umk, committed, realised)
    values (d, wib_month(at), o.counts_umk, committed, realised)
    on conflict (district_code, month, umk) do update
      set committed = s.committed + excluded.committed, realised = s.realised + excluded.realised;
  end if;
end $$;

-- Commitment: an order counts from acceptance, in the month it was accepted, and stops counting if cancelled later.
-- Realisation: paid_amount growing (payments post through it) counts in the month of the change.
-- Timeliness: the order's payment_days, once set, is counted once.
create function procurement_order_rollup() returns trigger language plpgsql as $$
declare
  was_committed boolean := tg_op = 'UPDATE' and old.accepted_at is not null and old.status not in ('declined', 'cancelled', 'placed');
  is_committed boolean := new.accepted_at is not null and new.status not in ('declined', 'cancelled', 'placed');
  sla integer;
begin
  if is_committed and not was_committed then
    perform procurement_share_add(new, new.total, 0, new.accepted_at, 1);
  elsif was_committed and not is_committed then
    perform procurement_share_add(old, -old.total, 0, old.accepted_at, -1);
  end if;
  if new.paid_amount <> coalesce(case when tg_op = 'UPDATE' then old.paid_amount end, 0) then
    perform procurement_share_add(new, 0, new.paid_amount - coalesce(case when tg_op = 'UPDATE' then old.paid_amount end, 0),
                                  coalesce(new.paid_at, now()), 0);
  end if;
  if new.payment_days is not null and (tg_op = 'INSERT' or old.payment_days is null) then
    select coalesce(a.payment_sla_days, (select (value #>> '{}')::integer from setting
                                          where key = 'procurement.payment_sla_days' and effective_from <= new.received_at::date
                                          order by effective_from desc limit 1), 30)
      into sla from agency a where a.id = new.agency_id;
    insert into payment_days_count as c (agency_id, year, days, within_sla, n)
    values (new.agency_id, extract(year from new.paid_at at time zone 'Asia/Jakarta')::integer, new.payment_days,
            new.payment_days <= sla, 1)
    on conflict (agency_id, year, days, within_sla) do update set n = c.n + 1;
  end if;
  return null;
end $$;

create trigger eorder_rollup after insert or update on eorder
  for each row execute function procurement_order_rollup();

-- The instance's defaults for payment timeliness and the OCDS identifier prefix (another instance: other data).
insert into setting (key, effective_from, value, source) values
  ('procurement.payment_sla_days', '2021-01-01', '30', 'Permendagri 77/2020: pembayaran paling lambat 30 hari (praktik); UK Prompt Payment'),
  ('procurement.ocds_prefix', '2021-01-01', '"ocds-pl31-"', 'Pasar Lokal instance of DKI Jakarta (register a prefix with OCP before publishing)'),
  ('procurement.share_grades', '2021-01-01',
   '[{"grade":"A+","min":1.2},{"grade":"A","min":1.0},{"grade":"B","min":0.9},{"grade":"C","min":0.8},{"grade":"D","min":0.7},{"grade":"F","min":0}]',
   'US SBA procurement scorecard: share of goal achieved')
on conflict do nothing;

-- The rules in force for DKI Jakarta (the engine reads params; the texts explain them to people).
insert into procurement_rule (code, effective_from, kind, params, title_id, title_en, source) values
  ('meeting_food_curated_jakpreneur', '2020-01-01', 'mandate',
   '{"when": {"category_is_food": true}, "seller": {"kinds": ["jakpreneur"], "curated_for": "e_order"}}',
   'Makanan dan minuman rapat wajib dibeli dari UMKM Jakpreneur yang terkurasi',
   'Meeting food and drink must be bought from curated Jakpreneur UMKM',
   'Ingub DKI 2020 tentang e-Order (BPPBJ)'),
  ('reserved_package_small', '2021-02-02', 'mandate',
   '{"when": {"package_reserved": true}, "seller": {"sizes": ["micro", "small"], "kinds_always": ["cooperative"]}}',
   'Paket yang dicadangkan hanya untuk usaha mikro/kecil dan koperasi',
   'A reserved package goes to micro/small businesses or cooperatives',
   'Perpres 12/2021 Pasal 65 ayat (2)'),
  ('advance_payment_small', '2021-02-02', 'advance',
   '{"sizes": ["micro", "small"], "kinds_always": ["cooperative"], "bands": [{"up_to": 50000000, "share": 1.0}, {"up_to": 200000000, "share": 0.5}, {"up_to": null, "share": 0.3}]}',
   'Uang muka untuk usaha mikro/kecil: < Rp50 juta penuh, Rp50–200 juta 50%, di atasnya 30%',
   'Advance payment for micro/small: under Rp50m in full, Rp50–200m 50%, above 30%',
   'PP 7/2021 (band di atas Rp200 juta belum pasti: dapat diatur)'),
  ('tax_withholding', '2025-01-01', 'tax',
   '{"ppn": {"rate": 0.11, "pkp_only": true, "basis": "included"}, "pph22": {"rate": 0.015, "on": "barang", "above": 2000000}, "pph23": {"rate": 0.02, "on": "jasa", "above": 0}, "pp55": {"rate": 0.005, "replaces": ["pph22", "pph23"]}, "rounding": "floor"}',
   'Potongan pajak: PPN bila PKP, PPh 22 barang di atas Rp2 juta, PPh 23 jasa, tarif final PP 55/2022 bila punya surat keterangan',
   'Tax withholding: PPN if PKP, PPh 22 on goods above Rp2m, PPh 23 on services, PP 55/2022 final rate with a certificate',
   'UU HPP 7/2021 (PPN 12% × DPP 11/12), PMK 34/2017 (PPh 22), UU PPh Pasal 23, PP 55/2022')
on conflict do nothing;
