// Jumat Beli Lokal fixtures: an edition selling now (pre-order window around the present, or live), and line-up
// items of a seller with the stock they bring, made directly in SQL as the line-up builder would leave them.
import type { Db } from '../../src/platform/db/types.ts';
import { unique } from './factories.ts';
import type { KitSeller } from './procurement-kit.ts';

const DAY = 86_400_000;
let week = Math.floor(Math.random() * 400);

/** A Friday no other test takes: a random free one in the 2090s (jbl_edition.friday and held_on are unique). */
async function freeFriday(db: Db): Promise<string> {
  for (;;) {
    const d = new Date(Date.UTC(2090, 0, 6) + 7 * DAY * ((week++ % 450) + Math.floor(Math.random() * 50)));
    const friday = d.toISOString().slice(0, 10);
    const taken = await db.query('select 1 from jbl_edition where friday = $1 or held_on = $1', [friday]);
    if (!taken.length) return friday;
  }
}

/** An edition of host kota `host` selling now: 'open' within its pre-order window, or 'live'; or closed/planned. */
export async function makeEdition(
  db: Db,
  status: 'open' | 'live' | 'closed' | 'planned' = 'open',
  opts: { host?: string; window?: 'now' | 'past' | 'future' } = {},
): Promise<number> {
  const friday = await freeFriday(db);
  const now = Date.now();
  const shift = opts.window === 'past' ? -3 * DAY : opts.window === 'future' ? 3 * DAY : 0;
  const at = (ms: number) => new Date(now + shift + ms);
  const [e] = await db.query<{ id: number }>(
    `insert into jbl_edition (friday, held_on, host_region_code, preorder_opens_at, preorder_closes_at, live_starts_at, live_ends_at, status)
     values ($1, $1, $2, $3, $4, $5, $6, $7) returning id`,
    [friday, opts.host ?? '3171', at(-DAY), at(DAY), at(2 * DAY), at(2 * DAY + 3_600_000), status],
  );
  return Number(e!.id);
}

/** A published product of `seller` listed in the edition with `stock` brought at `price`. Returns the item id. */
export async function listProduct(
  db: Db,
  editionId: number,
  seller: Pick<KitSeller, 'umkmId'>,
  opts: { stock?: number; price?: number; name?: string; category?: string } = {},
): Promise<number> {
  const price = opts.price ?? 25_000;
  const category =
    opts.category ??
    (await db.query<{ code: string }>('select code from product_category order by code limit 1'))[0]!.code;
  const [p] = await db.query<{ id: number }>(
    `insert into product (umkm_id, name, category_code, price, unit, stock, status) values ($1, $2, $3, $4, 'pcs', $5, 'published') returning id`,
    [seller.umkmId, opts.name ?? `Kue Kit ${unique()}`, category, price, opts.stock ?? 10],
  );
  const [k] = await db.query<{ code: string }>(
    `select v.parent_code as code from umkm u join region v on v.code = u.village_code where u.id = $1`,
    [seller.umkmId],
  );
  const [i] = await db.query<{ id: number }>(
    `insert into jbl_lineup_item (edition_id, product_id, umkm_id, kecamatan_code, category_code, price, stock_initial, stock, pick, rotation_round, reason_id, reason_en)
     values ($1, $2, $3, $4, $5, $6, $7, $7, 'rotation', 1, 'Giliran tampil', 'Rotation turn') returning id`,
    [editionId, p!.id, seller.umkmId, k!.code, category, price, opts.stock ?? 10],
  );
  return Number(i!.id);
}

/** stock, held, sold of an item. */
export async function itemStock(db: Db, itemId: number) {
  const [r] = await db.query<{ stock: number; held: number; sold: number; stock_initial: number }>(
    'select stock, held, sold, stock_initial from jbl_lineup_item where id = $1',
    [itemId],
  );
  return r!;
}

/** A hub of the kota `host` (a kecamatan code). */
export async function hubOf(db: Db, host = '3171'): Promise<string> {
  const [r] = await db.query<{ code: string }>(
    `select code from region where parent_code = $1 and level = 'district' order by code limit 1`,
    [host],
  );
  return r!.code;
}
