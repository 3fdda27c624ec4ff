// The seller's statement of income from government: each payment of the year with gross, tax withheld (and the
// rule), net and the day paid; what is still owed with the expected day; totals; the same as CSV; only my own.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { makeAgency, makeOrder, makeSeller } from '../../../test/support/procurement-kit.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { localDate } from '../../platform/time.ts';

let db: Db;
let app: App;

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
});

describe('the income statement', () => {
  it('lists payments with tax and net, what is owed with its expected day, and totals', async () => {
    const agency = await makeAgency(db);
    const seller = await makeSeller(db);
    const other = await makeSeller(db, '3174');
    const paidOrder = await makeOrder(db, agency, seller, 'received', { total: 2_000_000 });
    const owedOrder = await makeOrder(db, agency, seller, 'received', { total: 800_000, dueDate: '2020-02-01' });
    await makeOrder(db, agency, other, 'received', { total: 999_000 });
    const bendahara = agency.officials.bendahara.cookie;
    for (const amount of [970_000, 1_000_000])
      expect(
        (
          await app.inject({
            method: 'POST',
            url: `/api/procurement/orders/${paidOrder}/payments`,
            headers: { cookie: bendahara },
            payload: { kind: 'transfer', amount },
          })
        ).statusCode,
      ).toBe(201);
    const year = Number(localDate(new Date()).slice(0, 4));
    const res = await app.inject({
      method: 'GET',
      url: `/api/procurement/seller/statement?year=${year}`,
      headers: { cookie: seller.cookie },
    });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.payments).toHaveLength(2);
    expect(s.payments[0]).toMatchObject({
      orderId: paidOrder,
      gross: 1_000_000,
      taxWithheld: 30_000,
      net: 970_000,
      paidOn: localDate(new Date()),
    });
    expect(s.payments[0].taxRule).toContain('PPh 22');
    expect(s.payments[1]).toMatchObject({ gross: 1_000_000, taxWithheld: 0, taxRule: null });
    expect(s.outstanding).toEqual([
      expect.objectContaining({ orderId: owedOrder, outstanding: 800_000, expectedOn: '2020-02-01' }),
    ]);
    expect(s.outstanding[0].daysOverdue).toBeGreaterThan(0);
    expect(s.totals).toEqual({
      gross: 2_000_000,
      taxWithheld: 30_000,
      net: 1_970_000,
      outstanding: 800_000,
      orders: 2,
    });

    const last = await app.inject({
      method: 'GET',
      url: `/api/procurement/seller/statement?year=${year - 1}`,
      headers: { cookie: seller.cookie },
    });
    expect(last.json().payments).toEqual([]);

    const csv = await app.inject({
      method: 'GET',
      url: `/api/procurement/seller/statement.csv?year=${year}`,
      headers: { cookie: seller.cookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^jenis,pesanan,instansi/);
    expect(lines).toHaveLength(1 + 2 + 1 + 1);
    expect(lines.at(-1)).toBe('total,,,,,,2000000,30000,,1970000,800000');
  });

  it('is refused to officials and empty for an owner without orders', async () => {
    const agency = await makeAgency(db);
    const res = await app.inject({
      method: 'GET',
      url: '/api/procurement/seller/statement',
      headers: { cookie: agency.officials.bendahara.cookie },
    });
    expect(res.statusCode).toBe(403);
    const lonely = await makeSeller(db);
    const mine = await app.inject({
      method: 'GET',
      url: '/api/procurement/seller/statement',
      headers: { cookie: lonely.cookie },
    });
    expect(mine.json().totals).toEqual({ gross: 0, taxWithheld: 0, net: 0, outstanding: 0, orders: 0 });
  });
});
