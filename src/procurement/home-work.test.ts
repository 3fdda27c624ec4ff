// The homes of the e-Order officials, the bureau and the seller show their real work: queues whose rows link to the
// thing to act on, within the agency (another agency's orders never appear).
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../test/support/db.ts';
import { makeAccount, makeWorld, type World } from '../../test/support/factories.ts';
import { sessionCookie } from '../../test/support/http.ts';
import { ROLES, type Role } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';

let db: Db;
let app: App;
let mine: World;
let theirs: World;
let buyer: number; // the account that placed the test orders

interface Section {
  role: string;
  figures: { label: { en: string }; value: number }[];
  list: { items: { primary: string; href?: string }[] } | null;
}

async function home(role: Role, w: World, ownerId?: number): Promise<Section> {
  const scopeId = role === 'umkm_owner' ? '' : String(w.agencyId);
  const cookie = await sessionCookie(db, [{ role, scopeId }], ownerId, { totp: ROLES[role].totp });
  const res = await app.inject({ method: 'GET', url: '/api/me/home', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return (res.json().sections as Section[]).find((s) => s.role === role)!;
}
const figure = (s: Section, en: string) => s.figures.find((f) => f.label.en === en)?.value;

/** A package in `status` and orders of the world's business in the given states (BAST signed 40 days ago where received). */
async function orders(w: World, packageStatus: string, states: string[]) {
  const [p] = await db.query<{ id: number }>(
    `insert into procurement_package (rup_code, agency_id, year, name, pagu, kind, method, reserved_small, status)
     values ($1, $2, 2026, $3, 90000000, 'barang', 'e_purchasing', true, $4) returning id`,
    [`${Date.now()}${Math.floor(Math.random() * 1e6)}`, w.agencyId, `Snack rapat ${packageStatus}`, packageStatus],
  );
  const [g] = await db.query<{ id: number }>(
    `insert into order_group (package_id, agency_id, placed_by) values ($1, $2, $3) returning id`,
    [p!.id, w.agencyId, buyer],
  );
  const ids: number[] = [];
  for (const s of states) {
    const [o] = await db.query<{ id: number }>(
      `insert into eorder (group_id, package_id, agency_id, umkm_id, seller_kind, seller_size, counts_umk, status, total, money, delivery_address,
                           accepted_at, delivered_at, received_at, due_date)
       values ($1, $2, $3, $4, 'jakpreneur', 'micro', true, $5, 1250000, '{}', 'Balai Kota',
               case when $5 <> 'placed' then now() end, case when $5 in ('delivered', 'received') then now() end,
               case when $5 = 'received' then now() - interval '40 days' end,
               case when $5 = 'received' then wib_today() - 10 end) returning id`,
      [g!.id, p!.id, w.agencyId, w.umkmId, s],
    );
    ids.push(o!.id);
  }
  return { packageId: p!.id, orderIds: ids };
}

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  buyer = (await makeAccount(db)).id;
  mine = await makeWorld(db, '3171');
  theirs = await makeWorld(db, '3174');
  await orders(theirs, 'planned', ['delivered', 'received', 'placed']); // never on mine's homes
});

describe('the homes of e-Order roles', () => {
  it('gives each official its own queue, rows linking to the order or package', async () => {
    const ready = await orders(mine, 'ready', ['placed', 'delivered', 'received']);
    await orders(mine, 'planned', []);
    const [placed, delivered, received] = ready.orderIds as [number, number, number];

    const ppk = await home('ppk', mine);
    expect(figure(ppk, 'Deliveries awaiting a BAST')).toBe(1);
    expect(ppk.list?.items.map((i) => i.href)).toEqual([`/pengadaan/pesanan/${delivered}`]);

    const bendahara = await home('bendahara', mine);
    expect(figure(bendahara, 'Bills awaiting payment')).toBe(1);
    expect(figure(bendahara, 'Overdue (past the SLA)')).toBe(1);
    expect(figure(bendahara, 'Amount owed')).toBe(1250000);
    expect(bendahara.list?.items).toEqual([expect.objectContaining({ href: `/pengadaan/pesanan/${received}` })]);

    const pp = await home('pejabat_pengadaan', mine);
    expect(figure(pp, 'Orders awaiting the seller')).toBe(1);
    expect(pp.list?.items.map((i) => i.href)).toEqual([`/pengadaan/paket/${ready.packageId}`]);

    const pa = await home('pa_kpa', mine);
    expect(figure(pa, 'Packages awaiting a PPK')).toBe(1);

    const seller = await home('umkm_owner', mine, mine.ownerId);
    expect(figure(seller, 'New government orders')).toBe(1);
    expect(figure(seller, 'Payments to come')).toBe(1250000);
    expect(seller.list?.items.slice(0, 2).map((i) => i.href)).toEqual([
      `/jual/pesanan/${placed}`,
      `/jual/pesanan/${received}`,
    ]);
  });

  it('shows the bureau the province share of this year from the rollups, and the agency lowest on it', async () => {
    const analyst = await home('bppbj_analyst', mine);
    expect(figure(analyst, 'UMK share target')).toBe(40);
    // Every committed order in this test database sold to a micro business: the platform share is 100%.
    expect(figure(analyst, `UMK share ${new Date().getUTCFullYear()} (commitment, platform)`)).toBeGreaterThan(0);
    expect(analyst.list?.items.length).toBeGreaterThan(0);
    expect(analyst.list?.items[0]?.href).toMatch(/^\/pengadaan\/porsi-umk\/instansi\/\d+$/);
  });
});
