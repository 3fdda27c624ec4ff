import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { sessionCookie, worldPeople } from '../../../test/support/http.ts';
import { makeUmkm, makeWorld, unique, type World } from '../../../test/support/factories.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { loadSession } from '../../platform/auth/session.ts';
import type { Db, Queryable } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { getManagedProduct } from './get-managed-product.ts';
import { listMyBusinesses } from './list-my-businesses.ts';
import { listProducts } from './list-products.ts';

let db: Db;
let app: App;
let world: World;
let owner: string;
let desk: string; // pendamping of the world's kecamatan
let outsider: string; // pendamping of a kecamatan in another kota

const cookie = (grants: { role: Role; scopeId?: string }[], ownerId?: number) => sessionCookie(db, grants, ownerId);

type Method = 'GET' | 'POST' | 'PATCH';
const call = (
  c: string | undefined,
  method: Method,
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) => app.inject({ method, url, headers: { ...(c ? { cookie: c } : {}), ...headers }, ...(payload ? { payload } : {}) });
const create = (c: string, umkmId: number, body: object, key?: string) =>
  call(c, 'POST', `/api/catalog/members/${umkmId}/products`, body, key ? { 'idempotency-key': key } : {});
const product = (id: number) => `/api/catalog/manage/products/${id}`;
const setStatus = (c: string, id: number, status: string) => call(c, 'POST', `${product(id)}/status`, { status });
/** A calendar date n days from today in Jakarta (UTC+7). */
const inDays = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const addHalal = (umkmId: number, expiresOn: string | null) =>
  db.query(`insert into permit (umkm_id, kind, number, expires_on) values ($1, 'halal', $2, $3)`, [
    umkmId,
    `ID-HALAL-${unique()}`,
    expiresOn,
  ]);
const craft = { name: 'Tas Anyaman Pandan', categoryCode: 'kerajinan', price: 125000, unit: 'pcs' };
const snack = {
  name: 'Keripik Singkong Balado',
  categoryCode: 'makanan-ringan',
  price: 15000,
  unit: 'bungkus',
  halal: true,
};

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  world = await makeWorld(db, '3173');
  ({ owner, desk, outsider } = await worldPeople(db, world));
});

