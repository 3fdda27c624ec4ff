// The UMK share and payment pages answer from the rollups exactly what a full scan of the orders answers, move the
// moment a payment commits, grade at the boundaries the rule names, and keep each official to its own agency.
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { sessionCookie } from '../../../test/support/http.ts';
import { makeShareKit, type ShareKit } from '../../../test/support/share-kit.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { baselineAgeing, baselineAgencyShare, baselinePaymentPerformance, baselineProvinceShare } from './baseline.ts';
import { gradeOf } from './figures.ts';
import { readPerformance } from './payments.ts';

let db: Db;
let app: App;
let kit: ShareKit;
let analyst: string;
let pa1: string;

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  kit = await makeShareKit(db);
  analyst = await sessionCookie(db, [{ role: 'bppbj_analyst' }]);
  pa1 = await sessionCookie(db, [{ role: 'pa_kpa', scopeId: String(kit.agencies[0]) }], undefined, { totp: true });
}, 120_000);

const get = async (url: string, cookie?: string) => {
  const res = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return res;
};

describe('the rollups answer what a full scan answers', () => {
  it('province share, every period', async () => {
    for (const period of ['month', 'quarter', 'year'] as const) {
      const res = await get(`/api/procurement/share?year=${kit.year}&period=${period}`, analyst);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(await baselineProvinceShare(db, kit.year, period));
    }
    const body = (await get(`/api/procurement/share?year=${kit.year}`, analyst)).json();
    const a1 = body.agencies.find((a: { id: number }) => a.id === kit.agencies[0]);
    // Committed: accepted orders not declined or cancelled; both bases carry the reported outside spending.
    expect(a1.total.committed.platformTotal).toBeGreaterThan(0);
    expect(a1.total.realised.platformTotal).toBeGreaterThan(0);
    expect(a1.total.committed.outsideTotal).toBe(50000000 * 15);
    expect(a1.total.committed.denominator).toBe(a1.total.committed.platformTotal + 50000000 * 15);
    expect(a1.total.unreportedMonths).toBe(7);
    expect(body.agencies.find((a: { id: number }) => a.id === kit.agencies[1]).total.unreportedMonths).toBe(12);
    expect(body.target).toBe(0.4);
    expect(body.trend).toHaveLength(12);
  });

  it('each agency with its units', async () => {
    for (const id of kit.agencies) {
      const res = await get(`/api/procurement/share/agencies/${id}?year=${kit.year}&period=quarter`, analyst);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(await baselineAgencyShare(db, id, kit.year, 'quarter'));
    }
    const a1 = (await get(`/api/procurement/share/agencies/${kit.agencies[0]}?year=${kit.year}`, analyst)).json();
    expect(a1.units.map((u: { name: string | null }) => u.name)).toEqual(['Bidang A', 'Bidang B', null]);
    const sum = a1.units.reduce(
      (s: number, u: { total: { committed: { platformTotal: number } } }) => s + u.total.committed.platformTotal,
      0,
    );
    expect(sum).toBe(a1.total.committed.platformTotal);
  });

  it('payment performance and ageing', async () => {
    for (const year of [kit.year, kit.year + 1]) {
      const res = await get(`/api/procurement/payments/performance?year=${year}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(await baselinePaymentPerformance(db, year));
    }
    const mine = (await readPerformance(db, kit.year)).agencies.filter((a) => kit.agencies.includes(a.agencyId));
    expect(mine).toHaveLength(2);
    expect(mine.every((a) => a.withinSla < a.paid && a.withinSla > 0)).toBe(true);
    const ageing = await get('/api/procurement/payments/ageing', analyst);
    expect(ageing.statusCode).toBe(200);
    expect(ageing.json()).toEqual(await baselineAgeing(db));
    const a1 = ageing.json().agencies.find((a: { agencyId: number }) => a.agencyId === kit.agencies[0]);
    expect(a1.buckets.map((b: { orders: number }) => b.orders).every((n: number) => n > 0)).toBe(true);
    const late = ageing.json().overdue.find((o: { agencyId: number }) => o.agencyId === kit.agencies[0]);
    expect(late.bendahara).toEqual(['Bendahara Uji 1']);
  });
});

describe('a payment moves the share at once', () => {
  it('realisation grows by the payment in the month it is paid', async () => {
    const [o] = await db.query<{
      id: number;
      umkm_id: number;
      total: number;
      paid_amount: number;
      counts_umk: boolean;
    }>(
      `select id, umkm_id, total, paid_amount, counts_umk from eorder
        where agency_id = $1 and status = 'received' and paid_amount = 0 order by id limit 1`,
      [kit.agencies[0]],
    );
    const year = Number((await db.query<{ y: number }>(`select extract(year from wib_today())::integer as y`))[0]!.y);
    const url = `/api/procurement/share/agencies/${kit.agencies[0]}?year=${year}&period=year`;
    const before = (await get(url, pa1)).json().total.realised;
    const province = `/api/procurement/share?year=${year}&period=year`;
    const provinceBefore = (await get(province, analyst)).json().total.total.realised;
    const ageingBefore = (await get('/api/procurement/payments/ageing', analyst)).json();
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into eorder_payment (order_id, umkm_id, kind, status, amount, tax_withheld, requested_by, paid_at)
         values ($1, $2, 'transfer', 'paid', $3, 0, (select min(id) from account), now())`,
        [o!.id, o!.umkm_id, o!.total],
      );
      await tx.query(
        `update eorder set paid_amount = total, paid_at = now(), status = 'paid',
                payment_days = wib_today() - (received_at at time zone 'Asia/Jakarta')::date where id = $1`,
        [o!.id],
      );
    });
    const after = (await get(url, pa1)).json().total.realised;
    expect(after.platformTotal - before.platformTotal).toBe(o!.total);
    expect(after.platformUmk - before.platformUmk).toBe(o!.counts_umk ? o!.total : 0);
    // The province page and the ageing list were read (and kept) before: they answer afresh, exactly.
    const provinceAfter = (await get(province, analyst)).json().total.total.realised;
    expect(provinceAfter.platformTotal - provinceBefore.platformTotal).toBe(o!.total);
    const ageingAfter = (await get('/api/procurement/payments/ageing', analyst)).json();
    const owed = (a: { buckets: { outstanding: number }[] }) => a.buckets.reduce((n, b) => n + b.outstanding, 0);
    expect(owed(ageingBefore) - owed(ageingAfter)).toBe(o!.total - o!.paid_amount);
    expect(ageingAfter).toEqual(await baselineAgeing(db));
    expect((await get(`/api/procurement/payments/performance?year=${year}`)).json()).toEqual(
      await baselinePaymentPerformance(db, year),
    );
  });
});

