// Placing a cart: one order group per placement whatever the retries (Idempotency-Key), one order per seller with
// its lines and money fixed at placement; a mandate rule broken without an approved exception refuses the whole
// placement and changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { as, type BuyingWorld, makeBuyingWorld, orderCounts, readyPackage } from '../../../test/support/buying-kit.ts';
import { testApp, testDb } from '../../../test/support/db.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';

let db: Db;
let app: App;
let w: BuyingWorld;

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  w = await makeBuyingWorld(db);
});

const put = (pkg: number, productId: number, quantity: number) =>
  as(app, w.pp, 'PUT', `/api/procurement/buying/packages/${pkg}/cart`, { productId, quantity });
const place = (pkg: number, key?: string) =>
  as(app, w.pp, 'POST', `/api/procurement/buying/packages/${pkg}/orders`, {}, key ? { 'idempotency-key': key } : {});

describe('placing the cart', () => {
  it('the same Idempotency-Key twice creates one order group, one order per seller, and empties the cart', async () => {
    const pkg = await readyPackage(db, w);
    expect((await put(pkg, w.sellers.jak.productId, 10)).statusCode).toBe(200);
    expect((await put(pkg, w.sellers.coop.productId, 2)).statusCode).toBe(200);
    const key = `uji-${pkg}`;
    const first = await place(pkg, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await place(pkg, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().groupId).toBe(first.json().groupId);
    expect(await orderCounts(db, pkg)).toEqual({ groups: 1, orders: 2, lines: 2 });
    expect((await db.query('select 1 from cart_line where package_id = $1', [pkg])).length).toBe(0);

    const orders = await db.query<{
      umkm_id: number;
      total: number;
      counts_umk: boolean;
      status: string;
      unit_id: number;
      money: { total: number; rounding: string; advanceCeiling: number };
    }>('select umkm_id, total, counts_umk, status, unit_id, money from eorder where package_id = $1 order by umkm_id', [
      pkg,
    ]);
    const jak = orders.find((o) => o.umkm_id === w.sellers.jak.umkmId)!;
    expect(jak).toMatchObject({ total: 350_000, counts_umk: true, status: 'placed', unit_id: w.unitId });
    expect(jak.money).toMatchObject({ total: 350_000, rounding: 'floor', advanceCeiling: 350_000 });
    expect(orders.find((o) => o.umkm_id === w.sellers.coop.umkmId)).toMatchObject({ total: 300_000, counts_umk: true });
    const [line] = await db.query<{ unit_price: number; quantity: number; amount: number }>(
      `select l.unit_price, l.quantity, l.amount from eorder_line l join eorder o on o.id = l.order_id
        where o.package_id = $1 and l.product_id = $2`,
      [pkg, w.sellers.jak.productId],
    );
    expect(line).toEqual({ unit_price: 35_000, quantity: 10, amount: 350_000 });
  });

  it('keeps the price of placement when the product price changes later', async () => {
    const pkg = await readyPackage(db, w);
    await put(pkg, w.sellers.coop.productId, 1);
    expect((await place(pkg)).statusCode).toBe(201);
    await db.query('update product set price = price + 1000 where id = $1', [w.sellers.coop.productId]);
    const [o] = await db.query<{ total: number }>('select total from eorder where package_id = $1', [pkg]);
    expect(o!.total).toBe(150_000);
    await db.query('update product set price = price - 1000 where id = $1', [w.sellers.coop.productId]);
  });

  it('refuses an order breaking a mandate rule with 422 mandate_rule and changes nothing; an approved exception lets it through', async () => {
    const pkg = await readyPackage(db, w);
    // Food from a medium non-Jakpreneur seller: the meeting-food rule is broken.
    await put(pkg, w.sellers.big.productId, 5);
    await put(pkg, w.sellers.jak.productId, 5);
    const groupsBefore = (await db.query<{ n: number }>('select count(*)::int as n from order_group'))[0]!.n;
    const ordersBefore = (await db.query<{ n: number }>('select count(*)::int as n from eorder'))[0]!.n;
    const refused = await place(pkg, `breach-${pkg}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('mandate_rule');
    expect(refused.json().message.id).toContain('Jakpreneur');
    expect(refused.json().message.en).toContain('meeting_food_curated_jakpreneur');
    expect((await db.query<{ n: number }>('select count(*)::int as n from order_group'))[0]!.n).toBe(groupsBefore);
    expect((await db.query<{ n: number }>('select count(*)::int as n from eorder'))[0]!.n).toBe(ordersBefore);
    expect(await orderCounts(db, pkg)).toEqual({ groups: 0, orders: 0, lines: 0 });
    expect((await db.query('select 1 from cart_line where package_id = $1', [pkg])).length).toBe(2);

    // A requested (not yet approved) exception does not let it through.
    const req = await as(app, w.pp, 'POST', `/api/procurement/buying/packages/${pkg}/exceptions`, {
      ruleCode: 'meeting_food_curated_jakpreneur',
      justification: 'Kue khusus untuk tamu negara hanya tersedia dari penyedia ini.',
    });
    expect(req.statusCode, req.body).toBe(201);
    expect((await place(pkg)).json().code).toBe('mandate_rule');
    const decided = await as(app, w.pa, 'POST', `/api/procurement/buying/exceptions/${req.json().id}/decision`, {
      decision: 'approve',
      note: 'Disetujui untuk acara ini.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const placed = await place(pkg);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().orders).toHaveLength(2);
    const big = placed.json().orders.find((o: { umkmId: number }) => o.umkmId === w.sellers.big.umkmId);
    expect(big.countsUmk).toBe(false);
    const [m] = await db.query<{ money: { ppn: number } }>('select money from eorder where id = $1', [big.id]);
    expect(m!.money.ppn).toBe(Math.floor((100_000 * 11) / 111)); // the PKP seller's PPN inside the total
  });

  it('refuses a reserved package to a medium seller, and accepts a cooperative', async () => {
    const pkg = await readyPackage(db, w, { reserved: true });
    await put(pkg, w.sellers.big.productId, 1);
    const refused = await place(pkg);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['rules.reserved_package_small']),
    );
    await put(pkg, w.sellers.big.productId, 0);
    await put(pkg, w.sellers.coop.productId, 1);
    expect((await place(pkg)).statusCode).toBe(201);
  });

  it('refuses an empty cart, a product not curated for e-Order, and orders above the pagu', async () => {
    const pkg = await readyPackage(db, w, { pagu: 100_000 });
    expect((await place(pkg)).json().code).toBe('cart_empty');
    await db.query('update product set channel_e_order = false where id = $1', [w.sellers.coop.productId]);
    const notCurated = await put(pkg, w.sellers.coop.productId, 1);
    await db.query('update product set channel_e_order = true where id = $1', [w.sellers.coop.productId]);
    expect(notCurated.statusCode).toBe(422);
    expect(notCurated.json().code).toBe('product_not_orderable');
    await put(pkg, w.sellers.coop.productId, 1);
    const over = await place(pkg);
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('over_pagu');
  });

  it('cancels an order while it is placed, and not twice', async () => {
    const pkg = await readyPackage(db, w);
    await put(pkg, w.sellers.jak.productId, 1);
    const orderId = (await place(pkg)).json().orders[0].id;
    const cancel = () => as(app, w.pp, 'POST', `/api/procurement/buying/orders/${orderId}/cancel`, {});
    expect((await as(app, w.otherPp, 'POST', `/api/procurement/buying/orders/${orderId}/cancel`, {})).statusCode).toBe(
      404,
    );
    expect((await cancel()).json()).toEqual({ id: orderId, status: 'cancelled' });
    const again = await cancel();
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('order_state');
  });
});
