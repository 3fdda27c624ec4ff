-- Registry: the register as the single source of truth — one record per business, how it was registered,
-- additional KBLI codes, size-class history ("naik kelas"), the 7P journey, permits, imports and
-- personal-data requests.

-- One business per owner (NIK): the same NIK or NIB never creates a second record; a second pengampu is a link.
create unique index umkm_owner_key on umkm (owner_id);

alter table umkm
  add column registration_channel text not null default 'seed' check (registration_channel in ('self', 'desk', 'import', 'seed')),
  add column registered_by bigint references account (id),
  add column updated_at timestamptz not null default now();

-- KBLI codes beyond the main one (umkm.kbli_code).
create table umkm_kbli (
  umkm_id bigint not null references umkm (id),
  kbli_code text not null references kbli (code),
  primary key (umkm_id, kbli_code)
);

-- Every change of size class, with the basis it was computed from (PP 7/2021 Pasal 35): capital for a new
-- business, annual sales for an existing one; the thresholds are the setting in force on that day.
create table size_class_history (
  id bigint generated always as identity primary key,
  umkm_id bigint not null references umkm (id),
  size_class text not null check (size_class in ('micro', 'small', 'medium', 'large')),
  basis text not null check (basis in ('capital', 'annual_sales')),
  capital bigint,
  annual_sales bigint,
  rule_effective_from date not null,
  changed_at timestamptz not null default now(),
  changed_by bigint references account (id)
);
create index size_class_history_umkm_idx on size_class_history (umkm_id, id);

-- The 7P journey (Jakpreneur): P1 registration … P7 capital. Stages are needs-based and may be skipped.
create table journey_stage (
  umkm_id bigint not null references umkm (id),
  stage smallint not null check (stage between 1 and 7),
  reached_on date not null,
  evidence jsonb not null default '{}', -- training attended, permit numbers, first sale, months of bookkeeping, loan
  recorded_by bigint references account (id),
  recorded_at timestamptz not null default now(),
  primary key (umkm_id, stage)
);
create index journey_stage_stage_idx on journey_stage (stage, umkm_id);

-- Permits and certificates: NIB, PIRT, halal (required for food and drink), HAKI, others.
create table permit (
  id bigint generated always as identity primary key,
  umkm_id bigint not null references umkm (id),
  kind text not null check (kind in ('nib', 'pirt', 'halal', 'haki', 'bpom', 'other')),
  number text not null check (length(number) between 1 and 100),
  issued_on date,
  expires_on date,
  document_path text, -- relative to PL_UPLOAD_DIR
  document_mime text,
  document_bytes integer,
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  unique (umkm_id, kind, number),
  check (expires_on is null or issued_on is null or expires_on >= issued_on)
);
create index permit_expiry_idx on permit (expires_on) where expires_on is not null;

-- Spreadsheet imports: a file is staged row by row and checked (dry run), then imported all or nothing.
create table import_job (
  id bigint generated always as identity primary key,
  created_by bigint not null references account (id),
  file_name text not null,
  file_kind text not null check (file_kind in ('csv', 'xlsx')),
  fostering_agency_id integer references fostering_agency (id),
  status text not null default 'staged' check (status in ('staged', 'checked', 'importing', 'imported', 'failed')),
  rows_total integer not null default 0,
  rows_bad integer not null default 0,
  rows_done integer not null default 0,
  rows_new integer not null default 0,
  rows_linked integer not null default 0,
  message text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);

create table import_row (
  job_id bigint not null references import_job (id) on delete cascade,
  row_no integer not null,
  data jsonb not null, -- the row as read; NIK and phone are encrypted before staging (see registry/import)
  errors jsonb, -- [{column, message: {id, en}}], null when the row is good
  primary key (job_id, row_no)
);

-- Personal-data rights (UU 27/2022): requests an owner makes, handled by an admin.
create table personal_data_request (
  id bigint generated always as identity primary key,
  owner_id bigint not null references owner (id),
  kind text not null check (kind in ('deletion')),
  status text not null default 'open' check (status in ('open', 'done', 'rejected')),
  reason text check (length(reason) <= 2000),
  requested_at timestamptz not null default now(),
  handled_by bigint references account (id),
  handled_at timestamptz,
  outcome jsonb
);

-- An owner who asked to be forgotten: personal fields erased, the business record kept where the law needs it.
alter table owner
  alter column nik_enc drop not null,
  add column erased_at timestamptz;
