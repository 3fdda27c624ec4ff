// The Bendahara's payments: one payment per Idempotency-Key, never above what is owed (422 and nothing written),
// a full payment makes the order paid with its payment days and grows the realised share by the payment; an
// autodebit is paid only when the PA/KPA approves it; the PPK closes a paid order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { multipartBody } from '../../../test/support/http.ts';
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

const post = (cookie: string, url: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload });
const pay = (id: number, body: object, headers: Record<string, string> = {}) =>
  post(agency.officials.bendahara.cookie, `/api/procurement/orders/${id}/payments`, body, headers);

const snapshot = async (id: number) => ({
  order: await db.query('select status, paid_amount, paid_at, payment_days from eorder where id = $1', [id]),
  payments: await db.query('select id, status, amount from eorder_payment where order_id = $1 order by id', [id]),
});
const realised = async (agencyId: number) =>
  Number(
    (
      await db.query<{ r: number }>(
        'select coalesce(sum(realised), 0)::bigint as r from share_month where agency_id = $1',
        [agencyId],
      )
    )[0]!.r,
  );

beforeAll(async () => {
  process.env.PL_UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-uploads-')); // proofs land here
  db = await testDb();
  app = await testApp();
  agency = await makeAgency(db);
  seller = await makeSeller(db);
});

