-- A version per agency for the procurement read models (the UMK share and payment ageing pages): every statement
-- that changes what those pages show of an agency — its orders (acceptance, BAST, payment, paid amount), its outside
-- spending, its name, units and officials, a seller's name — bumps that agency's version in the same transaction.
-- A page reads the versions of its agencies first and reuses the answer it computed at the same versions
-- (src/procurement/share/read-cache.ts): exact, because a change commits its bump with it, and read-committed
-- reads after the version read see at least what the version covers.
-- Statement-level triggers with transition tables, so a bulk load of 240,000 orders bumps each agency once.

create table procurement_version (
  agency_id integer primary key,
  version bigint not null default 1
) with (fillfactor = 50);

create function procurement_version_bump() returns trigger language plpgsql as $$
declare
  col text := tg_argv[0];
  rows_sql text;
begin
  rows_sql := case tg_op
    when 'INSERT' then format('select %I as a from new_rows', col)
    when 'DELETE' then format('select %I as a from old_rows', col)
    else format('select %1$I as a from new_rows union select %1$I from old_rows', col)
  end;
  execute format(
    'insert into procurement_version as v (agency_id)
     select distinct a from (%s) r where a is not null order by a
     on conflict (agency_id) do update set version = v.version + 1', rows_sql);
  return null;
end $$;

-- Three triggers per table (transition tables are per event): orders, outside spending, units and officials name
-- their agency in agency_id, the agency itself in id.
do $$
declare
  t record;
begin
  for t in select * from (values ('eorder', 'agency_id'), ('outside_spending', 'agency_id'), ('agency', 'id'),
                                 ('agency_unit', 'agency_id'), ('agency_official', 'agency_id')) v(tab, col) loop
    execute format('create trigger %I after insert on %I referencing new table as new_rows
                    for each statement execute function procurement_version_bump(%L)', t.tab || '_version_ins', t.tab, t.col);
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows
                    for each statement execute function procurement_version_bump(%L)', t.tab || '_version_upd', t.tab, t.col);
    execute format('create trigger %I after delete on %I referencing old table as old_rows
                    for each statement execute function procurement_version_bump(%L)', t.tab || '_version_del', t.tab, t.col);
  end loop;
end $$;

-- A seller's new name shows in the overdue lists of the agencies it has orders with (a row trigger: column lists
-- and transition tables do not mix, and the WHEN clause keeps every other update of a business free).
create function procurement_version_seller() returns trigger language plpgsql as $$
begin
  insert into procurement_version as v (agency_id)
  select distinct agency_id from eorder where umkm_id = new.id order by 1
  on conflict (agency_id) do update set version = v.version + 1;
  return null;
end $$;

create trigger umkm_name_version after update of name on umkm
  for each row when (old.name is distinct from new.name) execute function procurement_version_seller();

insert into procurement_version (agency_id) select id from agency on conflict do nothing;
