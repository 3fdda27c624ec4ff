// The halal rule for food and drink: no publishing, moving into food or labelling halal without a valid certificate.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUmkm, type World } from '../../../test/support/factories.ts';
import {
  addHalal,
  call,
  cookie,
  craft,
  create,
  inDays,
  pk,
  product,
  setStatus,
  setUpProducts,
  snack,
} from '../../../test/support/products.ts';
import type { Db } from '../../platform/db/types.ts';

let db: Db;
let world: World;

beforeAll(async () => {
  await setUpProducts();
  ({ db, world } = pk);
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
