-- Registry: the Jakpreneur register. One record per business (umkm), its owner, and its fostering links.

-- Fostering agencies (pengampu): the OPD that foster members. A member may be fostered by several.
create table fostering_agency (
  id integer generated always as identity primary key,
  code text not null unique,
  name text not null
);

-- Owners are people: NIK and phone are personal data (UU 27/2022), stored encrypted (AES-256-GCM) with a
-- keyed hash (HMAC-SHA-256) for look-ups and de-duplication. Never stored or logged in clear.
create table owner (
  id bigint generated always as identity primary key,
  full_name text not null check (length(full_name) between 1 and 200),
  nik_enc bytea not null,
  nik_hash bytea not null unique,
  nik_last4 text not null check (nik_last4 ~ '^[0-9]{4}$'), -- for masked display 3171********0001 with region
  nik_region text not null check (nik_region ~ '^[0-9]{6}$'),
  phone_enc bytea,
  phone_hash bytea,
  email text check (length(email) <= 254),
  gender text check (gender in ('male', 'female')),
  birth_date date,
  created_at timestamptz not null default now()
);
create index owner_phone_hash_idx on owner (phone_hash);

create table umkm (
  id bigint generated always as identity primary key,
  owner_id bigint not null references owner (id),
  name text not null check (length(name) between 1 and 200),
  -- jakpreneur = fostered member; non_jakpreneur and cooperative (koperasi) may supply government orders too.
  kind text not null default 'jakpreneur' check (kind in ('jakpreneur', 'non_jakpreneur', 'cooperative')),
  nib text check (nib ~ '^[0-9]{13}$'),
  npwp text check (npwp ~ '^[0-9]{15,16}$'),
  kbli_code text not null references kbli (code),
  village_code text not null references region (code), -- kelurahan
  address text not null default '',
  postal_code text check (postal_code ~ '^[0-9]{5}$'),
  start_year integer check (start_year between 1900 and 2100),
  workers integer check (workers >= 0),
  capital bigint check (capital >= 0), -- rupiah, excluding land and buildings (PP 7/2021)
  annual_sales bigint check (annual_sales >= 0), -- rupiah
  size_class text check (size_class in ('micro', 'small', 'medium', 'large')),
  status text not null default 'active' check (status in ('active', 'inactive')),
  registered_at timestamptz not null default now()
);
create unique index umkm_nib_key on umkm (nib) where nib is not null;
create index umkm_owner_idx on umkm (owner_id);
create index umkm_village_idx on umkm (village_code);

-- One member, many pengampu: a second agency is another link, never a second business.
create table fostering_link (
  umkm_id bigint not null references umkm (id),
  agency_id integer not null references fostering_agency (id),
  since date not null,
  primary key (umkm_id, agency_id)
);
create index fostering_link_agency_idx on fostering_link (agency_id);
