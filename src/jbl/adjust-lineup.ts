// The city office adjusts an edition's line-up, each change with a reason and audited in the same transaction: it adds
// a product of its own choosing (a city pick, on top of the kecamatan quotas, at most jbl.city_picks per edition) or
// takes an item out. A product added must be one the rotation could have chosen: curated for Jumat Beli Lokal,
// published, in stock, of an active seller in the host kota. An item taken out keeps the orders it already has
// (held and sold stay as they are) and sells nothing more (removed_at: the storefront lists only items without it).
import type { Acting } from '../platform/auth/acting.ts';
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError, notFound } from '../platform/http/problem.ts';
import { settingOn } from '../platform/settings.ts';
import { ELIGIBLE_PRODUCTS, lockEditionFor } from './build-lineup.ts';
import type { LineupAddInput, LineupRemoveInput } from './lineup-schema.ts';

/** While the line-up can still change: before the edition closes. */
const ADJUSTABLE = ['planned', 'open', 'live'];

const refuse = (code: string, id: string, en: string) => new AppError(409, code, { id, en });

interface ProductFacts {
  id: number;
  umkm_id: number;
  status: string;
  jbl: boolean;
  seller_active: boolean;
  kota: string;
  stock: number;
}

async function checkProduct(tx: Tx, productId: number, host: string) {
  const [p] = await tx.query<ProductFacts>(
    `select p.id, p.umkm_id, p.status, p.curation_status = 'curated' and p.channel_jbl as jbl, u.status = 'active' as seller_active,
            d.parent_code as kota, p.stock
       from product p join umkm u on u.id = p.umkm_id
       join region v on v.code = u.village_code join region d on d.code = v.parent_code
      where p.id = $1`,
    [productId],
  );
  if (!p) throw notFound({ id: 'Produk tidak ditemukan.', en: 'Product not found.' });
  if (p.status !== 'published' || !p.jbl || !p.seller_active)
    throw refuse(
      'product_not_jbl',
      'Produk ini tidak dikurasi untuk Jumat Beli Lokal (atau belum terbit, atau usahanya tidak aktif).',
      'This product is not curated for Jumat Beli Lokal (or is not published, or its business is inactive).',
    );
  if (p.kota !== host)
    throw refuse(
      'seller_outside_host',
      'Penjual produk ini tidak berada di kota tuan rumah edisi ini.',
      "This product's seller is not located in the edition's host kota.",
    );
  if (p.stock <= 0)
    throw refuse('product_no_stock', 'Produk ini tidak punya stok untuk dijual.', 'This product has no stock to sell.');
}

async function checkCityPickRoom(tx: Tx, editionId: number, friday: string) {
  const limit = Number((await settingOn<number>(tx, 'jbl.city_picks', friday))?.value ?? 10);
  const [used] = await tx.query<{ n: number }>(
    `select count(*)::int4 as n from jbl_lineup_item where edition_id = $1 and pick = 'city_pick' and removed_at is null`,
    [editionId],
  );
  if (used!.n >= limit)
    throw refuse(
      'city_picks_full',
      `Pilihan kantor kota untuk edisi ini sudah ${limit} produk (batas jbl.city_picks).`,
      `The city office already picked ${limit} products for this edition (the jbl.city_picks limit).`,
    );
}

/** Adds a city pick; returns the new item's id. */
export async function addToLineup(tx: Tx, acting: Acting, editionId: number, input: LineupAddInput): Promise<number> {
  const e = await lockEditionFor(tx, editionId, ADJUSTABLE);
  await checkProduct(tx, input.productId, e.host_region_code);
  const [listed] = await tx.query<{ removed: boolean }>(
    'select removed_at is not null as removed from jbl_lineup_item where edition_id = $1 and product_id = $2',
    [editionId, input.productId],
  );
  if (listed)
    throw refuse(
      'lineup_already_listed',
      listed.removed
        ? 'Produk ini pernah ada di susunan edisi ini dan sudah dikeluarkan.'
        : 'Produk ini sudah ada di susunan edisi ini.',
      listed.removed
        ? 'This product was in this edition’s line-up and has been removed.'
        : 'This product is already in this edition’s line-up.',
    );
  await checkCityPickRoom(tx, editionId, e.friday);
  const [item] = await tx.query<{ id: number; umkm_id: number }>(
    `insert into jbl_lineup_item (edition_id, product_id, umkm_id, kecamatan_code, category_code, price, stock_initial, stock,
                                  pick, reason_id, reason_en, created_by)
     select $2::int8, x.product_id, x.umkm_id, x.kecamatan_code, x.category_code, x.price, x.stock, x.stock, 'city_pick', $4, $5, $6
       from (${ELIGIBLE_PRODUCTS}) x where x.product_id = $3
     returning id, umkm_id`,
    [
      e.host_region_code,
      editionId,
      input.productId,
      `Pilihan kantor kota: ${input.reason}`,
      `City office pick: ${input.reason}`,
      acting.who.accountId,
    ],
  );
  await audit(tx, acting.who, {
    action: 'jbl.lineup_add',
    entityType: 'jbl_lineup_item',
    entityId: item!.id,
    umkmId: item!.umkm_id,
    after: { editionId, productId: input.productId, pick: 'city_pick', reason: input.reason },
  });
  return item!.id;
}

/** Takes an item out of the line-up: it sells nothing more; orders already placed stay. */
export async function removeFromLineup(
  tx: Tx,
  acting: Acting,
  editionId: number,
  input: LineupRemoveInput,
): Promise<void> {
  await lockEditionFor(tx, editionId, ADJUSTABLE);
  const [item] = await tx.query<{
    id: number;
    umkm_id: number;
    removed: boolean;
    held: number;
    sold: number;
    stock: number;
  }>(
    `select id, umkm_id, removed_at is not null as removed, held, sold, stock from jbl_lineup_item
      where id = $1 and edition_id = $2 for update`,
    [input.itemId, editionId],
  );
  if (!item)
    throw notFound({ id: 'Produk tidak ada di susunan edisi ini.', en: 'The item is not in this edition’s line-up.' });
  if (item.removed)
    throw refuse(
      'lineup_item_removed',
      'Produk ini sudah dikeluarkan dari susunan.',
      'This item has already been removed from the line-up.',
    );
  await tx.query('update jbl_lineup_item set removed_at = $2, removed_reason = $3 where id = $1', [
    item.id,
    acting.now,
    input.reason,
  ]);
  await audit(tx, acting.who, {
    action: 'jbl.lineup_remove',
    entityType: 'jbl_lineup_item',
    entityId: item.id,
    umkmId: item.umkm_id,
    before: { removed: false, stock: item.stock, held: item.held, sold: item.sold },
    after: { removed: true, reason: input.reason },
  });
}
