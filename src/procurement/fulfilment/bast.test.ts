// The PPK's BAST: numbered without gaps per agency and year even when two are signed at once, refused before
// delivery (409, nothing consumed) and for another agency's PPK (404), with the expected payment day counted in
// the agency's basis (calendar or working days), a PDF and a public check without personal data.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { type KitSeller, makeAgency, makeOrder, makeSeller } from '../../../test/support/procurement-kit.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { localDate } from '../../platform/time.ts';
import { dueDateFor, paymentDaysFor } from './payment-days.ts';

let db: Db;
let app: App;
let seller: KitSeller;

const sign = (cookie: string, id: number) =>
  app.inject({ method: 'POST', url: `/api/procurement/orders/${id}/bast`, headers: { cookie }, payload: {} });
const year = () => localDate(new Date()).slice(0, 4);
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  seller = await makeSeller(db);
});

describe('signing the BAST', () => {
  it('numbers two concurrent signings 1 and 2 of the agency’s year, without gaps', async () => {
    const agency = await makeAgency(db);
    const a = await makeOrder(db, agency, seller, 'delivered');
    const b = await makeOrder(db, agency, seller, 'delivered');
    const placed = await makeOrder(db, agency, seller, 'placed');
    // A refused signing (before delivery) consumes no number.
    const early = await sign(agency.officials.ppk.cookie, placed);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('order_state');
    expect(JSON.stringify(early.json())).toMatch(/menunggu penjual/);
    const [ra, rb] = await Promise.all([sign(agency.officials.ppk.cookie, a), sign(agency.officials.ppk.cookie, b)]);
    expect([ra.statusCode, rb.statusCode]).toEqual([201, 201]);
    const numbers = [ra.json().bastNumber, rb.json().bastNumber].sort();
    expect(numbers).toEqual([`BAST/${agency.code}/${year()}/00001`, `BAST/${agency.code}/${year()}/00002`]);
    const rows = await db.query<{ status: string; bast_by: number; received_at: Date | null }>(
      'select status, bast_by, received_at from eorder where id = any($1::bigint[])',
      [[a, b]],
    );
    expect(
      rows.every((r) => r.status === 'received' && r.bast_by === agency.officials.ppk.accountId && r.received_at),
    ).toBe(true);
    const c = await makeOrder(db, agency, seller, 'delivered');
    expect((await sign(agency.officials.ppk.cookie, c)).json().bastNumber).toBe(`BAST/${agency.code}/${year()}/00003`);
    // Signing twice is a conflict naming the state, not a second number.
    const twice = await sign(agency.officials.ppk.cookie, c);
    expect(twice.statusCode).toBe(409);
    expect(JSON.stringify(twice.json())).toMatch(/BAST ditandatangani/);
  });

  it('is not found for a PPK of another agency, and the order stays as it was', async () => {
    const agency = await makeAgency(db);
    const stranger = await makeAgency(db);
    const id = await makeOrder(db, agency, seller, 'delivered');
    const res = await sign(stranger.officials.ppk.cookie, id);
    expect(res.statusCode).toBe(404);
    const [o] = await db.query<{ status: string; bast_number: string | null }>(
      'select status, bast_number from eorder where id = $1',
      [id],
    );
    expect(o).toEqual({ status: 'delivered', bast_number: null });
    // A Bendahara of the same agency may not sign at all.
    expect((await sign(agency.officials.bendahara.cookie, id)).statusCode).toBe(403);
  });

  it('sets the due date from the SLA: 30 calendar days by default', async () => {
    const agency = await makeAgency(db);
    const id = await makeOrder(db, agency, seller, 'delivered');
    const res = await sign(agency.officials.ppk.cookie, id);
    expect(res.json().dueDate).toBe(addDays(localDate(new Date()), 30));
  });

  it('counts the SLA in working days for an agency configured so (weekends and holidays skipped)', async () => {
    const calendar = await makeAgency(db, { basis: 'calendar', slaDays: 3 });
    const working = await makeAgency(db, { basis: 'working', slaDays: 3 });
    // Friday 14 Aug 2026, 10:00 WIB; Monday 17 Aug is Independence Day.
    const friday = new Date('2026-08-14T03:00:00Z');
    expect(await dueDateFor(db, calendar.id, friday)).toBe('2026-08-17');
    expect(await dueDateFor(db, working.id, friday)).toBe('2026-08-20');
    const paid = new Date('2026-08-21T02:00:00Z');
    expect(await paymentDaysFor(db, calendar.id, friday, paid)).toBe(7);
    expect(await paymentDaysFor(db, working.id, friday, paid)).toBe(4);
    // Through the API: the agency's basis decides.
    const id = await makeOrder(db, working, seller, 'delivered');
    const res = await sign(working.officials.ppk.cookie, id);
    const due = res.json().dueDate as string;
    expect(due > localDate(new Date())).toBe(true);
    expect([0, 6]).not.toContain(new Date(`${due}T00:00:00Z`).getUTCDay());
  });

  it('gives a PDF with the number and a public check without personal data', async () => {
    const agency = await makeAgency(db);
    const id = await makeOrder(db, agency, seller, 'delivered', { total: 1_500_000 });
    const number = (await sign(agency.officials.ppk.cookie, id)).json().bastNumber as string;
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/procurement/orders/${id}/bast.pdf`,
      headers: { cookie: agency.officials.bendahara.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const check = await app.inject({
      method: 'GET',
      url: `/api/procurement/bast/verify?number=${encodeURIComponent(number)}`,
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      number,
      valid: true,
      total: 1_500_000,
      seller: seller.name,
      date: localDate(new Date()),
    });
    expect(check.body).not.toContain('Pemilik');
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/procurement/bast/verify?number=BAST%2FX%2F2026%2F99999',
    });
    expect(unknown.json().valid).toBe(false);
  });
});
