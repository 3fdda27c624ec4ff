// The seller's Jumat Beli Lokal view through the HTTP API, on both engines: orders placed through the real checkout,
// paid and handed over through the seller's routes; each seller sees only their own businesses' products, orders and
// payments (another seller's edition is not found, their payments are not there), and the figures equal the fixture.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { hubOf, listProduct, makeEdition } from '../../../test/support/jbl-kit.ts';
import { type KitSeller, makeSeller } from '../../../test/support/procurement-kit.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';

let db: Db;
let app: App;
let a: KitSeller;
let b: KitSeller;
let stranger: KitSeller;
let editionId: number;
let hub: string;
const n = { a1: '', a2: '', a3: '', b1: '' };
const item = { a1: 0, a2: 0, b: 0 };

const as = (s: KitSeller, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie: s.cookie }, ...(payload ? { payload } : {}) });

async function buy(name: string, lines: [number, number][], pickup: object) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/jbl/editions/${editionId}/checkout`,
    payload: {
      lines: lines.map(([itemId, quantity]) => ({ itemId, quantity })),
      buyer: { name, phone: '081234567890' },
      pickup,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().children as { number: string; sellerName: string }[];
}
const childOf = (children: { number: string; sellerName: string }[], s: KitSeller) =>
  children.find((c) => c.sellerName === s.name)!.number;

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  [a, b, stranger] = [await makeSeller(db), await makeSeller(db), await makeSeller(db)];
  editionId = await makeEdition(db, 'open');
  hub = await hubOf(db);
  item.a1 = await listProduct(db, editionId, a, { stock: 10, price: 25_000, name: 'Kue Lapis Legit' });
  item.a2 = await listProduct(db, editionId, a, { stock: 5, price: 40_000, name: 'Bolu Pandan' });
  item.b = await listProduct(db, editionId, b, { stock: 10, price: 30_000, name: 'Keripik Tempe' });
  const o1 = await buy(
    'Sari Wulandari',
    [
      [item.a1, 2],
      [item.b, 1],
    ],
    { kind: 'hub', hubCode: hub },
  );
  [n.a1, n.b1] = [childOf(o1, a), childOf(o1, b)];
  // From now on seller A has their own QRIS merchant: buyers pay them directly.
  await db.query(
    `insert into umkm_qris_merchant (umkm_id, merchant_name, merchant_city, postal_code, mcc, nmid, criteria)
     values ($1, 'KUE BU SARI', 'JAKARTA', '10110', '5499', 'ID1021000000777', 'UMI')`,
    [a.umkmId],
  );
  n.a2 = childOf(
    await buy(
      'Budi Santoso',
      [
        [item.a1, 1],
        [item.a2, 1],
      ],
      { kind: 'seller' },
    ),
    a,
  );
  n.a3 = childOf(await buy('Rina Kartika', [[item.a2, 2]], { kind: 'hub', hubCode: hub }), a);
  for (const [s, num] of [
    [a, n.a1],
    [a, n.a2],
    [b, n.b1],
  ] as const) {
    const res = await as(s, 'POST', `/api/jbl/child-orders/${num}/confirm-payment`, {});
    expect(res.json().outcome, res.body).toBe('paid');
  }
  expect((await as(a, 'POST', `/api/jbl/child-orders/${n.a2}/hand-over`, {})).json().status).toBe('handed_over');
});

describe('the seller’s editions', () => {
  it('lists the editions I am in with my products’ stock and my orders to act on, never another seller’s', async () => {
    const res = await as(a, 'GET', '/api/jbl/seller/editions');
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json().editions.find((x: { id: number }) => x.id === editionId);
    expect(e.status).toBe('open');
    expect(e.items.map((i: { name: string }) => i.name)).toEqual(['Bolu Pandan', 'Kue Lapis Legit']);
    expect(e.items).toEqual([
      expect.objectContaining({ itemId: item.a2, brought: 5, stock: 2, held: 2, sold: 1, price: 40_000 }),
      expect.objectContaining({ itemId: item.a1, brought: 10, stock: 7, held: 0, sold: 3, removed: false }),
    ]);
    expect(e.orders).toEqual({ awaiting: 1, toHandOver: 1, handedOver: 1 });
    expect(res.body).not.toContain('Keripik Tempe');
    const none = await as(stranger, 'GET', '/api/jbl/seller/editions');
    expect(none.json().editions).toEqual([]);
  });

  it('does not show a planned edition (still the Dinas’s draft)', async () => {
    const planned = await makeEdition(db, 'planned');
    await listProduct(db, planned, a);
    const ids = (await as(a, 'GET', '/api/jbl/seller/editions')).json().editions.map((x: { id: number }) => x.id);
    expect(ids).not.toContain(planned);
    expect((await as(a, 'GET', `/api/jbl/seller/editions/${planned}`)).statusCode).toBe(404);
  });
});

describe('what to prepare for Friday', () => {
  it('gives per product the units paid, handed over and awaiting payment with the hold expiry', async () => {
    const res = await as(a, 'GET', `/api/jbl/seller/editions/${editionId}`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.edition).toMatchObject({ id: editionId, status: 'open' });
    const [bolu, lapis] = v.prepare;
    expect(lapis).toMatchObject({ name: 'Kue Lapis Legit', unit: 'pcs', paid: 3, handedOver: 1, awaiting: 0 });
    expect(lapis.firstHoldExpiresAt).toBeNull();
    expect(bolu).toMatchObject({ name: 'Bolu Pandan', paid: 1, handedOver: 1, awaiting: 2 });
    const expiry = new Date(bolu.firstHoldExpiresAt).getTime();
    expect(expiry).toBeGreaterThan(Date.now());
    expect(expiry).toBeLessThanOrEqual(Date.now() + 16 * 60_000);
    expect(v.awaiting).toEqual([
      {
        number: n.a3,
        buyer: 'Rina',
        business: a.name,
        total: 80_000,
        paidTo: 'seller',
        holdExpiresAt: bolu.firstHoldExpiresAt,
        pickup: { kind: 'hub', hubCode: hub, hubName: expect.any(String) },
        lines: [{ lineId: expect.any(Number), name: 'Bolu Pandan', unit: 'pcs', quantity: 2 }],
      },
    ]);
    expect(res.body).not.toMatch(/Kartika|0812|\+62|Keripik/);
  });

  it('is not found for an edition I am not in, as if it did not exist', async () => {
    for (const url of [`/api/jbl/seller/editions/${editionId}`, `/api/jbl/seller/editions/${editionId}/packing`]) {
      const res = await as(stranger, 'GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    expect((await as(a, 'GET', '/api/jbl/seller/editions/999999999')).statusCode).toBe(404);
  });
});

describe('packing lists', () => {
  it('lists paid orders per hub and at my place with the buyer’s first name and the lines, nothing of another seller', async () => {
    const res = await as(a, 'GET', `/api/jbl/seller/editions/${editionId}/packing`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.hubs).toHaveLength(1);
    expect(p.hubs[0]).toMatchObject({ code: hub, units: 2 });
    expect(p.hubs[0].orders).toEqual([
      expect.objectContaining({
        number: n.a1,
        buyer: 'Sari',
        status: 'paid',
        total: 50_000,
        handedOverAt: null,
        lines: [{ lineId: expect.any(Number), name: 'Kue Lapis Legit', unit: 'pcs', quantity: 2 }],
      }),
    ]);
    expect(p.atSeller).toEqual([
      expect.objectContaining({ number: n.a2, buyer: 'Budi', status: 'handed_over', total: 65_000 }),
    ]);
    expect(p.atSeller[0].lines).toHaveLength(2);
    expect(res.body).not.toMatch(/Wulandari|Santoso|0812|\+62|Keripik|Rina/);
    const theirs = (await as(b, 'GET', `/api/jbl/seller/editions/${editionId}/packing`)).json();
    expect(theirs.hubs.flatMap((h: { orders: { number: string }[] }) => h.orders.map((o) => o.number))).toEqual([n.b1]);
    expect(theirs.atSeller).toEqual([]);
  });
});

describe('payments received', () => {
  it('totals what was paid to me directly and via the aggregator', async () => {
    const res = await as(a, 'GET', `/api/jbl/seller/payments?editionId=${editionId}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.totals).toEqual({ count: 2, total: 115_000, direct: 65_000, viaAggregator: 50_000 });
    expect(p.payments.map((x: { number: string; paidTo: string }) => [x.number, x.paidTo]).sort()).toEqual(
      [
        [n.a1, 'aggregator'],
        [n.a2, 'seller'],
      ].sort(),
    );
    expect(p.payments.find((x: { number: string }) => x.number === n.a2)).toMatchObject({
      status: 'handed_over',
      paidVia: 'seller',
      editionId,
    });
    const all = (await as(a, 'GET', '/api/jbl/seller/payments')).json();
    expect(all.totals.total).toBeGreaterThanOrEqual(115_000);
    expect(all.payments.map((x: { number: string }) => x.number)).not.toContain(n.b1);
    const theirs = (await as(b, 'GET', `/api/jbl/seller/payments?editionId=${editionId}`)).json();
    expect(theirs.totals).toEqual({ count: 1, total: 30_000, direct: 0, viaAggregator: 30_000 });
    const nobody = (await as(stranger, 'GET', `/api/jbl/seller/payments?editionId=${editionId}`)).json();
    expect(nobody).toEqual({ payments: [], totals: { count: 0, total: 0, direct: 0, viaAggregator: 0 } });
  });

  it('refuses another seller’s order at confirm and hand-over (not found)', async () => {
    expect((await as(b, 'POST', `/api/jbl/child-orders/${n.a3}/confirm-payment`, {})).statusCode).toBe(404);
    expect((await as(b, 'POST', `/api/jbl/child-orders/${n.a1}/hand-over`, {})).statusCode).toBe(404);
  });
});
