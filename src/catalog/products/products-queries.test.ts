// The owner's product pages read in a fixed number of queries, with the same answer as the API.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld } from '../../../test/support/factories.ts';
import {
  addHalal,
  call,
  cookie,
  craft,
  create,
  inDays,
  pk,
  product,
  setUpProducts,
} from '../../../test/support/products.ts';
import { loadSession } from '../../platform/auth/session.ts';
import type { Db, Queryable } from '../../platform/db/types.ts';
import { getManagedProduct } from './get-managed-product.ts';
import { listMyBusinesses } from './list-my-businesses.ts';
import { listProducts } from './list-products.ts';

let db: Db;

beforeAll(async () => {
  await setUpProducts();
  ({ db } = pk);
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