describe('recording payments', () => {
  it('records one payment for two submissions with the same Idempotency-Key', async () => {
    const id = await makeOrder(db, agency, seller, 'received', { total: 1_000_000 });
    const body = { kind: 'transfer', amount: 100_000, taxWithheld: 0, reference: 'TRF-IDEM' };
    const key = { 'idempotency-key': `pay-${id}` };
    const [a, b] = [await pay(id, body, key), await pay(id, body, key)];
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().paymentId).toBe(a.json().paymentId);
    const { payments, order } = await snapshot(id);
    expect(payments).toHaveLength(1);
    expect(order[0]).toMatchObject({ paid_amount: 100_000, status: 'received' });
  });

  it('refuses a payment above the order value with 422 naming the field, and writes nothing', async () => {
    const id = await makeOrder(db, agency, seller, 'received', { total: 1_000_000 });
    const before = await snapshot(id);
    const res = await pay(id, { kind: 'transfer', amount: 990_000, taxWithheld: 15_000 });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('payment_exceeds');
    expect(res.json().errors?.[0]?.field ?? JSON.stringify(res.json())).toContain('body.amount');
    expect(await snapshot(id)).toEqual(before);
  });

  it('makes the order paid with its payment days when paid in full, and grows realisation by the payment', async () => {
    const received = new Date(Date.now() - 10 * 86_400_000);
    const id = await makeOrder(db, agency, seller, 'received', { total: 2_000_000, receivedAt: received });
    const r0 = await realised(agency.id);
    // Default tax: what the rules withheld (1.5 % = 30,000).
    const first = await pay(id, { kind: 'transfer', amount: 970_000, reference: 'TRF-A' });
    expect(first.json()).toMatchObject({ paymentStatus: 'paid', orderStatus: 'received', taxWithheld: 30_000 });
    expect(await realised(agency.id)).toBe(r0 + 1_000_000);
    const last = await pay(id, { kind: 'transfer', amount: 1_000_000, reference: 'TRF-B' });
    expect(last.json()).toMatchObject({ orderStatus: 'paid', taxWithheld: 0 });
    expect(await realised(agency.id)).toBe(r0 + 2_000_000);
    const [o] = await db.query<{ status: string; paid_amount: number; paid_at: Date | null; payment_days: number }>(
      'select status, paid_amount, paid_at, payment_days from eorder where id = $1',
      [id],
    );
    expect(o).toMatchObject({ status: 'paid', paid_amount: 2_000_000, payment_days: 10 });
    expect(o!.paid_at).toBeTruthy();
    // Nothing more can be paid; the PPK closes it.
    expect((await pay(id, { kind: 'transfer', amount: 1 })).json().code).toBe('order_state');
    const close = await post(agency.officials.ppk.cookie, `/api/procurement/orders/${id}/close`, {});
    expect(close.json().status).toBe('closed');
    const audits = await db.query<{ action: string }>(
      `select action from audit_log where (entity_type = 'eorder' and entity_id = $1)
          or (entity_type = 'eorder_payment' and entity_id in (select id::text from eorder_payment where order_id = $2)) order by id`,
      [String(id), id],
    );
    expect(audits.map((x) => x.action)).toEqual([
      'procurement.payment_record',
      'procurement.payment_record',
      'procurement.order_pay',
      'procurement.order_close',
    ]);
  });

  it('pays an autodebit only when the PA/KPA approves it; a rejection needs a note', async () => {
    const id = await makeOrder(db, agency, seller, 'received', { total: 500_000 });
    const req = await pay(id, { kind: 'autodebit', amount: 492_500 });
    expect(req.json()).toMatchObject({ paymentStatus: 'requested', orderStatus: 'received', taxWithheld: 7_500 });
    const paymentId = req.json().paymentId as number;
    expect((await snapshot(id)).order[0]).toMatchObject({ paid_amount: 0 });
    // A second request over the pending one would exceed what is owed.
    expect((await pay(id, { kind: 'autodebit', amount: 10_000, taxWithheld: 0 })).statusCode).toBe(422);
    const url = `/api/procurement/orders/${id}/payments/${paymentId}/decision`;
    expect((await post(agency.officials.bendahara.cookie, url, { decision: 'approve' })).statusCode).toBe(403);
    const stranger = await makeAgency(db);
    expect((await post(stranger.officials.pa_kpa.cookie, url, { decision: 'approve' })).statusCode).toBe(404);
    expect((await post(agency.officials.pa_kpa.cookie, url, { decision: 'reject' })).statusCode).toBe(400);
    const ok = await post(agency.officials.pa_kpa.cookie, url, { decision: 'approve' });
    expect(ok.json()).toMatchObject({ paymentStatus: 'paid', orderStatus: 'paid' });
    const again = await post(agency.officials.pa_kpa.cookie, url, { decision: 'approve' });
    expect(again.statusCode).toBe(409);
  });

  it('rejects an autodebit with a note, leaving the bill owed', async () => {
    const id = await makeOrder(db, agency, seller, 'received', { total: 500_000 });
    const paymentId = (await pay(id, { kind: 'autodebit', amount: 400_000 })).json().paymentId;
    const res = await post(
      agency.officials.pa_kpa.cookie,
      `/api/procurement/orders/${id}/payments/${paymentId}/decision`,
      {
        decision: 'reject',
        note: 'Rekening penyedia belum terverifikasi',
      },
    );
    expect(res.json()).toMatchObject({ paymentStatus: 'rejected', orderStatus: 'received' });
    const detail = await app.inject({
      method: 'GET',
      url: `/api/procurement/orders/${id}`,
      headers: { cookie: agency.officials.bendahara.cookie },
    });
    expect(detail.json().outstanding).toBe(500_000);
    expect(detail.json().payments[0]).toMatchObject({
      status: 'rejected',
      decisionNote: 'Rekening penyedia belum terverifikasi',
    });
    expect(detail.json().can).toMatchObject({ pay: true, signBast: false });
  });

  it('attaches a transfer proof (PDF, JPEG or PNG by content)', async () => {
    const id = await makeOrder(db, agency, seller, 'received', { total: 500_000 });
    const paymentId = (await pay(id, { kind: 'transfer', amount: 100_000 })).json().paymentId;
    const url = `/api/procurement/orders/${id}/payments/${paymentId}/proof`;
    const bad = multipartBody({}, { proof: { name: 'x.pdf', type: 'application/pdf', data: Buffer.from('hello') } });
    const r1 = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: agency.officials.bendahara.cookie, ...bad.headers },
      payload: bad.payload,
    });
    expect(r1.statusCode).toBe(415);
    const good = multipartBody(
      {},
      { proof: { name: 'bukti.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') } },
    );
    const r2 = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: agency.officials.bendahara.cookie, ...good.headers },
      payload: good.payload,
    });
    expect(r2.statusCode).toBe(200);
    expect((await snapshot(id)).payments).toHaveLength(1);
    const [p] = await db.query<{ proof_path: string | null }>('select proof_path from eorder_payment where id = $1', [
      paymentId,
    ]);
    expect(p!.proof_path).toMatch(/^procurement\/payments\//);
    const get = (cookie: string, u: string) => app.inject({ method: 'GET', url: u, headers: { cookie } });
    const file = await get(agency.officials.pa_kpa.cookie, url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const sellers = `/api/procurement/seller/orders/${id}/payments/${paymentId}/proof`;
    expect((await get(seller.cookie, sellers)).statusCode).toBe(200);
    expect((await get((await makeSeller(db)).cookie, sellers)).statusCode).toBe(404);
    expect((await get((await makeAgency(db)).officials.bendahara.cookie, url)).statusCode).toBe(404);
  });

  it('lists the payment queue overdue first with the days overdue', async () => {
    const fresh = await makeAgency(db);
    const late = await makeOrder(db, fresh, seller, 'received', { dueDate: '2020-01-10' });
    const soon = await makeOrder(db, fresh, seller, 'received', { dueDate: '2099-01-10' });
    const res = await app.inject({
      method: 'GET',
      url: '/api/procurement/orders?queue=payments',
      headers: { cookie: fresh.officials.bendahara.cookie },
    });
    const orders = res.json().orders as { id: number; daysOverdue: number | null }[];
    expect(orders.map((o) => o.id)).toEqual([late, soon]);
    expect(orders[0]!.daysOverdue).toBeGreaterThan(365);
    expect(orders[1]!.daysOverdue).toBeNull();
    const overdue = await app.inject({
      method: 'GET',
      url: '/api/procurement/orders?queue=overdue',
      headers: { cookie: fresh.officials.pa_kpa.cookie },
    });
    expect(overdue.json().orders.map((o: { id: number }) => o.id)).toEqual([late]);
  });
});
