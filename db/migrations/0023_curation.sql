-- Curation (kurasi): the Dinas's calls, the rubrics kurators score with (as data), each product's submission
-- going pendamping → kasatpel → kurator, its append-only step history, scores, certificates; and the generic
-- in-app notifications. The outcome a product reaches is also written to product.curation_* (0020), which
-- search reads.

-- Rubrics are data: another programme (or next year's criteria) is new rows, not new code.
create table curation_rubric (
  code text primary key check (code ~ '^[a-z0-9_-]{1,60}$'),
  name_id text not null,
  name_en text not null,
  for_food boolean not null, -- food and drink: only food products, graded A/B/C
  pass_percent numeric(5, 2) not null check (pass_percent between 0 and 100)
);

create table curation_rubric_criterion (
  rubric_code text not null references curation_rubric (code),
  code text not null check (code ~ '^[a-z0-9_]{1,60}$'),
  position integer not null,
  name_id text not null,
  name_en text not null,
  weight numeric(6, 2) not null check (weight > 0),
  primary key (rubric_code, code)
);

-- Grade bands of a rubric (none: pass or fail only, the grade stays null).
create table curation_rubric_grade (
  rubric_code text not null references curation_rubric (code),
  grade text not null check (grade in ('A', 'B', 'C')),
  min_percent numeric(5, 2) not null check (min_percent between 0 and 100),
  primary key (rubric_code, grade)
);

insert into curation_rubric (code, name_id, name_en, for_food, pass_percent) values
  ('food', 'Makanan & minuman', 'Food & drink', true, 60),
  ('general', 'Produk non-pangan', 'Non-food products', false, 60);
insert into curation_rubric_criterion (rubric_code, code, position, name_id, name_en, weight) values
  ('food', 'taste', 1, 'Rasa', 'Taste', 30),
  ('food', 'packaging', 2, 'Kemasan', 'Packaging', 20),
  ('food', 'hygiene', 3, 'Kebersihan', 'Hygiene', 20),
  ('food', 'halal', 4, 'Halal', 'Halal', 15),
  ('food', 'photo', 5, 'Foto produk', 'Product photo', 15),
  ('general', 'quality', 1, 'Mutu', 'Quality', 40),
  ('general', 'packaging', 2, 'Kemasan', 'Packaging', 20),
  ('general', 'price_fit', 3, 'Kesesuaian harga', 'Price fit', 20),
  ('general', 'photo', 4, 'Foto produk', 'Product photo', 20);
insert into curation_rubric_grade (rubric_code, grade, min_percent) values
  ('food', 'A', 85), ('food', 'B', 70), ('food', 'C', 60);

-- A call (panggilan kurasi) published by the Dinas: criteria as text and as rules, a quota of products that may
-- pass, a deadline for submissions, the channel it feeds and the rubric its kurators score with.
create table curation_call (
  id bigint generated always as identity primary key,
  title_id text not null check (length(title_id) between 1 and 200),
  title_en text not null check (length(title_en) between 1 and 200),
  description_id text not null,
  description_en text not null,
  criteria_id text not null,
  criteria_en text not null,
  category_codes text[] not null default '{}', -- empty: every category
  food_only boolean not null default false,
  require_published boolean not null default true,
  quota integer not null check (quota > 0),
  -- Products passed so far: counted up under the row lock when one passes, so the quota can never be exceeded.
  passed_count integer not null default 0 check (passed_count >= 0 and passed_count <= quota),
  deadline timestamptz not null,
  channel text not null check (channel in ('e_order', 'jbl', 'mall')),
  rubric_code text not null references curation_rubric (code),
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  closed_at timestamptz
);
create index curation_call_status_idx on curation_call (status, deadline);

-- The kurators assigned to a call: only they may score its products.
create table curation_call_kurator (
  call_id bigint not null references curation_call (id),
  account_id bigint not null references account (id),
  primary key (call_id, account_id)
);
create index curation_call_kurator_account_idx on curation_call_kurator (account_id);

-- One product in one call. A returned or failed product is improved and resubmitted in the same row as a new
-- round; the steps of every round stay in curation_step.
create table curation_submission (
  id bigint generated always as identity primary key,
  call_id bigint not null references curation_call (id),
  product_id bigint not null references product (id),
  umkm_id bigint not null references umkm (id),
  round integer not null default 1 check (round >= 1),
  status text not null check (status in ('submitted', 'verified', 'validated', 'returned', 'passed', 'not_passed')),
  round_started_at timestamptz not null, -- when this round was submitted
  step_started_at timestamptz not null, -- when the current step began (the SLA counts from here)
  due_on date, -- the WIB working day the current step is due; null when it waits for no officer
  percent numeric(5, 2), -- the latest scoring's weighted result
  grade text check (grade in ('A', 'B', 'C')),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (call_id, product_id),
  check ((status in ('submitted', 'verified', 'validated')) = (due_on is not null))
);
create index curation_submission_umkm_idx on curation_submission (umkm_id);
create index curation_submission_product_idx on curation_submission (product_id);
-- Worklists and the overdue list read the submissions waiting at a step, by due date.
create index curation_submission_waiting_idx on curation_submission (status, due_on) where due_on is not null;

-- Every step taken, append-only: who, in which role, what they decided, their notes, when.
create table curation_step (
  id bigint generated always as identity primary key,
  submission_id bigint not null references curation_submission (id),
  umkm_id bigint not null references umkm (id),
  round integer not null,
  step text not null check (step in ('submit', 'verify', 'validate', 'score')),
  decision text not null check (decision in ('submitted', 'resubmitted', 'verified', 'validated', 'returned', 'passed', 'not_passed')),
  actor_account_id bigint references account (id),
  actor_role text not null,
  actor_name text not null,
  notes text check (length(notes) <= 2000),
  at timestamptz not null default now()
);
create index curation_step_submission_idx on curation_step (submission_id, id);

-- The kurator's score of each rubric criterion at a scoring step (weights copied: a later rubric change does
-- not rewrite an old result).
create table curation_score (
  step_id bigint not null references curation_step (id),
  submission_id bigint not null references curation_submission (id),
  umkm_id bigint not null references umkm (id),
  criterion text not null,
  score smallint not null check (score between 1 and 5),
  weight numeric(6, 2) not null,
  notes text check (length(notes) <= 2000),
  primary key (step_id, criterion)
);
create index curation_score_submission_idx on curation_score (submission_id);

