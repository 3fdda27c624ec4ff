// An owner manages products: a draft created once per Idempotency-Key, edited, published, paged, and wrong fields named.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUmkm, unique, type World } from '../../../test/support/factories.ts';
import { call, cookie, craft, create, pk, product, setStatus, setUpProducts } from '../../../test/support/products.ts';
import type { Db } from '../../platform/db/types.ts';

let db: Db;
let world: World;
let owner: string;

beforeAll(async () => {
  await setUpProducts();
  ({ db, world, owner } = pk);
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
