// The seller's side of an order: the inbox shows only its own businesses' orders, a new order is accepted or
// declined (with a reason) once, an accepted one is marked delivered with a note, and the detail shows the money,
// the BAST and the expected payment day.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import {
  type KitAgency,
  type KitSeller,
  makeAgency,
  makeOrder,
  makeSeller,
} from '../../../test/support/procurement-kit.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';

let db: Db;
let app: App;
let agency: KitAgency;
let seller: KitSeller;
let other: KitSeller;

const as = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  agency = await makeAgency(db);
  seller = await makeSeller(db);
  other = await makeSeller(db, '3175');
});

describe('the seller inbox', () => {
  it('lists only my businesses’ orders, new ones first, and filters by status', async () => {
    const delivered = await makeOrder(db, agency, seller, 'delivered');
    const placed = await makeOrder(db, agency, seller, 'placed');
    const theirs = await makeOrder(db, agency, other, 'placed');
    const res = await as(seller.cookie, 'GET', '/api/procurement/seller/orders');
    expect(res.statusCode).toBe(200);
    const ids = res.json().orders.map((o: { id: number }) => o.id);
    expect(ids).toContain(placed);
    expect(ids).toContain(delivered);
    expect(ids).not.toContain(theirs);
    expect(ids.indexOf(placed)).toBeLessThan(ids.indexOf(delivered));
    const only = await as(seller.cookie, 'GET', '/api/procurement/seller/orders?status=delivered');
    expect(only.json().orders.every((o: { status: string }) => o.status === 'delivered')).toBe(true);
    expect((await as(seller.cookie, 'GET', `/api/procurement/seller/orders/${theirs}`)).statusCode).toBe(404);
  });

  it('accepts a new order once; a second answer is 409 naming the state', async () => {
    const id = await makeOrder(db, agency, seller, 'placed');
    const res = await as(seller.cookie, 'POST', `/api/procurement/seller/orders/${id}/accept`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('accepted');
    const again = await as(seller.cookie, 'POST', `/api/procurement/seller/orders/${id}/decline`, {
      reason: 'Stok tidak cukup',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('order_state');
    expect(again.json().detail ?? again.json().title).toBeTruthy();
    expect(JSON.stringify(again.json())).toMatch(/diterima penjual|accepted by the seller/);
    const [audit] = await db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_type = 'eorder' and entity_id = $1 and action = 'procurement.order_accept'`,
      [String(id)],
    );
    expect(audit!.n).toBe(1);
  });

  it('declines with a reason of at least 5 characters', async () => {
    const id = await makeOrder(db, agency, seller, 'placed');
    const short = await as(seller.cookie, 'POST', `/api/procurement/seller/orders/${id}/decline`, { reason: 'no' });
    expect(short.statusCode).toBe(400);
    expect(JSON.stringify(short.json())).toContain('reason');
    const res = await as(seller.cookie, 'POST', `/api/procurement/seller/orders/${id}/decline`, {
      reason: 'Dapur sedang direnovasi',
    });
    expect(res.json().status).toBe('declined');
    const detail = (await as(seller.cookie, 'GET', `/api/procurement/seller/orders/${id}`)).json();
    expect(detail.declineReason).toBe('Dapur sedang direnovasi');
    expect(detail.outstanding).toBe(0);
  });

  it("marks an accepted order delivered with a note; another seller's order is not found", async () => {
    const id = await makeOrder(db, agency, seller, 'accepted');
    expect((await as(other.cookie, 'POST', `/api/procurement/seller/orders/${id}/deliver`, {})).statusCode).toBe(404);
    const res = await as(seller.cookie, 'POST', `/api/procurement/seller/orders/${id}/deliver`, {
      note: 'Diterima Bu Sari di lobi',
    });
    expect(res.json().status).toBe('delivered');
    const detail = (await as(seller.cookie, 'GET', `/api/procurement/seller/orders/${id}`)).json();
    expect(detail.deliveryNote).toBe('Diterima Bu Sari di lobi');
    expect(detail.can).toEqual({ accept: false, decline: false, deliver: false });
  });

  it('shows the money, the BAST, the expected payment day and the payment history', async () => {
    const id = await makeOrder(db, agency, seller, 'received', { total: 2_000_000, dueDate: '2026-12-31' });
    const pay = await as(agency.officials.bendahara.cookie, 'POST', `/api/procurement/orders/${id}/payments`, {
      kind: 'transfer',
      amount: 500_000,
      reference: 'TRF-1',
    });
    expect(pay.statusCode).toBe(201);
    const d = (await as(seller.cookie, 'GET', `/api/procurement/seller/orders/${id}`)).json();
    expect(d.agency.name).toMatch(/^Dinas Kit/);
    expect(d.lines).toHaveLength(1);
    expect(d.money.withheld).toBe(30_000);
    expect(d.money.net).toBe(1_970_000);
    expect(d.bastNumber).toMatch(/^BAST\//);
    expect(d.bastPdf).toBe(`/api/procurement/seller/orders/${id}/bast.pdf`);
    expect(d.dueDate).toBe('2026-12-31');
    expect(d.payments).toHaveLength(1);
    expect(d.payments[0]).toMatchObject({ status: 'paid', amount: 500_000, taxWithheld: 30_000, gross: 530_000 });
    expect(d.outstanding).toBe(2_000_000 - 530_000);
    const pdf = await as(seller.cookie, 'GET', d.bastPdf);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
