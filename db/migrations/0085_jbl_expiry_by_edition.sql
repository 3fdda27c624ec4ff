-- Jumat Beli Lokal: a checkout short of stock first gives back the expired holds on those items, within the edition.
-- This index finds an edition's expired unpaid orders by range instead of scanning every expired order of every
-- edition (the storm benchmark found that scan taking most of the server's time once old carts had expired).
create index jbl_child_order_edition_expiry_idx on jbl_child_order (edition_id, hold_expires_at)
  where status = 'awaiting_payment';