describe('an owner manages products', () => {
  it('creates a draft once per Idempotency-Key, edits it, publishes it, and every change is audited', async () => {
    const key = `k-${unique()}`;
    const first = await create(
      owner,
      world.umkmId,
      {
        ...craft,
        description: 'Dianyam tangan di Jakarta Barat.',
        stock: 12,
        minOrder: 2,
        leadTimeDays: 3,
        kbliCode: '13921',
      },
      key,
    );
    expect(first.statusCode, first.body).toBe(201);
    const p = first.json();
    expect(p).toMatchObject({
      name: craft.name,
      status: 'draft',
      price: 125000,
      stock: 12,
      minOrder: 2,
      leadTimeDays: 3,
      halal: false,
      canEdit: true,
      listed: false,
      curation: { status: 'none' },
      category: { code: 'kerajinan', food: false },
      photos: [],
    });
    const again = await create(
      owner,
      world.umkmId,
      {
        ...craft,
        description: 'Dianyam tangan di Jakarta Barat.',
        stock: 12,
        minOrder: 2,
        leadTimeDays: 3,
        kbliCode: '13921',
      },
      key,
    );
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(p.id);
    expect(
      await db.query('select 1 from product where umkm_id = $1 and name = $2', [world.umkmId, craft.name]),
    ).toHaveLength(1);

    const edited = await call(owner, 'PATCH', product(p.id), {
      price: 135000,
      stock: 10,
      description: 'Anyaman pandan, tahan air.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      price: 135000,
      stock: 10,
      description: 'Anyaman pandan, tahan air.',
      curationReset: false,
    });

    const published = await setStatus(owner, p.id, 'published');
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    expect((await setStatus(owner, p.id, 'published')).statusCode).toBe(200); // a second tap changes nothing

    const list = await call(owner, 'GET', `/api/catalog/members/${world.umkmId}/products`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.find((i: { id: number }) => i.id === p.id)).toMatchObject({
      status: 'published',
      price: 135000,
      curation: { status: 'none' },
      cover: null,
    });
    const mine = await call(owner, 'GET', '/api/catalog/my-businesses');
    expect(mine.json().items).toEqual([
      {
        id: world.umkmId,
        name: expect.any(String),
        halalCertificate: 'missing',
        products: { draft: 0, published: 1, archived: 0 },
      },
    ]);

    const audited = await db.query<{ action: string; actor_role: string }>(
      `select action, actor_role from audit_log where entity_type = 'product' and entity_id = $1 order by id`,
      [String(p.id)],
    );
    expect(audited.map((a) => a.action)).toEqual(['product.create', 'product.update', 'product.publish']);
    expect(audited.every((a) => a.actor_role === 'umkm_owner')).toBe(true);
  });

  it('pages through a business’s products newest first, with a status filter', async () => {
    const u = await makeUmkm(db, world.village);
    const me = await cookie([{ role: 'umkm_owner' }], u.ownerId);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(me, u.umkmId, { ...craft, name: `Produk ${i}` })).json().id);
    await setStatus(me, ids[1]!, 'archived');
    const page1 = (await call(me, 'GET', `/api/catalog/members/${u.umkmId}/products?limit=2`)).json();
    expect(page1.items.map((i: { id: number }) => i.id)).toEqual([ids[4], ids[3]]);
    const page2 = (
      await call(me, 'GET', `/api/catalog/members/${u.umkmId}/products?limit=2&cursor=${page1.nextCursor}`)
    ).json();
    const page3 = (
      await call(me, 'GET', `/api/catalog/members/${u.umkmId}/products?limit=2&cursor=${page2.nextCursor}`)
    ).json();
    expect([...page2.items, ...page3.items].map((i: { id: number }) => i.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(page3.nextCursor).toBeNull();
    const archived = (await call(me, 'GET', `/api/catalog/members/${u.umkmId}/products?status=archived`)).json();
    expect(archived.items.map((i: { id: number }) => i.id)).toEqual([ids[1]]);
    // Archived → published directly is refused; restored as a draft first, it can be.
    expect((await setStatus(me, ids[1]!, 'published')).json().code).toBe('invalid_transition');
    expect((await setStatus(me, ids[1]!, 'draft')).json().status).toBe('draft');
  });

  it('names each wrong field in both languages, in words an owner understands', async () => {
    const res = await create(owner, world.umkmId, {
      name: 'X',
      categoryCode: 'kerajinan',
      price: 0,
      unit: '',
      stock: -1,
    });
    expect(res.statusCode).toBe(400);
    const byField = Object.fromEntries(
      res.json().errors.map((e: { field: string; message: unknown }) => [e.field, e.message]),
    );
    expect(byField['body.price']).toEqual({
      id: 'Harga dalam rupiah bulat, paling sedikit Rp 1.',
      en: 'Price in whole rupiah, at least Rp 1.',
    });
    expect(byField['body.name'].id).toContain('2–200 karakter');
    expect(byField['body.unit'].en).toContain('Unit is required');
    expect(byField['body.stock'].id).toContain('0 atau lebih');

    // A minus typed into the price is refused, never saved as its digits.
    const negative = await create(owner, world.umkmId, { ...craft, price: -5 });
    expect(negative.statusCode).toBe(400);
    expect(negative.headers['content-type']).toContain('application/problem+json');
    expect(negative.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.price']);
    const p = (await create(owner, world.umkmId, craft)).json();
    const lowered = await call(owner, 'PATCH', product(p.id), { price: -5 });
    expect(lowered.statusCode).toBe(400);
    expect(lowered.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.price']);
    expect((await call(owner, 'GET', product(p.id))).json().price).toBe(craft.price);

    const unknown = await create(owner, world.umkmId, { ...craft, categoryCode: 'senjata', kbliCode: '99999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['body.categoryCode', 'unknown_category'],
      ['body.kbliCode', 'unknown_kbli'],
    ]);
    const extra = await create(owner, world.umkmId, { ...craft, status: 'published' });
    expect(extra.json().errors[0]).toMatchObject({ field: 'body.status', code: 'unknown_field' });
  });
});

describe('who sees and changes which products', () => {
  it('hides another owner’s products (404, as if absent) and lets the kecamatan desk read but not write', async () => {
    const p = (await create(owner, world.umkmId, craft)).json();
    const stranger = await makeUmkm(db, world.village);
    const other = await cookie([{ role: 'umkm_owner' }], stranger.ownerId);
    expect((await call(other, 'GET', product(p.id))).statusCode).toBe(404);
    expect((await call(other, 'PATCH', product(p.id), { price: 1 })).statusCode).toBe(404);
    expect((await setStatus(other, p.id, 'published')).statusCode).toBe(404);
    expect((await call(other, 'GET', `/api/catalog/members/${world.umkmId}/products`)).statusCode).toBe(404);
    expect((await create(other, world.umkmId, craft)).statusCode).toBe(404);

    const read = await call(desk, 'GET', product(p.id));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ status: 'draft', canEdit: false });
    expect((await call(desk, 'GET', `/api/catalog/members/${world.umkmId}/products`)).json().canEdit).toBe(false);
    expect((await call(desk, 'PATCH', product(p.id), { price: 1 })).statusCode).toBe(403);
    expect((await call(outsider, 'GET', product(p.id))).statusCode).toBe(404);
    expect((await call(outsider, 'GET', `/api/catalog/members/${world.umkmId}/products`)).statusCode).toBe(404);
    expect((await call(undefined, 'GET', product(p.id))).statusCode).toBe(401);
    const [{ price }] = (await db.query<{ price: number }>('select price from product where id = $1', [p.id])) as [
      { price: number },
    ];
    expect(price).toBe(craft.price);
  });
});

