// Who sees and changes which products: another owner finds nothing, the kecamatan desk reads but does not write.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUmkm, type World } from '../../../test/support/factories.ts';
import { call, cookie, craft, create, pk, product, setStatus, setUpProducts } from '../../../test/support/products.ts';
import type { Db } from '../../platform/db/types.ts';

let db: Db;
let world: World;
let owner: string;
let desk: string; // pendamping of the world's kecamatan
let outsider: string; // pendamping of a kecamatan in another kota

beforeAll(async () => {
  await setUpProducts();
  ({ db, world, owner, desk, outsider } = pk);
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
