-- Catalog: the product categories every product belongs to. Food and drink (is_food) need a halal certificate
-- and are graded A/B/C by curators; the list follows what Jakpreneur members sell (≈80% food and drink).
insert into product_category (code, name_id, name_en, is_food) values
  ('makanan-ringan', 'Makanan ringan & camilan', 'Snacks', true),
  ('kue-roti', 'Kue & roti', 'Cakes & bread', true),
  ('lauk-olahan', 'Lauk & makanan olahan', 'Prepared dishes & frozen food', true),
  ('nasi-kotak', 'Nasi kotak & katering', 'Boxed meals & catering', true),
  ('sambal-bumbu', 'Sambal & bumbu', 'Chilli sauces & spices', true),
  ('minuman', 'Minuman', 'Drinks', true),
  ('kopi-teh', 'Kopi & teh', 'Coffee & tea', true),
  ('batik-kain', 'Batik & kain', 'Batik & fabric', false),
  ('busana', 'Busana', 'Clothing', false),
  ('tas-alas-kaki', 'Tas, dompet & alas kaki', 'Bags, wallets & footwear', false),
  ('kerajinan', 'Kerajinan & suvenir', 'Crafts & souvenirs', false),
  ('aksesoris', 'Aksesoris & perhiasan', 'Accessories & jewellery', false),
  ('perawatan-diri', 'Perawatan diri', 'Personal care', false)
on conflict (code) do nothing;
