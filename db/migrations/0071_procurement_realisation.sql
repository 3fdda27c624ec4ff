-- Realisation (the paid basis of the UMK share) posts from each payment, in the WIB month the payment was made: a
-- partial payment counts in its own month, and a seeded or back-dated payment in its month, not in the month the
-- row was written. The order trigger keeps commitment (accepted value) and payment days.
-- procurement_rollups_rebuild() recomputes all three rollups set-based from the orders and payments: the bulk
-- generator calls it after loading with the triggers disabled, and it is the exact answer the rollups must equal.

create or replace function procurement_order_rollup() returns trigger language plpgsql as $$
declare
  was_committed boolean := tg_op = 'UPDATE' and old.accepted_at is not null and old.status not in ('declined', 'cancelled', 'placed');
  is_committed boolean := new.accepted_at is not null and new.status not in ('declined', 'cancelled', 'placed');
  sla integer;
begin
  if is_committed and not was_committed then
    perform procurement_share_add(new, new.total, 0, new.accepted_at, 1);
  elsif was_committed and not is_committed then
    perform procurement_share_add(old, -old.total, 0, old.accepted_at, -1);
  end if;
  if new.payment_days is not null and (tg_op = 'INSERT' or old.payment_days is null) then
    sla := procurement_sla_days(new.agency_id, new.received_at);
    insert into payment_days_count as c (agency_id, year, days, within_sla, n)
    values (new.agency_id, extract(year from new.paid_at at time zone 'Asia/Jakarta')::integer, new.payment_days,
            new.payment_days <= sla, 1)
    on conflict (agency_id, year, days, within_sla) do update set n = c.n + 1;
  end if;
  return null;
end $$;

-- The payment SLA in days for an agency's order received at `at`: the agency's own, else the instance setting in
-- force that day, else 30.
create function procurement_sla_days(agency integer, at timestamptz) returns integer language sql stable as $$
  select coalesce(
    (select a.payment_sla_days from agency a where a.id = agency),
    (select (value #>> '{}')::integer from setting
      where key = 'procurement.payment_sla_days' and effective_from <= (at at time zone 'Asia/Jakarta')::date
      order by effective_from desc limit 1),
    30)
$$;

create function procurement_payment_rollup() returns trigger language plpgsql as $$
declare
  o eorder;
begin
  if new.status = 'paid' and (tg_op = 'INSERT' or old.status <> 'paid') then
    select * into o from eorder where id = new.order_id;
    perform procurement_share_add(o, 0, new.amount + new.tax_withheld, new.paid_at, 0);
  end if;
  return null;
end $$;

create trigger eorder_payment_rollup after insert or update on eorder_payment
  for each row execute function procurement_payment_rollup();

create function procurement_rollups_rebuild() returns void language sql as $$
  delete from share_month;
  delete from share_district_month;
  delete from payment_days_count;
  with posting as (
    select o.agency_id, coalesce(o.unit_id, 0) as unit_id, o.umkm_id, wib_month(o.accepted_at) as month, o.counts_umk as umk,
           o.total as committed, 0::bigint as realised, 1 as orders
      from eorder o
     where o.accepted_at is not null and o.status not in ('declined', 'cancelled', 'placed')
    union all
    select o.agency_id, coalesce(o.unit_id, 0), o.umkm_id, wib_month(p.paid_at), o.counts_umk,
           0, p.amount + p.tax_withheld, 0
      from eorder_payment p join eorder o on o.id = p.order_id
     where p.status = 'paid'
  ), by_agency as (
    insert into share_month (agency_id, unit_id, month, umk, committed, realised, orders)
    select agency_id, unit_id, month, umk, sum(committed), sum(realised), sum(orders)
      from posting group by agency_id, unit_id, month, umk
    returning 1
  )
  insert into share_district_month (district_code, month, umk, committed, realised)
  select v.parent_code, p.month, p.umk, sum(p.committed), sum(p.realised)
    from posting p join umkm u on u.id = p.umkm_id join region v on v.code = u.village_code
   where v.parent_code is not null
   group by v.parent_code, p.month, p.umk;
  insert into payment_days_count (agency_id, year, days, within_sla, n)
  select o.agency_id, extract(year from o.paid_at at time zone 'Asia/Jakarta')::integer, o.payment_days,
         o.payment_days <= procurement_sla_days(o.agency_id, o.received_at), count(*)
    from eorder o where o.payment_days is not null
   group by 1, 2, 3, 4;
$$;
