// Curation rules met on the way (issue 12): a call that requires halal, and one curation status per product,
// derived in one place for every page.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FOOD_SCORES,
  get,
  ids,
  kit,
  login,
  openCall,
  post,
  product,
  send,
  setUpCuration,
  submit,
  toScoring,
} from '../../test/support/curation-kit.ts';
import { makeWorld, unique, type World } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';

let db: Db;
let world: World;

beforeAll(async () => {
  await setUpCuration();
  ({ db, world } = kit);
});

/** A calendar date n days from today in Jakarta (UTC+7). */
const wibDate = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe('a call that requires halal (issue 12)', () => {
  it('takes only products labelled halal with a valid certificate, and passes none whose certificate lapsed before scoring', async () => {
    const w = await makeWorld(db, '3171');
    await login('halalOwner', [{ role: 'umkm_owner' }], w.ownerId);
    const halalCall = await openCall({
      requiresHalal: true,
      criteria: { id: 'Makanan dan minuman', en: 'Food and drink' },
    });
    expect((await get('halalOwner', `/api/curation/calls/${halalCall}`)).json()).toMatchObject({ requiresHalal: true });
    const submitAs = (productId: number) =>
      post('halalOwner', `/api/curation/calls/${halalCall}/submissions`, { productId });

    // Not labelled halal: refused, naming the reason in both languages, and the owner's list says so beforehand.
    const plain = await product(w, { halal: false });
    const refused = await submitAs(plain);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'halal_required',
      errors: [{ field: 'body.productId', code: 'halal_required' }],
    });
    expect(refused.json().message.id).toContain('tidak berlabel halal');
    expect(refused.json().message.en).toContain('not labelled halal');
    const eligible = (await get('halalOwner', `/api/curation/eligible-products?callId=${halalCall}`)).json().items;
    expect(eligible.find((x: { productId: number }) => x.productId === plain)).toMatchObject({
      eligible: false,
      reason: { en: expect.stringContaining('not labelled halal') },
    });

    // Labelled halal, but the business's certificate expired yesterday (WIB): refused too.
    const labelled = await product(w);
    await db.query(`insert into permit (umkm_id, kind, number, expires_on) values ($1, 'halal', $2, $3)`, [
      w.umkmId,
      `ID-HALAL-${unique()}`,
      wibDate(-1),
    ]);
    const expired = await submitAs(labelled);
    expect([expired.statusCode, expired.json().code]).toEqual([422, 'halal_required']);
    expect(expired.json().message.en).toContain('expired');

    // Valid through today: taken.
    await db.query(`update permit set expires_on = $2 where umkm_id = $1 and kind = 'halal'`, [w.umkmId, wibDate(0)]);
    const ok = await submitAs(labelled);
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json().submission.id as number;
    await login('halalDesk', [{ role: 'pendamping', scopeId: w.district }]);
    await login('halalKasatpel', [{ role: 'kasatpel', scopeId: w.district }]);
    expect((await post('halalDesk', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).statusCode).toBe(
      200,
    );
    expect(
      (await post('halalKasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).statusCode,
    ).toBe(200);

    // The certificate lapses while the kurator has it: full marks do not pass it, and the notes say why.
    await db.query(`update permit set expires_on = $2 where umkm_id = $1 and kind = 'halal'`, [w.umkmId, wibDate(-1)]);
    const scored = await post('kurator', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5) });
    expect(scored.statusCode, scored.body).toBe(200);
    expect(scored.json().submission).toMatchObject({
      status: 'not_passed',
      grade: null,
      certificate: null,
      result: { passed: false },
    });
    expect(scored.json().submission.result.notes).toContain('sertifikat halal');
    expect((await get('', `/api/curation/calls/${halalCall}`)).json().passedCount).toBe(0);
    expect(await db.query('select 1 from catalog_search where product_id = $1', [labelled])).toHaveLength(0);
    expect((await get('halalOwner', `/api/catalog/manage/products/${labelled}`)).json().curation).toMatchObject({
      status: 'not_passed',
      curated: false,
    });
  });

  it('lets the Dinas set and clear the rule on the call form; a call without it takes a product not labelled halal', async () => {
    const callId = await openCall();
    expect((await get('owner', `/api/curation/calls/${callId}`)).json().requiresHalal).toBe(false);
    expect(
      (
        await post('owner', `/api/curation/calls/${callId}/submissions`, {
          productId: await product(world, { halal: false }),
        })
      ).statusCode,
    ).toBe(201);
    const edited = await send('admin', 'PATCH', `/api/curation/calls/${callId}`, { requiresHalal: true });
    expect(edited.json()).toMatchObject({
      requiresHalal: true,
      foodOnly: true,
      kurators: [{ accountId: ids.kurator }],
    }); // what the edit left out is kept
    const now = await post('owner', `/api/curation/calls/${callId}/submissions`, {
      productId: await product(world, { halal: false }),
    });
    expect([now.statusCode, now.json().code]).toEqual([422, 'halal_required']);
  });
});

