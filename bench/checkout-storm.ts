// The Friday checkout storm shared by `npm run bench -- checkout` and `npm run test:faults`: a bench edition with its
// own line-up (made fresh each run, so a second run finds the data as the first did), guest buyers whose every cart
// holds lines of two sellers — a fifth of them on 10 hot products with limited stock, so sold-out 409s happen — and
// the exact oversell check afterwards.
import crypto from 'node:crypto';
import type { Db } from '../src/platform/db/types.ts';
import { loadDemo } from '../src/seed/load-demo.ts';

export interface StormItem {
  id: number;
  umkmId: number;
}

export interface StormWorld {
  editionId: number;
  hub: string;
  hot: StormItem[];
  cold: StormItem[];
}

export const HOT_PRODUCTS = 10;
const DAY = 86_400_000;

/** Loads the demo data when the database has no sellers yet (an empty database). */
export async function ensureDemo(db: Db, log: (msg: string) => void): Promise<void> {
  const [u] = await db.query<{ n: number }>('select count(*)::int as n from product where status = $1', ['published']);
  if (u && u.n > 0) return;
  log('no published products: loading the demo data first');
  await loadDemo(db, (msg) => log(msg));
}

/** A Friday no edition takes (friday and held_on are unique): far in the future, so it never meets a real one. */
async function freeFriday(db: Db): Promise<string> {
  for (;;) {
    const weeks = Math.floor(Math.random() * 5000);
    const friday = new Date(Date.UTC(2200, 0, 3) + 7 * DAY * weeks).toISOString().slice(0, 10); // 2200-01-03: a Friday
    const taken = await db.query('select 1 from jbl_edition where friday = $1 or held_on = $1', [friday]);
    if (!taken.length) return friday;
  }
}

/**
 * A new edition open for pre-orders now, with one product of each of up to `sellers` demo sellers: the first
 * HOT_PRODUCTS with `hotStock` units, the others with `coldStock` (never running out).
 */
export async function makeStormWorld(
  db: Db,
  opts: { hotStock: number; coldStock: number; sellers?: number },
): Promise<StormWorld> {
  const products = await db.query<{ id: number; umkm_id: number; price: number; category_code: string; kec: string }>(
    `select distinct on (p.umkm_id) p.id, p.umkm_id, p.price, p.category_code, v.parent_code as kec
       from product p join umkm u on u.id = p.umkm_id join region v on v.code = u.village_code
      where p.status = 'published' and p.price > 0
      order by p.umkm_id, p.id limit $1`,
    [opts.sellers ?? 400],
  );
  if (products.length < HOT_PRODUCTS + 2) throw new Error(`only ${products.length} sellers with products: too few`);
  const [host] = await db.query<{ city: string; hub: string }>(
    `select k.parent_code as city, k.code as hub from region k where k.code = $1`,
    [products[0]!.kec],
  );
  const friday = await freeFriday(db);
  const now = Date.now();
  const [e] = await db.query<{ id: number }>(
    `insert into jbl_edition (friday, held_on, host_region_code, preorder_opens_at, preorder_closes_at, live_starts_at, live_ends_at, status)
     values ($1, $1, $2, $3, $4, $5, $6, 'open') returning id`,
    [
      friday,
      host!.city,
      new Date(now - DAY),
      new Date(now + DAY),
      new Date(now + 2 * DAY),
      new Date(now + 2 * DAY + 3_600_000),
    ],
  );
  const editionId = Number(e!.id);
  const ids = await db.query<{ id: number; umkm_id: number }>(
    `insert into jbl_lineup_item (edition_id, product_id, umkm_id, kecamatan_code, category_code, price, stock_initial, stock, pick, reason_id, reason_en)
     select $1, p.id, p.umkm, p.kec, p.cat, p.price, p.stock, p.stock, 'city_pick', 'Bench checkout', 'Checkout bench'
       from unnest($2::int8[], $3::int8[], $4::text[], $5::text[], $6::int8[], $7::int4[]) with ordinality
            as p (id, umkm, kec, cat, price, stock, n)
      order by p.n
     returning id, umkm_id`,
    [
      editionId,
      products.map((p) => p.id),
      products.map((p) => p.umkm_id),
      products.map((p) => p.kec),
      products.map((p) => p.category_code),
      products.map((p) => p.price),
      products.map((_, i) => (i < HOT_PRODUCTS ? opts.hotStock : opts.coldStock)),
    ],
  );
  const items = ids.map((r) => ({ id: Number(r.id), umkmId: Number(r.umkm_id) })).sort((a, b) => a.id - b.id);
  return { editionId, hub: host!.hub, hot: items.slice(0, HOT_PRODUCTS), cold: items.slice(HOT_PRODUCTS) };
}

