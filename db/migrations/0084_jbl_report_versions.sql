-- Jumat Beli Lokal reports: a version per edition for the edition report's kept figures. The rollup counts, per
-- edition, the rows of counted seller orders and lines its triggers ever changed; that sum only grows, so an equal
-- sum means nothing the edition report reads has changed (src/jbl/reports/edition-report.ts keeps its figures under
-- it). The trigger functions of migration 0083 are replaced to add to the count; existing rows start from the orders
-- they hold.

alter table jbl_edition_rollup add column changes bigint not null default 0;
update jbl_edition_rollup set changes = orders where changes = 0;

create or replace function jbl_rollup_children(ids bigint[], order_ids bigint[], editions bigint[], totals bigint[], signs int[])
returns void language sql as $$
  insert into jbl_edition_rollup as r (edition_id, session, slot, orders, units, omzet, changes)
  select c.edition_id, p.session, pg_backend_pid() % 16, sum(c.sign),
         coalesce(sum(c.sign * (select sum(l.quantity) from jbl_order_line l where l.child_order_id = c.id)), 0),
         sum(c.sign * c.total), count(*)
    from unnest(ids, order_ids, editions, totals, signs) as c (id, order_id, edition_id, total, sign)
    join jbl_order p on p.id = c.order_id
   group by 1, 2
  on conflict (edition_id, session, slot) do update
    set orders = r.orders + excluded.orders, units = r.units + excluded.units, omzet = r.omzet + excluded.omzet,
        changes = r.changes + excluded.changes
$$;

create or replace function jbl_rollup_line() returns trigger language plpgsql as $$
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
  insert into jbl_edition_rollup as r (edition_id, session, slot, units, changes)
  select c.edition_id, p.session, pg_backend_pid() % 16, sum(x.quantity), count(*)
    from unnest(children, quantities) as x (child_order_id, quantity)
    join jbl_child_order c on c.id = x.child_order_id
    join jbl_order p on p.id = c.order_id
   where c.status in ('paid', 'handed_over')
   group by 1, 2
  on conflict (edition_id, session, slot) do update set units = r.units + excluded.units, changes = r.changes + excluded.changes;
  return null;
end $$;
