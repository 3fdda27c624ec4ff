-- Catalog: product categories and the products an UMKM sells.

create table product_category (
  code text primary key,
  name_id text not null,
  name_en text not null,
  is_food boolean not null default false -- food and drink: halal certificate required, graded A/B/C
);

create table product (
  id bigint generated always as identity primary key,
  umkm_id bigint not null references umkm (id),
  name text not null check (length(name) between 1 and 200),
  description text not null default '' check (length(description) <= 5000),
  category_code text not null references product_category (code),
  kbli_code text references kbli (code),
  price bigint not null check (price > 0), -- whole rupiah
  unit text not null check (length(unit) between 1 and 30),
  stock integer not null default 0 check (stock >= 0),
  min_order integer not null default 1 check (min_order >= 1),
  lead_time_days integer not null default 1 check (lead_time_days >= 0),
  halal boolean not null default false,
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index product_umkm_idx on product (umkm_id);
