-- The other parties of the channels: government buyers (procurement), malls (mall) and lenders (capital).

-- OPD/SKPD and BUMD that buy through e-Order.
create table agency (
  id integer generated always as identity primary key,
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('opd', 'bumd')),
  region_code text references region (code) -- the kota of a kota-level office, null for province-wide
);

create table mall (
  id integer generated always as identity primary key,
  name text not null,
  operator text not null,
  village_code text not null references region (code),
  effective_floor_m2 integer not null check (effective_floor_m2 > 0) -- the base of the 20% UMKM duty
);

create table lender (
  id integer generated always as identity primary key,
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('regional_bank', 'kur_bank', 'cooperative', 'other'))
);