describe("the product's curation status, one derivation for every page (issue 12)", () => {
  it('shows a product passed once, then returned in a newer round, as returned everywhere, still in the catalogue on its certificate', async () => {
    const first = await openCall();
    const productId = await product(world);
    const a = await submit(first, productId);
    await toScoring(a);
    const passed = (await post('kurator', `/api/curation/submissions/${a}/score`, { scores: FOOD_SCORES(5) })).json()
      .submission;
    const code = passed.certificate.code as string;

    // A newer round, in another call, returned by the pendamping.
    const second = await openCall({ channel: 'e_order' });
    const b = await submit(second, productId);
    const returned = await post('pendamping', `/api/curation/submissions/${b}/verify`, {
      decision: 'return',
      notes: 'Label gizi belum ada.',
    });
    expect(returned.statusCode).toBe(200);

    const curationApi = (await get('owner', `/api/curation/submissions/${b}`)).json();
    expect(curationApi).toMatchObject({ status: 'returned', statusLabel: { id: 'Dikembalikan untuk perbaikan' } });
    const list = (await get('owner', `/api/catalog/members/${world.umkmId}/products?limit=100`)).json().items;
    const inList = list.find((p: { id: number }) => p.id === productId);
    const page = (await get('owner', `/api/catalog/manage/products/${productId}`)).json();
    for (const shown of [inList, page]) {
      expect(shown.curation).toEqual({
        status: 'returned',
        label: curationApi.statusLabel,
        curated: true,
        grade: 'A',
        curatedAt: expect.any(String),
        submissionId: b,
      });
      expect(shown.listed).toBe(true);
    }
    expect(page.lockedForReview).toBe(false); // returned: the owner may improve it
    // The rule: a certificate stays valid until revoked, so the earlier pass keeps it in the catalogue (its channel only).
    expect((await get('', `/api/curation/certificates/${code}`)).json().status).toBe('valid');
    expect((await get('', `/api/catalog/products/${productId}`)).statusCode).toBe(200);
    const [row] = await db.query<{ channel_jbl: boolean; channel_e_order: boolean }>(
      'select channel_jbl, channel_e_order from catalog_search where product_id = $1',
      [productId],
    );
    expect(row).toEqual({ channel_jbl: true, channel_e_order: false });

    // Revoked: out of the catalogue, and every page still says "returned" (the newest round's state).
    await post('admin', `/api/curation/certificates/${code}/revoke`, { reason: 'Uji' });
    const after = (await get('owner', `/api/catalog/manage/products/${productId}`)).json();
    expect(after).toMatchObject({ curation: { status: 'returned', curated: false, grade: null }, listed: false });
    expect(await db.query('select 1 from catalog_search where product_id = $1', [productId])).toHaveLength(0);
  });
});