describe('what else moves the pages at once', () => {
  it("outside spending reported, and a seller's new name in the overdue list", async () => {
    const url = `/api/procurement/share?year=${kit.year}&period=year`;
    const before = (await get(url, analyst)).json();
    const month = `${kit.year}-01-01`;
    const [had] = await db.query<{ total_amount: number }>(
      'select total_amount from outside_spending where agency_id = $1 and month = $2',
      [kit.agencies[1], month],
    );
    await db.query(
      `insert into outside_spending (agency_id, month, total_amount, umk_amount, source) values ($1, $2, 7000000, 0, 'entered')
       on conflict (agency_id, month) do update set total_amount = outside_spending.total_amount + 7000000`,
      [kit.agencies[1], month],
    );
    const after = (await get(url, analyst)).json();
    expect(after.total.total.committed.outsideTotal - before.total.total.committed.outsideTotal).toBe(7_000_000);
    expect(after).toEqual(await baselineProvinceShare(db, kit.year, 'year'));
    if (!had) expect(after.total.total.unreportedMonths).toBe(before.total.total.unreportedMonths - 1);

    const ageing = (await get('/api/procurement/payments/ageing', analyst)).json();
    const first = ageing.overdue[0];
    const [seller] = await db.query<{ id: number }>('select umkm_id as id from eorder where id = $1', [first.orderId]);
    await db.query("update umkm set name = name || ' (baru)' where id = $1", [seller!.id]);
    const renamed = (await get('/api/procurement/payments/ageing', analyst)).json();
    expect(renamed.overdue[0].seller).toBe(`${first.seller} (baru)`);
  });

  it('a client that takes gzip gets the same answer gzipped', async () => {
    const url = `/api/procurement/share?year=${kit.year}&period=month`;
    const plain = await get(url, analyst);
    const zipped = await app.inject({
      method: 'GET',
      url,
      headers: { cookie: analyst, 'accept-encoding': 'gzip, br' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('lists the most overdue bills first, as many as asked (100 unless told), and counts them all', async () => {
    const two = (await get('/api/procurement/payments/ageing?limit=2', analyst)).json();
    const all = await baselineAgeing(db, 500);
    expect(two.overdue).toEqual(all.overdue.slice(0, 2));
    expect(two.overdueCount).toBe(all.overdue.length);
    expect(two.overdueCount).toBeGreaterThan(2);
    const bad = await get('/api/procurement/payments/ageing?limit=501', analyst);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('limit');
  });

  it("each agency's figures per period only when asked for", async () => {
    const plain = (await get(`/api/procurement/share?year=${kit.year}&period=quarter`, analyst)).json();
    expect(plain.agencies[0].byPeriod).toBeUndefined();
    const full = await get(`/api/procurement/share?year=${kit.year}&period=quarter&agencyPeriods=true`, analyst);
    expect(full.json()).toEqual(await baselineProvinceShare(db, kit.year, 'quarter', true));
    expect(full.json().agencies[0].byPeriod).toHaveLength(4);
  });
});

describe('scope', () => {
  it("an agency's PA/KPA sees only its agency, and another agency's drill-down is not found", async () => {
    const body = (await get(`/api/procurement/share?year=${kit.year}`, pa1)).json();
    expect(body.scope).toBe('agencies');
    expect(body.agencies.map((a: { id: number }) => a.id)).toEqual([kit.agencies[0]]);
    expect((await get(`/api/procurement/share/agencies/${kit.agencies[1]}`, pa1)).statusCode).toBe(404);
    expect(
      (await get(`/api/procurement/share/agencies/${kit.agencies[1]}/orders?month=${kit.year}-03`, pa1)).statusCode,
    ).toBe(404);
    const orders = await get(`/api/procurement/share/agencies/${kit.agencies[0]}/orders?month=${kit.year}-03`, pa1);
    expect(orders.statusCode).toBe(200);
    expect(orders.json().totalCount).toBeGreaterThan(0);
    const ageing = (await get('/api/procurement/payments/ageing', pa1)).json();
    expect(new Set(ageing.agencies.map((a: { agencyId: number }) => a.agencyId))).toEqual(new Set([kit.agencies[0]]));
  });

  it('the bendahara of one agency sees only its bills; the seller may not read the share', async () => {
    const b2 = await sessionCookie(db, [{ role: 'bendahara', scopeId: String(kit.agencies[1]) }], undefined, {
      totp: true,
    });
    const ageing = (await get('/api/procurement/payments/ageing', b2)).json();
    expect(ageing.overdue.every((o: { agencyId: number }) => o.agencyId === kit.agencies[1])).toBe(true);
    expect(ageing.overdue.length).toBeGreaterThan(0);
    const owner = await sessionCookie(db, [{ role: 'umkm_owner' }]);
    expect((await get('/api/procurement/share', owner)).statusCode).toBe(403);
  });
});

describe('grades against the target (A+ ≥ 120 %, A 100–119, B 90–99, C 80–89, D 70–79, F < 70)', () => {
  const grades = [
    { grade: 'A+', min: 1.2 },
    { grade: 'A', min: 1.0 },
    { grade: 'B', min: 0.9 },
    { grade: 'C', min: 0.8 },
    { grade: 'D', min: 0.7 },
    { grade: 'F', min: 0 },
  ];
  const g = (num: number, den: number) => gradeOf(num, den, 4000, grades);
  it('grades exactly at and just below each boundary', () => {
    expect(g(48, 100)).toBe('A+');
    expect(g(4799, 10000)).toBe('A');
    expect(g(40, 100)).toBe('A');
    expect(g(3999, 10000)).toBe('B');
    expect(g(36, 100)).toBe('B');
    expect(g(3599, 10000)).toBe('C');
    expect(g(32, 100)).toBe('C');
    expect(g(28, 100)).toBe('D');
    expect(g(2799, 10000)).toBe('F');
    expect(g(0, 100)).toBe('F');
    expect(g(0, 0)).toBeNull();
  });
});

describe('files', () => {
  it('the export opens as an XLSX workbook and the report is a PDF', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/procurement/share/export.xlsx?year=${kit.year}`,
      headers: { cookie: analyst },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([`Komitmen ${kit.year}`, `Realisasi ${kit.year}`, 'Keterangan']);
    const names = wb.getWorksheet(`Komitmen ${kit.year}`)!.getColumn(1).values;
    expect(names).toContain((await get(`/api/procurement/share/agencies/${kit.agencies[0]}`, analyst)).json().name);
    const pdf = await get(`/api/procurement/share/report.pdf?year=${kit.year}`, analyst);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('kecamatan figures and boundaries for the map', async () => {
    const d = (await get(`/api/procurement/share/districts?year=${kit.year}`, analyst)).json();
    expect(d.items.filter((i: { committedTotal: number }) => i.committedTotal > 0).length).toBeGreaterThanOrEqual(4);
    const b = (await get('/api/regions/boundaries?level=district')).json();
    expect(b.type).toBe('FeatureCollection');
    expect(b.features.length).toBe(44);
    expect(b.features[0].geometry.type).toMatch(/Polygon/);
  });
});
