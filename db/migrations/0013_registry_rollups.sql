-- Registry rollups: the 7P funnel and the pengampu overlap at province scale. A direct aggregate over every
-- member's journey takes 0.3–0.6 s at jakarta scale (385,000 members, 1.15M stage rows); these per-kelurahan
-- counts (≈ 15,000 rows) answer any kota/pengampu/province slice in milliseconds. They are derived data,
-- rebuilt from the register when older than a few minutes (src/registry/rollup.ts); small slices are counted
-- directly, so a kecamatan always sees its own figures live.

-- Members per kelurahan, pengampu and 7P stage. agency_id 0 = every member once (the de-duplicated count);
-- stage 1 counts every Jakpreneur member (registration is P1).
create table journey_rollup (
  village_code text not null,
  agency_id integer not null,
  stage smallint not null check (stage between 1 and 7),
  members integer not null,
  primary key (village_code, agency_id, stage)
);

-- Members per kelurahan fostered by both agencies (agency_a < agency_b), own counts (a = b) and the
-- de-duplicated total of fostered members (0, 0).
create table overlap_rollup (
  village_code text not null,
  agency_a integer not null,
  agency_b integer not null,
  members integer not null,
  primary key (village_code, agency_a, agency_b),
  check (agency_a <= agency_b) -- a = b: members of that agency; 0, 0: every fostered member once
);

create table rollup_state (
  name text primary key,
  refreshed_at timestamptz not null
);
