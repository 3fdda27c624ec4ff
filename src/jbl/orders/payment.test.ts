// Paying a Friday order, on both engines: the seller confirms (only their own), the aggregator's signed webhook pays
// once per event and refuses forgeries and replays, unpaid holds expire and give the stock back, and a payment after
// expiry takes the stock again only while it is still there.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { itemStock, listProduct, makeEdition } from '../../../test/support/jbl-kit.ts';
import { type KitSeller, makeSeller } from '../../../test/support/procurement-kit.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { releaseExpired } from './hold-stock.ts';
import { sweepExpiredHolds } from './hold-sweeper.ts';
import { signBody } from './payment-webhook.ts';

let db: Db;
let app: App;
const SECRET = 'rahasia-agregator-uji';
beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  process.env.PL_QRIS_WEBHOOK_SECRET = SECRET;
});

async function order(stock = 5, quantity = 2) {
  const editionId = await makeEdition(db, 'open');
  const seller = await makeSeller(db);
  const itemId = await listProduct(db, editionId, seller, { stock, price: 30_000 });
  const res = await app.inject({
    method: 'POST',
    url: `/api/jbl/editions/${editionId}/checkout`,
    payload: {
      lines: [{ itemId, quantity }],
      buyer: { name: 'Budi', phone: '081298765432' },
      pickup: { kind: 'seller' },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const o = res.json();
  return { editionId, seller, itemId, number: o.children[0].number as string, token: o.trackingToken as string };
}

const csrf = async (cookie: string) =>
  (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().csrfToken as string;
async function confirm(seller: KitSeller, number: string) {
  return app.inject({
    method: 'POST',
    url: `/api/jbl/child-orders/${number}/confirm-payment`,
    payload: { reference: 'GOPAY-123' },
    headers: { cookie: seller.cookie, 'x-csrf-token': await csrf(seller.cookie) },
  });
}
function notify(body: object, signature?: string) {
  const raw = JSON.stringify(body);
  return app.inject({
    method: 'POST',
    url: '/api/jbl/payments/qris-webhook',
    payload: raw,
    headers: { 'content-type': 'application/json', 'x-pl-signature': signature ?? signBody(raw, SECRET) },
  });
}
const status = async (token: string) =>
  (await app.inject({ method: 'GET', url: `/api/jbl/orders/track/${token}` })).json().children[0].status as string;

describe('the seller confirms a payment', () => {
  it('moves the stock from held to sold once, shows paid on the tracking page, and never reaches another seller’s order', async () => {
    const o = await order();
    const other = await makeSeller(db);
    expect((await confirm(other, o.number)).statusCode).toBe(404);
    const res = await confirm(o.seller, o.number);
    expect(res.json()).toEqual({ number: o.number, status: 'paid', outcome: 'paid' });
    expect((await confirm(o.seller, o.number)).json().outcome).toBe('already_paid');
    expect(await itemStock(db, o.itemId)).toMatchObject({ stock: 3, held: 0, sold: 2 });
    expect(await status(o.token)).toBe('paid');
    const audits = await db.query(
      `select 1 from audit_log where action = 'jbl.payment_confirm' and after->>'reference' = 'GOPAY-123'
                                   and entity_id = (select id::text from jbl_child_order where number = $1)`,
      [o.number],
    );
    expect(audits).toHaveLength(1);
  });
});

describe('the aggregator’s signed notification', () => {
  it('pays once per event: the same event again answers the same and changes nothing', async () => {
    const o = await order();
    const e = { eventId: `evt-${o.number}`, reference: o.number, amount: 60_000, sentAt: new Date().toISOString() };
    const first = await notify(e);
    expect(first.json()).toEqual({ number: o.number, status: 'paid', outcome: 'paid' });
    const again = await notify(e);
    expect(again.statusCode).toBe(200);
    expect(again.json().outcome).toBe('paid');
    expect(await itemStock(db, o.itemId)).toMatchObject({ held: 0, sold: 2 });
    const other = await notify({ ...e, amount: 1 });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('webhook_event_conflict');
  });

  it('refuses a wrong signature and a replay of an old notification, and keeps a wrong amount unpaid', async () => {
    const o = await order();
    const e = { eventId: `evt2-${o.number}`, reference: o.number, amount: 60_000, sentAt: new Date().toISOString() };
    const forged = await notify(e, signBody(JSON.stringify(e), 'not-the-secret'));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('webhook_signature');
    const old = await notify({ ...e, sentAt: new Date(Date.now() - 10 * 60_000).toISOString() });
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('webhook_replay');
    const wrong = await notify({ ...e, eventId: `evt3-${o.number}`, amount: 59_000 });
    expect(wrong.json().outcome).toBe('amount_mismatch');
    expect(await status(o.token)).toBe('awaiting_payment');
  });
});

describe('holds that run out', () => {
  it('expire and give the stock back; paying late takes it again while it is there, and is refused once it is gone', async () => {
    const o = await order(2, 2);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(
      await db.transaction((tx) => releaseExpired(tx, later, { editionId: o.editionId, itemIds: [o.itemId] })),
    ).toBe(1);
    expect(await itemStock(db, o.itemId)).toMatchObject({ stock: 2, held: 0, sold: 0 });
    expect(await status(o.token)).toBe('expired');
    expect((await confirm(o.seller, o.number)).json()).toMatchObject({ status: 'paid', outcome: 'paid' });
    expect(await itemStock(db, o.itemId)).toMatchObject({ stock: 0, held: 0, sold: 2 });

    const p = await order(2, 2);
    await db.query(`update jbl_child_order set hold_expires_at = now() - interval '1 minute' where number = $1`, [
      p.number,
    ]);
    // Someone else buys the released stock at once: the checkout releases the expired hold itself.
    const res = await app.inject({
      method: 'POST',
      url: `/api/jbl/editions/${p.editionId}/checkout`,
      payload: {
        lines: [{ itemId: p.itemId, quantity: 2 }],
        buyer: { name: 'Ani', phone: '081311112222' },
        pickup: { kind: 'seller' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await confirm(p.seller, p.number)).json()).toMatchObject({ status: 'expired', outcome: 'expired' });
    expect(await itemStock(db, p.itemId)).toMatchObject({ stock: 0, held: 2, sold: 0 });
  });

  it('are all given back by the sweeper in one pass, however many carts were abandoned', async () => {
    const orders = [await order(5, 1), await order(5, 2), await order(5, 3)];
    // Their holds ran out a minute ago (other test files' fresh holds stay as they are).
    await db.query(`update jbl_child_order set hold_expires_at = now() - interval '1 minute' where number = any($1)`, [
      orders.map((o) => o.number),
    ]);
    expect(await sweepExpiredHolds(db)).toBeGreaterThanOrEqual(3);
    for (const o of orders) {
      expect(await status(o.token)).toBe('expired');
      expect(await itemStock(db, o.itemId)).toMatchObject({ stock: 5, held: 0, sold: 0 });
    }
  });
});