describe('the halal rule for food and drink', () => {
  it('refuses to publish a food product without a valid halal certificate, and says where to add one', async () => {
    const u = await makeUmkm(db, world.village);
    const me = await cookie([{ role: 'umkm_owner' }], u.ownerId);
    const p = (await create(me, u.umkmId, snack)).json();
    const refused = await setStatus(me, p.id, 'published');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('halal_certificate_required');
    expect(refused.json().message.id).toContain(`/anggota/${u.umkmId}/izin`);
    expect(refused.json().message.en).toContain('halal certificate');
    expect((await call(me, 'GET', product(p.id))).json()).toMatchObject({
      status: 'draft',
      business: { halalCertificate: 'missing' },
    });

    await addHalal(u.umkmId, inDays(-1)); // expired yesterday (WIB)
    expect((await setStatus(me, p.id, 'published')).json().code).toBe('halal_certificate_required');

    await addHalal(u.umkmId, inDays(0)); // valid through today
    const ok = await setStatus(me, p.id, 'published');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'published', business: { halalCertificate: 'valid' } });
  });

  it('refuses moving a published product into food and drink, or labelling it halal, without a certificate', async () => {
    const u = await makeUmkm(db, world.village);
    const me = await cookie([{ role: 'umkm_owner' }], u.ownerId);
    const p = (await create(me, u.umkmId, craft)).json();
    expect((await setStatus(me, p.id, 'published')).statusCode).toBe(200);
    const moved = await call(me, 'PATCH', product(p.id), { categoryCode: 'kue-roti' });
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({
      code: 'halal_certificate_required',
      errors: [{ field: 'body.categoryCode' }],
    });
    const labelled = await call(me, 'PATCH', product(p.id), { halal: true });
    expect(labelled.json()).toMatchObject({ code: 'halal_certificate_required', errors: [{ field: 'body.halal' }] });
    // As a draft it may become food (it just cannot be published yet).
    await setStatus(me, p.id, 'draft');
    expect((await call(me, 'PATCH', product(p.id), { categoryCode: 'kue-roti' })).json().category).toMatchObject({
      code: 'kue-roti',
      food: true,
    });
    await addHalal(u.umkmId, null); // a certificate without an end date (UU 6/2023)
    expect((await setStatus(me, p.id, 'published')).json().status).toBe('published');
  });
});