/** Ends the bench edition (closed: it sells nothing more and is never the demo's current edition). */
export async function closeStormWorld(db: Db, world: StormWorld): Promise<void> {
  await db.query(`update jbl_edition set status = 'closed', updated_at = now() where id = $1`, [world.editionId]);
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

/** One buyer's cart: two lines of two different sellers; a hot buyer's first line is a hot product. */
export function cartFor(world: StormWorld, hotBuyer: boolean, n: number) {
  const first = pick(hotBuyer ? world.hot : world.cold);
  let second = pick(world.cold);
  while (second.umkmId === first.umkmId) second = pick(world.cold);
  const phone = `0812${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}`;
  return {
    lines: [
      { itemId: first.id, quantity: 1 + Math.floor(Math.random() * 2) },
      { itemId: second.id, quantity: 1 + Math.floor(Math.random() * 3) },
    ],
    buyer: { name: `Pembeli Bench ${n}`, phone },
    pickup: n % 2 ? { kind: 'seller' as const } : { kind: 'hub' as const, hubCode: world.hub },
  };
}

export interface Answer {
  status: number;
  code?: string;
  number?: string;
  replayed?: boolean;
}

/** Sends one checkout; a connection error is status 0. */
export async function sendCheckout(url: string, world: StormWorld, body: object, key: string): Promise<Answer> {
  try {
    const res = await fetch(`${url}/api/jbl/editions/${world.editionId}/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as { number?: string; code?: string };
    return {
      status: res.status,
      code: json.code,
      number: json.number,
      replayed: res.headers.get('idempotent-replayed') === 'true',
    };
  } catch {
    return { status: 0, code: 'connection' };
  }
}

export const runTag = () => crypto.randomBytes(4).toString('hex');

/**
 * Oversell, exactly: items of the edition where stock + held + sold differs from what was brought, or where held
 * (sold) differs from the quantities of the lines of unpaid (paid or handed-over) child orders.
 */
export async function oversold(db: Db, editionId: number): Promise<{ oversold: number; items: number; units: number }> {
  const [r] = await db.query<{ bad: number; items: number; units: number }>(
    `with l as (
       select l.lineup_item_id as id,
              coalesce(sum(l.quantity) filter (where c.status = 'awaiting_payment'), 0) as held,
              coalesce(sum(l.quantity) filter (where c.status in ('paid', 'handed_over')), 0) as sold
         from jbl_order_line l join jbl_child_order c on c.id = l.child_order_id
        where c.edition_id = $1 group by 1)
     select count(*) filter (where i.stock + i.held + i.sold <> i.stock_initial or i.stock < 0
                               or i.held <> coalesce(l.held, 0) or i.sold <> coalesce(l.sold, 0))::int as bad,
            count(*)::int as items, coalesce(sum(i.held + i.sold), 0)::int as units
       from jbl_lineup_item i left join l on l.id = i.id where i.edition_id = $1`,
    [editionId],
  );
  return { oversold: r!.bad, items: r!.items, units: r!.units };
}
