// An edition's line-up through the HTTP API, on a database of its own (line-ups read every seller of a kota): the
// kecamatan quota in force on the Friday, reasons in both languages, price and stock from the product, rebuilding
// (rotation replaced, city picks kept, refused once ordered), the city office's picks and removals with their audit
// rows, every refusal as bilingual problem+json, and who may read and change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDb } from '../../test/support/db.ts';
import { sessionCookie } from '../../test/support/http.ts';
import {
  dinasActing,
  type KitJblSeller,
  kecamatanOf,
  makeJblSeller,
  setQuota,
} from '../../test/support/jbl-lineup-kit.ts';
import { createApp } from '../app.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';
import type { Lineup } from './lineup-schema.ts';
import { planEditionYear } from './plan-editions.ts';

let db: Db;
let app: App;
let close: () => Promise<void>;
const c: Record<string, string> = {};
/** Editions: early and late 2028 hosted by 3174, one hosted by 3175. */
const ed = {} as { early: number; late: number; other: number };
let many: KitJblSeller[]; // four sellers in one kecamatan of Jakarta Selatan
let cityProduct: number;

beforeAll(async () => {
  ({ db, close } = await ownDb('jbl-lineup'));
  app = await createApp({ db, state: { ready: true } }, 'silent');
  await app.ready();
  const dinas = await dinasActing(db);
  c.admin = await sessionCookie(db, [{ role: 'platform_admin' }], undefined, { totp: true });
  c.auditor = await sessionCookie(db, [{ role: 'auditor' }]);
  c.kurator = await sessionCookie(db, [{ role: 'kurator' }]);
  await db.transaction((tx) => planEditionYear(tx, dinas, { year: 2028 }));
  await setQuota(db, '2028-06-01', 2); // from June the Dinas lowers the quota
  const pick = async (host: string, order: string) =>
    (
      await db.query<{ id: number }>(
        `select id from jbl_edition where host_region_code = $1 and holiday_name is null order by held_on ${order} limit 1`,
        [host],
      )
    )[0]!.id;
  ed.early = await pick('3174', 'asc');
  ed.late = await pick('3174', 'desc');
  ed.other = await pick('3175', 'asc');
  const [k1, k2] = await kecamatanOf(db, '3174', 2);
  many = [];
  for (const cat of ['kue-roti', 'minuman', 'kerajinan', 'busana'])
    many.push(await makeJblSeller(db, k1!.village, [{ category: cat, price: 17500, stock: 12 }]));
  const city = await makeJblSeller(db, k2!.village, [{ category: 'kopi-teh' }, { category: 'kopi-teh', stock: 0 }]);
  cityProduct = city.products[0]!;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await close?.();
});

const send = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: who ? { cookie: c[who]! } : {}, ...(payload ? { payload } : {}) });
const url = (id: number, rest = '') => `/api/jbl/editions/${id}/lineup${rest}`;
const build = (id: number) => send('admin', 'POST', url(id, '/build'), {});
const inKecamatan = (l: Lineup, code: string) => l.items.filter((i) => i.kecamatan.code === code && !i.removed);
const auditOf = (action: string, entity: number) =>
  db.query<{ actor_role: string; after: { reason?: string } }>(
    `select actor_role, after from audit_log where action = $1 and entity_id = $2`,
    [action, String(entity)],
  );

