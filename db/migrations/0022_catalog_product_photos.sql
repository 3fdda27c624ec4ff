-- Catalog: the photos of a product, as the server made them from the owner's upload (auto-rotated, metadata
-- such as EXIF GPS stripped, WebP). The files live under PL_UPLOAD_DIR; a row keeps their relative paths.

create table product_photo (
  id bigint generated always as identity primary key,
  product_id bigint not null references product (id),
  -- Copied from the product when the photo is added (products never change business): every row about a
  -- business carries umkm_id, so a later sharding by business keeps a product's photos with it.
  umkm_id bigint not null references umkm (id),
  -- 0 is the cover (the photo lists and the product page show first). At most six photos: positions 0–5, one
  -- photo per position, so the database itself refuses a seventh. Deferred: a reorder swaps positions in one
  -- transaction.
  position smallint not null check (position between 0 and 5),
  display_path text not null, -- at most 1200 px on the long side
  thumb_path text not null, -- at most 320 px on the long side
  width integer not null check (width > 0), -- of the display size
  height integer not null check (height > 0),
  bytes integer not null check (bytes > 0), -- of the display size
  thumb_bytes integer not null check (thumb_bytes > 0),
  uploaded_bytes integer not null check (uploaded_bytes > 0), -- what the phone sent (after its own compression)
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  constraint product_photo_position_unique unique (product_id, position) deferrable initially deferred
);
create index product_photo_umkm_idx on product_photo (umkm_id);
