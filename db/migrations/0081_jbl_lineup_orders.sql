-- Jumat Beli Lokal (issue 15, items 2-5): the line-up of an edition with the stock each seller brings to it, the
-- storefront's orders (one parent per checkout, one child per seller), stock holds that expire, and payments by QRIS.

insert into setting (key, effective_from, value, source) values
  ('jbl.hold_minutes', '2021-09-10', '15', 'Jumat Beli Lokal: stok ditahan 15 menit menunggu pembayaran'),
  ('jbl.kecamatan_quota', '2021-09-10', '30', 'Jumat Beli Lokal: kuota produk per kecamatan tuan rumah'),
  ('jbl.aggregator_merchant', '2021-09-10',
   '{"name": "PASAR LOKAL JAKARTA", "city": "JAKARTA", "postalCode": "10110", "mcc": "5499", "nmid": "ID1021000000001", "criteria": "UMI"}',
   'Jumat Beli Lokal: merchant agregator (membayar penjual yang belum punya QRIS sendiri)')
on conflict (key, effective_from) do nothing;

-- A seller's own QRIS merchant account (from the sticker their PJSP gave them). Without one, buyers pay the aggregator.
create table umkm_qris_merchant (
  umkm_id bigint primary key references umkm (id),
  merchant_name text not null check (length(merchant_name) between 1 and 25),
  merchant_city text not null check (length(merchant_city) between 1 and 15),
  postal_code text check (postal_code ~ '^[0-9]{5}$'),
  mcc text not null check (mcc ~ '^[0-9]{4}$'),
  nmid text not null check (nmid ~ '^ID[0-9]{13}$'),
  criteria text not null check (criteria in ('UMI', 'UKE', 'UME', 'UBE', 'URE')),
  acquirer jsonb, -- {guid, pan, merchantId} as printed on the sticker
  updated_at timestamptz not null default now()
);

-- The line-up: one row per product in an edition. Its stock columns are the edition's own (what the seller brings),
-- and the checks are the guarantee that nothing oversells: `stock` is what can still be held, never below zero, and
-- stock + held + sold always equals what was brought.
create table jbl_lineup_item (
  id bigint generated always as identity primary key,
  edition_id bigint not null references jbl_edition (id),
  product_id bigint not null references product (id),
  umkm_id bigint not null references umkm (id),
  kecamatan_code text not null references region (code), -- the seller's kecamatan (the quota's unit)
  category_code text not null references product_category (code),
  price bigint not null check (price > 0), -- whole rupiah, fixed when listed
  stock_initial integer not null check (stock_initial >= 0),
  stock integer not null check (stock >= 0),
  held integer not null default 0 check (held >= 0),
  sold integer not null default 0 check (sold >= 0),
  pick text not null check (pick in ('rotation', 'city_pick', 'adjustment')),
  reason_id text not null, -- why it was chosen, in Indonesian and English
  reason_en text not null,
  removed_at timestamptz, -- taken out by the admin (with a reason); a removed item sells nothing more
  removed_reason text,
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  unique (edition_id, product_id),
  check (stock + held + sold = stock_initial),
  check ((removed_at is null) = (removed_reason is null))
);
create index jbl_lineup_item_umkm_idx on jbl_lineup_item (umkm_id, edition_id);
create index jbl_lineup_item_edition_idx on jbl_lineup_item (edition_id, category_code);

-- One checkout: the buyer's cart across sellers. Guests leave a name and a phone (encrypted, UU 27/2022); an ASN
-- buys signed in and is counted for the agency they belong to at that moment.
create table jbl_order (
  id bigint generated always as identity primary key,
  number text not null unique, -- JBL-<friday yyyymmdd>-<n>
  edition_id bigint not null references jbl_edition (id),
  buyer_kind text not null check (buyer_kind in ('guest', 'asn', 'public')),
  buyer_account_id bigint references account (id),
  agency_id bigint references agency (id), -- the ASN's agency
  buyer_name text not null check (length(buyer_name) between 1 and 100),
  buyer_phone_enc bytea,
  buyer_phone_hash bytea,
  tracking_token text not null unique, -- the secret in the tracking link
  session text not null check (session in ('preorder', 'live')), -- when it was placed: pre-order or the live session
  total bigint not null check (total > 0),
  created_at timestamptz not null default now(),
  check ((buyer_kind = 'guest') = (buyer_account_id is null)),
  check ((buyer_kind = 'asn') = (agency_id is not null))
);
create index jbl_order_edition_idx on jbl_order (edition_id, created_at);
create index jbl_order_buyer_idx on jbl_order (buyer_account_id) where buyer_account_id is not null;
create index jbl_order_agency_idx on jbl_order (agency_id, edition_id) where agency_id is not null;

-- One seller's part of a checkout: paid by its own QRIS, picked up at a kecamatan hub or at the seller.
create table jbl_child_order (
  id bigint generated always as identity primary key,
  order_id bigint not null references jbl_order (id),
  edition_id bigint not null references jbl_edition (id),
  umkm_id bigint not null references umkm (id),
  number text not null unique check (length(number) <= 25), -- the parent's number and a seller index: QRIS tag 62
  status text not null default 'awaiting_payment'
    check (status in ('awaiting_payment', 'paid', 'handed_over', 'expired', 'cancelled')),
  pickup text not null check (pickup in ('hub', 'seller')),
  hub_code text references region (code), -- the kecamatan whose hub (pickup 'hub')
  total bigint not null check (total > 0),
  paid_to text not null check (paid_to in ('seller', 'aggregator')),
  qris_payload text not null,
  hold_expires_at timestamptz not null,
  paid_at timestamptz,
  paid_via text check (paid_via in ('seller', 'webhook')),
  payment_ref text,
  handed_over_at timestamptz,
  closed_at timestamptz, -- expired or cancelled
  created_at timestamptz not null default now(),
  check ((pickup = 'hub') = (hub_code is not null)),
  check ((status in ('paid', 'handed_over')) = (paid_at is not null))
);
create index jbl_child_order_order_idx on jbl_child_order (order_id);
create index jbl_child_order_seller_idx on jbl_child_order (umkm_id, edition_id, status);
create index jbl_child_order_edition_idx on jbl_child_order (edition_id, status);
create index jbl_child_order_expiry_idx on jbl_child_order (hold_expires_at) where status = 'awaiting_payment';

create table jbl_order_line (
  id bigint generated always as identity primary key,
  child_order_id bigint not null references jbl_child_order (id),
  umkm_id bigint not null references umkm (id),
  lineup_item_id bigint not null references jbl_lineup_item (id),
  product_id bigint not null references product (id),
  quantity integer not null check (quantity between 1 and 1000),
  price bigint not null check (price > 0),
  amount bigint not null check (amount = price * quantity)
);
create index jbl_order_line_child_idx on jbl_order_line (child_order_id);
create index jbl_order_line_item_idx on jbl_order_line (lineup_item_id);

-- Payment notifications from the aggregator: each event once (replays are refused by its id), kept as received.
create table jbl_payment_event (
  event_id text primary key check (length(event_id) between 1 and 100),
  child_order_id bigint references jbl_child_order (id),
  amount bigint not null,
  reference text not null,
  outcome text not null check (outcome in ('paid', 'already_paid', 'expired', 'amount_mismatch', 'unknown_order')),
  sent_at timestamptz not null,
  received_at timestamptz not null default now()
);
