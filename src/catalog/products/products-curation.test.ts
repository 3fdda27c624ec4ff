// Curation and edits: which edits keep a product curated, and what is locked while it is under review.
import { beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../../test/support/factories.ts';
import { call, craft, create, pk, product, setStatus, setUpProducts } from '../../../test/support/products.ts';
import type { Db } from '../../platform/db/types.ts';

let db: Db;
let world: World;
let owner: string;

beforeAll(async () => {
  await setUpProducts();
  ({ db, world, owner } = pk);
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
