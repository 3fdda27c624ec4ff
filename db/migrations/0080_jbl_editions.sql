-- Jumat Beli Lokal (issue 15, item 1): editions. One edition per Friday, hosted by one kota in rotation, with a
-- pre-order window and a live session stored as instants (UTC) computed in the instance's zone (WIB) from the
-- effective-dated settings below. A Friday in the holiday calendar is flagged; the admin decides to skip it or move it
-- to another day, with a reason (audited).

-- Defaults. Also listed in db/reference/instance.json, which loads them on a new database; inserted here for databases
-- made before. A weekday is the last one on or before the Friday; times are wall-clock in instance.time_zone.
insert into setting (key, effective_from, value, source) values
  ('jbl.preorder_opens', '2021-09-10', '{"weekday": "monday", "time": "00:00"}', 'Jumat Beli Lokal: pre-order dibuka'),
  ('jbl.preorder_closes', '2021-09-10', '{"weekday": "thursday", "time": "20:00"}', 'Jumat Beli Lokal: pre-order ditutup Kamis 20.00 WIB'),
  ('jbl.live_session', '2021-09-10', '{"weekday": "friday", "start": "10:00", "end": "11:00"}', 'Jumat Beli Lokal: sesi belanja langsung'),
  ('jbl.host_rotation', '2021-09-10', '["3171", "3172", "3173", "3174", "3175"]', 'Jumat Beli Lokal: tuan rumah bergiliran lima kota (Kepulauan Seribu opsional)')
on conflict (key, effective_from) do nothing;

create table jbl_edition (
  id bigint generated always as identity primary key,
  friday date not null unique, -- the Friday the edition belongs to (its week), whatever day it is finally held on
  held_on date not null, -- the live session's day: the Friday, or the day it was moved to
  host_region_code text not null references region (code), -- a kota (level 'city')
  preorder_opens_at timestamptz not null,
  preorder_closes_at timestamptz not null,
  live_starts_at timestamptz not null,
  live_ends_at timestamptz not null,
  status text not null default 'planned' check (status in ('planned', 'open', 'live', 'closed', 'skipped')),
  holiday_name text, -- the calendar's name for the Friday when it is a holiday (null: an ordinary Friday)
  decision text check (decision in ('skip', 'move')),
  decision_reason text,
  decided_by bigint references account (id),
  decided_at timestamptz,
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (extract(isodow from friday) = 5),
  check (preorder_opens_at < preorder_closes_at and preorder_closes_at <= live_starts_at and live_starts_at < live_ends_at),
  check ((decision is null) = (decision_reason is null) and (decision is null) = (decided_at is null)),
  check ((status = 'skipped') = (decision is not distinct from 'skip')),
  check (decision is distinct from 'move' or held_on <> friday)
);
-- Two editions never run on the same day.
create unique index jbl_edition_held_on_idx on jbl_edition (held_on) where status <> 'skipped';
create index jbl_edition_status_idx on jbl_edition (status, friday);