describe('curation and edits', () => {
  async function curated(me: string, umkmId: number) {
    const p = (await create(me, umkmId, craft)).json();
    await setStatus(me, p.id, 'published');
    await db.query(
      `update product set curation_status = 'curated', curation_grade = null, curated_at = now(), channel_jbl = true where id = $1`,
      [p.id],
    );
    return p.id as number;
  }

  it('keeps the curation on price and stock edits, and returns the product to "not curated" when its name changes', async () => {
    const id = await curated(owner, world.umkmId);
    const priced = await call(owner, 'PATCH', product(id), { price: 99000, stock: 3, leadTimeDays: 2 });
    expect(priced.json()).toMatchObject({
      curationReset: false,
      curation: { status: 'passed', curated: true },
      listed: true,
    });
    expect((await call(undefined, 'GET', `/api/catalog/products/${id}`)).json().price).toBe(99000);

    const renamed = await call(owner, 'PATCH', product(id), { name: 'Tas Pandan Jumbo' });
    expect(renamed.json()).toMatchObject({
      curationReset: true,
      curation: { status: 'none', curated: false, grade: null, curatedAt: null },
      listed: false,
    });
    expect((await call(undefined, 'GET', `/api/catalog/products/${id}`)).statusCode).toBe(404);
    const [row] = await db.query<{ channel_jbl: boolean }>('select channel_jbl from product where id = $1', [id]);
    expect(row!.channel_jbl).toBe(false);
    const [log] = await db.query<{ after: { curationStatus: string } }>(
      `select after from audit_log where entity_type = 'product' and entity_id = $1 and action = 'product.update' order by id desc limit 1`,
      [String(id)],
    );
    expect(log!.after.curationStatus).toBe('none');
  });

  it('locks what is being reviewed while the product is under curation', async () => {
    const p = (await create(owner, world.umkmId, craft)).json();
    await db.query(`update product set curation_status = 'verified' where id = $1`, [p.id]);
    const locked = await call(owner, 'PATCH', product(p.id), { name: 'Nama Baru', price: 1000 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({
      code: 'product_in_curation',
      errors: [{ field: 'body.name', code: 'in_curation' }],
    });
    expect((await call(owner, 'GET', product(p.id))).json()).toMatchObject({
      name: craft.name,
      price: craft.price,
      lockedForReview: true,
    });
    expect((await call(owner, 'PATCH', product(p.id), { price: 1000 })).json()).toMatchObject({
      price: 1000,
      curation: { status: 'verified' },
    });
  });
});

describe('the owner’s product pages read in a fixed number of queries', () => {
  it('reads the owner’s businesses, a page of products and one product in one, two and one queries, the same answer as the API', async () => {
    const w = await makeWorld(db, '3174');
    const me = await cookie([{ role: 'umkm_owner' }], w.ownerId);
    for (const name of ['Satu', 'Dua', 'Tiga'])
      expect((await create(me, w.umkmId, { ...craft, name })).statusCode).toBe(201);
    const actor = (await loadSession(db, me.split('=')[1]!))!;
    let queries = 0;
    const counting: Queryable = {
      engine: db.engine,
      query: (...a) => {
        queries++;
        return db.query(...a);
      },
      exec: (sql) => db.exec(sql),
    };

    expect(await listMyBusinesses(counting, actor)).toEqual({
      items: [
        {
          id: w.umkmId,
          name: expect.any(String),
          halalCertificate: 'missing',
          products: { draft: 3, published: 0, archived: 0 },
        },
      ],
    });
    expect(queries).toBe(1);
    await addHalal(w.umkmId, inDays(1));
    queries = 0;
    expect((await listMyBusinesses(counting, actor)).items[0]!.halalCertificate).toBe('valid');
    expect(queries).toBe(1);
    await db.query(`update permit set expires_on = $2 where umkm_id = $1 and kind = 'halal'`, [w.umkmId, inDays(-1)]);

    queries = 0;
    const page = await listProducts(counting, actor, { umkmId: w.umkmId, limit: 2 });
    expect(queries).toBe(2);
    expect(page).toMatchObject({
      business: { id: w.umkmId, halalCertificate: 'missing' },
      canEdit: true,
      nextCursor: expect.any(String),
    });
    expect(page.items.map((i) => i.name)).toEqual(['Tiga', 'Dua']);

    queries = 0;
    const one = await getManagedProduct(counting, actor, { productId: page.items[0]!.id });
    expect(queries).toBe(1);
    expect(one).toMatchObject({
      name: 'Tiga',
      business: { id: w.umkmId, halalCertificate: 'missing' },
      canEdit: true,
      photos: [],
    });
    expect((await call(me, 'GET', product(one.id))).json()).toEqual(one);
  });
});

describe('product categories', () => {
  it('lists every category to anyone, food and drink (which need a halal certificate) first, named in both languages', async () => {
    const res = await call(undefined, 'GET', '/api/catalog/categories');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: { id: string; en: string }; food: boolean }[];
    const [{ n }] = (await db.query<{ n: number }>('select count(*)::int4 as n from product_category')) as [
      { n: number },
    ];
    expect(items).toHaveLength(n);
    expect(items.findIndex((c) => !c.food)).toBe(items.filter((c) => c.food).length);
    expect(items).toContainEqual({
      code: 'makanan-ringan',
      name: { id: expect.any(String), en: expect.any(String) },
      food: true,
    });
    expect(items).toContainEqual({
      code: 'kerajinan',
      name: { id: expect.any(String), en: expect.any(String) },
      food: false,
    });
  });
});
