-- Access: accounts, roles with scopes, sessions, credential resets, two-step login, login failures,
-- idempotency keys, and the append-only, hash-chained audit log.

-- The application's database role. The server runs its queries as this role (SET ROLE after migrations), so
-- the database itself refuses to rewrite history. Roles are cluster-wide: create it only when missing.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'pasar_lokal_app') then
    create role pasar_lokal_app nologin;
  end if;
  begin
    execute format('grant pasar_lokal_app to %I', current_user);
  exception when others then
    raise notice 'could not grant pasar_lokal_app to %: %', current_user, sqlerrm;
  end;
end $$;

create table account (
  id bigint generated always as identity primary key,
  display_name text not null check (length(display_name) between 1 and 200),
  email text check (email = lower(email) and length(email) <= 254),
  phone_enc bytea,
  phone_hash bytea, -- HMAC of the E.164 number: log in by phone without storing it in clear
  password_hash text, -- argon2id; null until the owner claims the account (bulk-loaded owners)
  totp_secret_enc bytea,
  totp_enabled boolean not null default false,
  totp_last_step bigint not null default 0, -- a code is accepted once (no replay)
  owner_id bigint references owner (id), -- the registry person behind an UMKM owner's account
  status text not null default 'active' check (status in ('active', 'disabled')),
  created_at timestamptz not null default now()
);
create unique index account_email_key on account (email) where email is not null;
create unique index account_phone_key on account (phone_hash) where phone_hash is not null;
create unique index account_owner_key on account (owner_id) where owner_id is not null;

-- A role held by an account, limited to one scope. One account may hold several roles.
create table role_grant (
  id bigint generated always as identity primary key,
  account_id bigint not null references account (id),
  role text not null check (role in (
    'platform_admin', 'pengampu_officer', 'pendamping', 'kasatpel', 'kurator', 'umkm_owner',
    'pa_kpa', 'ppk', 'pejabat_pengadaan', 'bendahara', 'bppbj_analyst', 'auditor',
    'mall_partner', 'lender_officer', 'asn_buyer', 'public_buyer')),
  scope_kind text not null check (scope_kind in ('province', 'fostering_agency', 'district', 'agency', 'own', 'mall', 'lender', 'none')),
  scope_id text not null default '', -- fostering_agency.id, region code, agency.id, mall.id, lender.id
  granted_by bigint references account (id),
  granted_at timestamptz not null default now(),
  unique (account_id, role, scope_kind, scope_id)
);

create table recovery_code (
  account_id bigint not null references account (id),
  code_hash bytea not null,
  used_at timestamptz,
  primary key (account_id, code_hash)
);

-- Server-side sessions: the cookie holds a random token, the database only its SHA-256.
create table session (
  token_hash bytea primary key,
  account_id bigint not null references account (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_account_idx on session (account_id);

-- One-time, expiring reset tokens: self-service, or assisted by a pendamping who checked the owner's KTP.
create table credential_reset (
  token_hash bytea primary key,
  account_id bigint not null references account (id),
  kind text not null check (kind in ('self', 'assisted')),
  issued_by bigint references account (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Failed logins, counted per account and per address over a sliding window.
create table login_failure (
  id bigint generated always as identity primary key,
  account_key bytea not null, -- HMAC of the normalised login (an unknown login counts too)
  address text not null,
  at timestamptz not null default now()
);
create index login_failure_account_idx on login_failure (account_key, at);
create index login_failure_address_idx on login_failure (address, at);

-- Idempotency-Key: a retried state change gets the first answer back instead of doing the work twice.
create table idempotency_key (
  account_id bigint not null default 0, -- 0 for anonymous callers
  key text not null check (length(key) between 1 and 200),
  method text not null,
  path text not null,
  request_hash bytea not null,
  status integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (account_id, key)
);

-- The audit log: who did what to which entity, before and after, in the same transaction as the change.
-- Each row is hash-chained to the previous row of the same entity (a chain per entity, so unrelated writes are
-- never serialised); the hash covers every column. A trigger computes it, so no caller can forge it.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default clock_timestamp(),
  actor_account_id bigint,
  actor_role text,
  actor_label text not null, -- display name or 'system:seed'
  action text not null,
  entity_type text not null,
  entity_id text not null,
  umkm_id bigint,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash bytea,
  row_hash bytea not null
);
create index audit_log_chain_idx on audit_log (entity_type, entity_id, id);
create index audit_log_umkm_idx on audit_log (umkm_id) where umkm_id is not null;

-- The canonical text of a row that the hash covers: every column, in a fixed order and rendering.
create function audit_row_text(a audit_log) returns text language sql immutable as $$
  select concat_ws(E'\x1f',
    a.id::text, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(a.actor_account_id::text, ''), coalesce(a.actor_role, ''), a.actor_label, a.action,
    a.entity_type, a.entity_id, coalesce(a.umkm_id::text, ''),
    coalesce(a.before::text, ''), coalesce(a.after::text, ''), coalesce(a.request_id, ''),
    coalesce(encode(a.prev_hash, 'hex'), ''))
$$;

create function audit_log_chain() returns trigger language plpgsql as $$
begin
  -- Serialise only writers of the same entity, so the chain never forks.
  perform pg_advisory_xact_lock(hashtextextended(new.entity_type || ':' || new.entity_id, 0));
  select row_hash into new.prev_hash from audit_log
   where entity_type = new.entity_type and entity_id = new.entity_id
   order by id desc limit 1;
  new.row_hash := sha256(convert_to(audit_row_text(new), 'UTF8'));
  return new;
end $$;
create trigger audit_log_chain before insert on audit_log for each row execute function audit_log_chain();

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_append_only before update or delete on audit_log for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only();

-- What the application's role may do: everything on its tables, but only read and append the audit log.
grant usage on schema public to pasar_lokal_app;
grant select, insert, update, delete on all tables in schema public to pasar_lokal_app;
grant usage, select on all sequences in schema public to pasar_lokal_app;
alter default privileges in schema public grant select, insert, update, delete on tables to pasar_lokal_app;
alter default privileges in schema public grant usage, select on sequences to pasar_lokal_app;
revoke update, delete, truncate on audit_log from pasar_lokal_app;
revoke insert, update, delete, truncate on schema_migration from pasar_lokal_app;
