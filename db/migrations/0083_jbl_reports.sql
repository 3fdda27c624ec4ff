-- Jumat Beli Lokal reports (issue 15, items 6-7). The province-wide trend sums every edition: at jakarta scale
-- (>= 500,000 checkouts a year, a million seller orders, more lines) a scan of the orders per request costs seconds,
-- so the trend reads this rollup: per edition and session, the paid seller orders, units and omzet. Statement-level
-- triggers keep it, whoever writes the orders (the checkout, the payment webhook, the seller's confirmation, the
-- generator's bulk inserts): each statement adds its rows' deltas once, grouped, so a bulk insert of a million rows
-- costs one grouped upsert, not a million. The rows are spread over slots by backend so concurrent payments in the
-- same edition do not queue on one row. A seller order counts while paid or handed over.

create table jbl_edition_rollup (
  edition_id bigint not null references jbl_edition (id),
  session text not null check (session in ('preorder', 'live')),
  slot smallint not null check (slot between 0 and 15),
  orders bigint not null default 0,
  units bigint not null default 0,
  omzet bigint not null default 0,
  primary key (edition_id, session, slot)
);

-- Adds signed seller orders (counted ones only reach here) into the rollup, grouped by edition and session. Units
-- come from the order's lines present at that moment; lines added later to a counted order are added by the line
-- trigger.
create function jbl_rollup_children(ids bigint[], order_ids bigint[], editions bigint[], totals bigint[], signs int[])
returns void language sql as $$
  insert into jbl_edition_rollup as r (edition_id, session, slot, orders, units, omzet)
  select c.edition_id, p.session, pg_backend_pid() % 16, sum(c.sign),
         coalesce(sum(c.sign * (select sum(l.quantity) from jbl_order_line l where l.child_order_id = c.id)), 0),
         sum(c.sign * c.total)
    from unnest(ids, order_ids, editions, totals, signs) as c (id, order_id, edition_id, total, sign)
    join jbl_order p on p.id = c.order_id
   group by 1, 2
  on conflict (edition_id, session, slot) do update
    set orders = r.orders + excluded.orders, units = r.units + excluded.units, omzet = r.omzet + excluded.omzet
$$;

-- A trigger with transition tables has one event, so each event has its own trigger; one function serves them, and
-- only the branch of the firing event is ever planned (the others name tables that event does not have).
create function jbl_rollup_child() returns trigger language plpgsql as $$
declare
  ids bigint[]; order_ids bigint[]; editions bigint[]; totals bigint[]; signs int[];
begin
  if tg_op = 'INSERT' then
    select array_agg(id), array_agg(order_id), array_agg(edition_id), array_agg(total), array_agg(1)
      into ids, order_ids, editions, totals, signs
      from new_rows where status in ('paid', 'handed_over');
  elsif tg_op = 'UPDATE' then
    -- Only orders whose counting changed: entered or left the counted states, or a counted total changed.
    select array_agg(x.id), array_agg(x.order_id), array_agg(x.edition_id), array_agg(x.total), array_agg(x.sign)
      into ids, order_ids, editions, totals, signs
      from (select n.id, n.order_id, n.edition_id, n.total, 1 as sign
              from new_rows n join old_rows o on o.id = n.id
             where n.status in ('paid', 'handed_over')
               and (o.status not in ('paid', 'handed_over') or o.total <> n.total)
            union all
            select o.id, o.order_id, o.edition_id, o.total, -1
              from old_rows o join new_rows n on n.id = o.id
             where o.status in ('paid', 'handed_over')
               and (n.status not in ('paid', 'handed_over') or o.total <> n.total)) x;
  else
    select array_agg(id), array_agg(order_id), array_agg(edition_id), array_agg(total), array_agg(-1)
      into ids, order_ids, editions, totals, signs
      from old_rows where status in ('paid', 'handed_over');
  end if;
  if ids is not null then perform jbl_rollup_children(ids, order_ids, editions, totals, signs); end if;
  return null;
end $$;

create trigger jbl_rollup_child_ins after insert on jbl_child_order
  referencing new table as new_rows for each statement execute function jbl_rollup_child();
create trigger jbl_rollup_child_upd after update on jbl_child_order
  referencing old table as old_rows new table as new_rows for each statement execute function jbl_rollup_child();
create trigger jbl_rollup_child_del after delete on jbl_child_order
  referencing old table as old_rows for each statement execute function jbl_rollup_child();

-- Lines inserted into, changed in or removed from a seller order that counts change its units.
create function jbl_rollup_line() returns trigger language plpgsql as $$
declare
  children bigint[]; quantities bigint[];
begin
  if tg_op = 'INSERT' then
    select array_agg(child_order_id), array_agg(quantity) into children, quantities from new_rows;
  elsif tg_op = 'UPDATE' then
    select array_agg(n.child_order_id), array_agg(n.quantity - o.quantity) into children, quantities
      from new_rows n join old_rows o on o.id = n.id where n.quantity <> o.quantity;
  else
    select array_agg(child_order_id), array_agg(-quantity) into children, quantities from old_rows;
  end if;
  if children is null then return null; end if;
  insert into jbl_edition_rollup as r (edition_id, session, slot, units)
  select c.edition_id, p.session, pg_backend_pid() % 16, sum(x.quantity)
    from unnest(children, quantities) as x (child_order_id, quantity)
    join jbl_child_order c on c.id = x.child_order_id
    join jbl_order p on p.id = c.order_id
   where c.status in ('paid', 'handed_over')
   group by 1, 2
  on conflict (edition_id, session, slot) do update set units = r.units + excluded.units;
  return null;
end $$;

create trigger jbl_rollup_line_ins after insert on jbl_order_line
  referencing new table as new_rows for each statement execute function jbl_rollup_line();
create trigger jbl_rollup_line_upd after update on jbl_order_line
  referencing old table as old_rows new table as new_rows for each statement execute function jbl_rollup_line();
create trigger jbl_rollup_line_del after delete on jbl_order_line
  referencing old table as old_rows for each statement execute function jbl_rollup_line();

-- Orders that were written before this migration.
insert into jbl_edition_rollup (edition_id, session, slot, orders, units, omzet)
select c.edition_id, p.session, 0, count(*),
       coalesce(sum((select sum(l.quantity) from jbl_order_line l where l.child_order_id = c.id)), 0), sum(c.total)
  from jbl_child_order c join jbl_order p on p.id = c.order_id
 where c.status in ('paid', 'handed_over')
 group by 1, 2;

-- ASN participation reads an agency's ASN by their grants (role_grant has no index led by role and scope).
create index if not exists role_grant_scope_idx on role_grant (role, scope_kind, scope_id);
