-- The UMK share pages (src/procurement/share/): the index the drill-down's order list reads (an agency's orders
-- accepted in one month). The target they grade against is the instance setting procurement.umk_share_min
-- (db/reference/instance.json), the same one the role homes read.
create index if not exists eorder_agency_accepted_idx on eorder (agency_id, accepted_at) where accepted_at is not null;

-- The overdue list, most overdue first across the province: unpaid orders by due date.
create index if not exists eorder_unpaid_due_idx on eorder (due_date, id) where status = 'received';
