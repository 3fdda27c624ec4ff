-- Platform: extensions, effective-dated settings and the reference tables every context reads.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Rules and thresholds change by regulation on a date: a value holds from effective_from until the next row.
create table setting (
  key text not null,
  effective_from date not null,
  value jsonb not null,
  source text, -- legal basis, e.g. 'Perpres 12/2021 Pasal 65'
  primary key (key, effective_from)
);

-- Kemendagri administrative regions (province > kota/kabupaten > kecamatan > kelurahan).
create table region (
  code text primary key,
  name text not null,
  level text not null check (level in ('province', 'city', 'district', 'village')),
  parent_code text references region (code),
  boundary jsonb -- GeoJSON geometry (simplified, for maps only)
);
create index region_parent_idx on region (parent_code);

-- KBLI 2020 (Klasifikasi Baku Lapangan Usaha Indonesia).
create table kbli (
  code text primary key,
  title text not null,
  level text not null check (level in ('section', 'division', 'group', 'class', 'subclass')),
  parent_code text
);

-- National holidays and cuti bersama (hari libur), for scheduling Friday editions and payment deadlines.
create table holiday (
  date date not null,
  name text not null,
  kind text not null check (kind in ('libur_nasional', 'cuti_bersama')),
  primary key (date, name)
);
