-- OCDS open data (src/procurement/ocds/): each plan and order is published as releases, one per event, ordered by
-- (time of the event, kind, id). A page of /api/ocds/releases reads each kind of event from its own index from the
-- cursor onwards (keyset paging), so a page costs the same on the first day as with 200,000 orders.
create index procurement_package_created_idx on procurement_package (created_at, id);
create index procurement_package_ready_idx on procurement_package (ready_at, id) where ready_at is not null;
create index eorder_placed_idx on eorder (placed_at, id);
create index eorder_accepted_idx on eorder (accepted_at, id) where accepted_at is not null;
create index eorder_declined_idx on eorder (declined_at, id) where declined_at is not null;
create index eorder_cancelled_idx on eorder (cancelled_at, id) where cancelled_at is not null;
create index eorder_closed_idx on eorder (closed_at, id) where closed_at is not null;
create index eorder_payment_paid_idx on eorder_payment (paid_at, id) where status = 'paid' and paid_at is not null;

-- Who publishes and under which licence (another instance: other data).
insert into setting (key, effective_from, value, source) values
  ('procurement.ocds_publisher', '2021-01-01',
   '{"name": "Pasar Lokal — Pemerintah Provinsi DKI Jakarta", "license": "https://creativecommons.org/licenses/by/4.0/"}',
   'OCDS 1.1 release package: publisher and license')
on conflict do nothing;