create function curation_history_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
end $$;
create trigger curation_step_append_only before update or delete on curation_step
  for each row execute function curation_history_append_only();
create trigger curation_score_append_only before update or delete on curation_score
  for each row execute function curation_history_append_only();
revoke update, delete, truncate on curation_step, curation_score from pasar_lokal_app;

-- A passed product's certificate. The code is random (not guessable) and public: anyone holding it can check
-- the certificate. Names are copied at issue, as printed; revocable by the Dinas.
create table curation_certificate (
  code text primary key check (code ~ '^[A-Z0-9-]{6,40}$'),
  submission_id bigint not null unique references curation_submission (id),
  call_id bigint not null references curation_call (id),
  product_id bigint not null references product (id),
  umkm_id bigint not null references umkm (id),
  product_name text not null,
  business_name text not null,
  channel text not null check (channel in ('e_order', 'jbl', 'mall')),
  grade text check (grade in ('A', 'B', 'C')),
  percent numeric(5, 2) not null,
  scores jsonb not null, -- [{criterion, name_id, name_en, weight, score}]
  issued_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by bigint references account (id),
  revoked_reason text check (length(revoked_reason) <= 500)
);
create index curation_certificate_umkm_idx on curation_certificate (umkm_id);
create index curation_certificate_product_idx on curation_certificate (product_id);

-- In-app notifications (notifikasi), for any context: one row per recipient account.
create table notification (
  id bigint generated always as identity primary key,
  account_id bigint not null references account (id),
  umkm_id bigint references umkm (id),
  kind text not null check (length(kind) between 1 and 60),
  title_id text not null,
  title_en text not null,
  body_id text not null,
  body_en text not null,
  link text, -- a path in the web app
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notification_account_idx on notification (account_id, id desc);
create index notification_unread_idx on notification (account_id) where read_at is null;

-- The SLA of each officer step in working days (WIB; weekends and holidays excluded). Also listed in
-- db/reference/instance.json, which loads it on a new database; inserted here for databases made before.
insert into setting (key, effective_from, value, source) values
  ('curation.sla_working_days', '2022-01-01', '{"verify": 3, "validate": 3, "score": 5}', 'Dinas PPKUKM: kurasi produk (target layanan)')
on conflict (key, effective_from) do nothing;
