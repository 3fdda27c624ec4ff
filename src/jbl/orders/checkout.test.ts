// The Friday checkout through the HTTP API, on both engines: a guest's cart from two sellers becomes two child
// orders with valid QRIS; what is short is named and nothing is held; a retry never doubles; concurrent buyers never
// oversell; the edition must be selling.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { hubOf, itemStock, listProduct, makeEdition } from '../../../test/support/jbl-kit.ts';
import { makeSeller } from '../../../test/support/procurement-kit.ts';
import { makeAccount } from '../../../test/support/factories.ts';
import { createSession } from '../../platform/auth/session.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { decodeQris } from '../../platform/qris/decode-qris.ts';

let db: Db;
let app: App;
beforeAll(async () => {
  db = await testDb();
  app = await testApp();
});

const guest = { name: 'Sari Wulandari', phone: '0812-3456-7890' };
const buy = (editionId: number, body: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/api/jbl/editions/${editionId}/checkout`, payload: body, headers });

async function twoSellerEdition(stock = 10) {
  const editionId = await makeEdition(db, 'open');
  const [a, b] = [await makeSeller(db), await makeSeller(db)];
  const itemA = await listProduct(db, editionId, a, { stock, price: 25_000 });
  const itemB = await listProduct(db, editionId, b, { stock, price: 40_000 });
  return { editionId, a, b, itemA, itemB, hub: await hubOf(db) };
}

describe('checkout of a cart across two sellers', () => {
  it('makes one order with a child order and a valid QRIS per seller, holds the stock, and can be tracked', async () => {
    const w = await twoSellerEdition();
    const res = await buy(w.editionId, {
      lines: [
        { itemId: w.itemA, quantity: 2 },
        { itemId: w.itemB, quantity: 1 },
      ],
      buyer: guest,
      pickup: { kind: 'hub', hubCode: w.hub },
    });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    expect(order.total).toBe(90_000);
    expect(order.session).toBe('preorder');
    expect(order.children).toHaveLength(2);
    for (const c of order.children) {
      const d = decodeQris(c.qrisPayload);
      expect(d.crcValid).toBe(true);
      expect(d.errors).toEqual([]);
      expect(d.amount).toBe(c.total);
      expect((d.fields['62'] as Record<string, string>)['01']).toBe(c.number);
    }
    expect(order.children.map((c: { total: number }) => c.total).sort()).toEqual([40_000, 50_000]);
    expect(await itemStock(db, w.itemA)).toMatchObject({ stock: 8, held: 2, sold: 0 });

    const track = await app.inject({ method: 'GET', url: `/api/jbl/orders/track/${order.trackingToken}` });
    expect(track.statusCode).toBe(200);
    const t = track.json();
    expect(t.buyer).toEqual({ kind: 'guest', name: guest.name, phone: '+62812****890' });
    expect(t.children.map((c: { status: string }) => c.status)).toEqual(['awaiting_payment', 'awaiting_payment']);
    expect(t.children[0].payment.svg).toMatch(/^<svg/);
    expect(t.children[0].pickup.kind).toBe('hub');
    const [phone] = await db.query<{ enc: Buffer }>('select buyer_phone_enc as enc from jbl_order where number = $1', [
      order.number,
    ]);
    expect(Buffer.from(phone!.enc).toString('latin1')).not.toContain('3456');
  });

  it('pays a seller with a QRIS merchant account directly, and the aggregator for a seller without one', async () => {
    const w = await twoSellerEdition();
    await db.query(
      `insert into umkm_qris_merchant (umkm_id, merchant_name, merchant_city, postal_code, mcc, nmid, criteria)
       values ($1, 'KUE BU SARI', 'JAKARTA PUSAT', '10110', '5499', 'ID1024000000001', 'UMI')`,
      [w.a.umkmId],
    );
    const res = await buy(w.editionId, {
      lines: [
        { itemId: w.itemA, quantity: 1 },
        { itemId: w.itemB, quantity: 1 },
      ],
      buyer: guest,
      pickup: { kind: 'seller' },
    });
    const byTotal = new Map(res.json().children.map((c: { total: number }) => [c.total, c]));
    const own = byTotal.get(25_000) as { paidTo: string; qrisPayload: string };
    const agg = byTotal.get(40_000) as { paidTo: string; qrisPayload: string };
    expect(own.paidTo).toBe('seller');
    expect(decodeQris(own.qrisPayload).fields['59']).toBe('KUE BU SARI');
    expect(agg.paidTo).toBe('aggregator');
    expect(decodeQris(agg.qrisPayload).fields['59']).toBe('PASAR LOKAL JAKARTA');
  });

  it('names the line that is short, holds nothing and writes nothing; the rest of the cart can still be bought', async () => {
    const w = await twoSellerEdition(3);
    const before = await db.query('select count(*)::int as n from jbl_order');
    const res = await buy(w.editionId, {
      lines: [
        { itemId: w.itemA, quantity: 1 },
        { itemId: w.itemB, quantity: 5 },
      ],
      buyer: guest,
      pickup: { kind: 'seller' },
    });
    expect(res.statusCode).toBe(409);
    const p = res.json();
    expect(p.code).toBe('sold_out');
    expect(p.errors).toEqual([expect.objectContaining({ field: 'body.lines.1.quantity', code: 'stock_short' })]);
    expect(p.errors[0].message.id).toBe('Stok tinggal 3.');
    expect(await itemStock(db, w.itemA)).toMatchObject({ stock: 3, held: 0 });
    expect(await db.query('select count(*)::int as n from jbl_order')).toEqual(before);
    const rest = await buy(w.editionId, {
      lines: [{ itemId: w.itemA, quantity: 1 }],
      buyer: guest,
      pickup: { kind: 'seller' },
    });
    expect(rest.statusCode).toBe(201);
  });

  it('gives the same order for a retry with the same Idempotency-Key, never a second one', async () => {
    const w = await twoSellerEdition();
    const body = { lines: [{ itemId: w.itemA, quantity: 1 }], buyer: guest, pickup: { kind: 'seller' } };
    const key = { 'idempotency-key': `jbl-${w.itemA}` };
    const [first, again] = [await buy(w.editionId, body, key), await buy(w.editionId, body, key)];
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().number).toBe(first.json().number);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await itemStock(db, w.itemA)).toMatchObject({ stock: 9, held: 1 });
  });

  it('never oversells: 12 buyers at once for 5 left, exactly 5 get one', async () => {
    const w = await twoSellerEdition(5);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        buy(w.editionId, {
          lines: [
            { itemId: w.itemA, quantity: 1 },
            { itemId: w.itemB, quantity: 1 },
          ],
          buyer: guest,
          pickup: { kind: 'seller' },
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'sold_out')).toBe(true);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
    expect(await itemStock(db, w.itemA)).toMatchObject({ stock: 0, held: 5, sold: 0 });
  });

  it('counts an ASN’s order for their agency, and takes a signed-in buyer’s name from the account', async () => {
    const w = await twoSellerEdition();
    const [agency] = await db.query<{ id: number }>(
      `insert into agency (code, name, kind) values ('JBLK' || floor(random()*1e9)::text, 'Dinas Uji', 'opd') returning id`,
    );
    const asn = await makeAccount(db, [{ role: 'asn_buyer', scopeId: String(agency!.id) }]);
    const cookie = `pl_session=${(await db.transaction((tx) => createSession(tx, asn.id))).token}`;
    const res = await app.inject({
      method: 'POST',
      url: `/api/jbl/editions/${w.editionId}/checkout`,
      payload: { lines: [{ itemId: w.itemB, quantity: 3 }], pickup: { kind: 'seller' } },
      headers: { cookie, 'x-csrf-token': await csrf(cookie) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [o] = await db.query<{ buyer_kind: string; agency_id: number }>(
      'select buyer_kind, agency_id from jbl_order where number = $1',
      [res.json().number],
    );
    expect(o).toEqual({ buyer_kind: 'asn', agency_id: agency!.id });
  });

  it('refuses a guest without a valid phone, a hub outside the host kota, and an edition that is not selling', async () => {
    const w = await twoSellerEdition();
    const bad = await buy(w.editionId, {
      lines: [{ itemId: w.itemA, quantity: 1 }],
      buyer: { name: 'Sari', phone: '12345678' },
      pickup: { kind: 'seller' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.buyer.phone');
    const away = await buy(w.editionId, {
      lines: [{ itemId: w.itemA, quantity: 1 }],
      buyer: guest,
      pickup: { kind: 'hub', hubCode: await hubOf(db, '3175') },
    });
    expect(away.json().errors[0]).toMatchObject({ field: 'body.pickup.hubCode', code: 'hub_outside_host' });
    const closed = await makeEdition(db, 'open', { window: 'past' });
    const item = await listProduct(db, closed, w.a);
    const late = await buy(closed, {
      lines: [{ itemId: item, quantity: 1 }],
      buyer: guest,
      pickup: { kind: 'seller' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('edition_not_selling');
    expect(late.json().message.id).toMatch(/Pre-order sudah ditutup/);
    const planned = await makeEdition(db, 'planned');
    expect(
      (await buy(planned, { lines: [{ itemId: item, quantity: 1 }], buyer: guest, pickup: { kind: 'seller' } }))
        .statusCode,
    ).toBe(404);
    expect(await itemStock(db, w.itemA)).toMatchObject({ stock: 10, held: 0 });
  });
});

async function csrf(cookie: string): Promise<string> {
  return (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().csrfToken;
}