describe('Jumat Beli Lokal line-up', () => {
  it('fills each kecamatan up to the quota in force on the Friday, with price, stock and reasons', async () => {
    const early = await build(ed.early);
    expect(early.statusCode).toBe(200);
    const l = early.json() as Lineup;
    expect(l.quota).toBe(30);
    const kec = many[0]!.kecamatan;
    expect(inKecamatan(l, kec)).toHaveLength(4); // four sellers, a quota of 30: one product each (no extras to add)
    expect(l.items.find((i) => i.kecamatan.code !== kec)?.product.id).toBe(cityProduct); // the other kecamatan's seller
    const item = inKecamatan(l, kec)[0]!;
    expect(item).toMatchObject({
      price: 17500,
      stockInitial: 12,
      stock: 12,
      held: 0,
      sold: 0,
      pick: 'rotation',
      round: 1,
    });
    expect(item.reason).toEqual({
      id: 'Belum pernah tampil (giliran putaran 1)',
      en: 'Never featured before (turn of round 1)',
    });
    expect(await auditOf('jbl.lineup_build', ed.early)).toHaveLength(1);

    const late = (await build(ed.late)).json() as Lineup;
    expect(late.quota).toBe(2);
    expect(inKecamatan(late, kec)).toHaveLength(2);
    expect(inKecamatan(late, kec)[0]!.reason.id).toMatch(/^Terakhir tampil \d{1,2} \w{3} 2028 \(giliran putaran 2\)$/);
    expect(late.kecamatan.find((k) => k.code === kec)?.listed).toBe(2);
  });

  it('lets the city office add a pick with a reason (audited), which a rebuild keeps while it replaces the rotation', async () => {
    const other = await makeJblSeller(db, (await kecamatanOf(db, '3174', 3))[2]!.village, [{ category: 'busana' }]);
    const added = await send('admin', 'POST', url(ed.late, '/items'), {
      productId: other.products[0],
      reason: 'Juara lomba kriya kota',
    });
    expect(added.statusCode).toBe(201);
    const l = added.json() as Lineup;
    const pick = l.items.find((i) => i.product.id === other.products[0])!;
    expect(pick).toMatchObject({ pick: 'city_pick', round: null });
    expect(pick.reason).toEqual({
      id: 'Pilihan kantor kota: Juara lomba kriya kota',
      en: 'City office pick: Juara lomba kriya kota',
    });
    expect(l.cityPicks).toEqual({ used: 1, limit: 10 });
    expect((await auditOf('jbl.lineup_add', pick.id))[0]).toMatchObject({
      actor_role: 'platform_admin',
      after: { reason: 'Juara lomba kriya kota' },
    });
    const rebuilt = (await build(ed.late)).json() as Lineup;
    expect(rebuilt.items.filter((i) => i.pick === 'city_pick')).toEqual([pick]);
    const rotation = (x: Lineup) => x.items.filter((i) => i.pick === 'rotation').map((i) => i.id);
    expect(rotation(rebuilt)).toHaveLength(rotation(l).length);
    expect(rotation(rebuilt).some((id) => rotation(l).includes(id))).toBe(false); // replaced, not kept
    expect(await auditOf('jbl.lineup_build', ed.late)).toHaveLength(2);
  });

  it('takes an item out with a reason: its orders stay, it sells nothing more, and the rotation is no longer rebuilt', async () => {
    const l = (await send('admin', 'GET', url(ed.late))).json() as Lineup;
    const sold = l.items.find((i) => i.pick === 'rotation')!;
    // Three sold at checkout (the storefront's stock moves), before the seller fell ill.
    await db.query('update jbl_lineup_item set stock = stock - 3, sold = 3 where id = $1', [sold.id]);
    const removed = await send('admin', 'POST', url(ed.late, '/remove'), { itemId: sold.id, reason: 'Penjual sakit' });
    expect(removed.statusCode).toBe(200);
    const after = (removed.json() as Lineup).items.find((i) => i.id === sold.id)!;
    expect(after).toMatchObject({ sold: 3, stock: sold.stock - 3, removed: { reason: 'Penjual sakit' } });
    expect((await auditOf('jbl.lineup_remove', sold.id))[0]?.after).toMatchObject({ reason: 'Penjual sakit' });
    const again = await send('admin', 'POST', url(ed.late, '/remove'), { itemId: sold.id, reason: 'Penjual sakit' });
    expect(again.json()).toMatchObject({ status: 409, code: 'lineup_item_removed' });
    const refused = await build(ed.late);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'lineup_has_orders' });
    expect(refused.json().message.en).toMatch(/cannot be rebuilt/);
  });

  it('refuses what may not be listed, with a code and both languages', async () => {
    const [k1] = await kecamatanOf(db, '3174', 1);
    const [elsewhere] = await kecamatanOf(db, '3171', 1);
    const eOrderOnly = await makeJblSeller(db, k1!.village, [{ category: 'busana', jbl: false }]);
    const outside = await makeJblSeller(db, elsewhere!.village, [{ category: 'busana' }]);
    const empty = (
      await db.query<{ id: number }>(`select id from product where umkm_id = $1 and stock = 0`, [
        (await db.query<{ umkm_id: number }>('select umkm_id from product where id = $1', [cityProduct]))[0]!.umkm_id,
      ])
    )[0]!.id;
    const add = (edition: number, productId: number, reason = 'Produk unggulan kota') =>
      send('admin', 'POST', url(edition, '/items'), { productId, reason });
    const cases: [number, number, number, string][] = [
      [ed.late, eOrderOnly.products[0]!, 409, 'product_not_jbl'],
      [ed.late, outside.products[0]!, 409, 'seller_outside_host'],
      [ed.late, empty, 409, 'product_no_stock'],
      [ed.late, many[0]!.products[0]!, 409, 'lineup_already_listed'],
      [ed.late, 999999999, 404, 'not_found'],
      [999999999, cityProduct, 404, 'not_found'],
    ];
    for (const [edition, product, status, code] of cases) {
      const r = await add(edition, product);
      expect(r.statusCode, code).toBe(status);
      expect(r.json()).toMatchObject({ code });
      expect(r.json().message.id.length).toBeGreaterThan(5);
    }
    const short = await add(ed.late, cityProduct, 'ok');
    expect(short.statusCode).toBe(400);
    // The city office's picks are limited per edition (jbl.city_picks): here lowered to the one already made.
    await db.query(`insert into setting (key, effective_from, value) values ('jbl.city_picks', '2028-01-01', '1')`);
    const fresh = await makeJblSeller(db, k1!.village, [{ category: 'aksesoris' }]);
    const full = await add(ed.late, fresh.products[0]!);
    expect(full.json()).toMatchObject({ status: 409, code: 'city_picks_full' });
    expect(full.json().message.id).toContain('batas jbl.city_picks');
    await db.query(`update jbl_edition set status = 'closed' where id = $1`, [ed.other]);
    for (const r of [await build(ed.other), await add(ed.other, outside.products[0]!)])
      expect(r.json()).toMatchObject({ status: 409, code: 'lineup_closed' });
  });

  it('shows the line-up to the Dinas and the auditor only, and lets only the Dinas change it', async () => {
    expect((await send('auditor', 'GET', url(ed.late))).statusCode).toBe(200);
    expect((await send('kurator', 'GET', url(ed.late))).statusCode).toBe(403);
    expect((await send(null, 'GET', url(ed.late))).statusCode).toBe(401);
    expect((await send('auditor', 'POST', url(ed.late, '/build'), {})).statusCode).toBe(403);
  });
});
