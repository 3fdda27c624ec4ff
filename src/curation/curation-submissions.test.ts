// Taking submissions and steps: what a call refuses, a retried Idempotency-Key, two officers acting at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { get, kit, openCall, post, product, setUpCuration, submit } from '../../test/support/curation-kit.ts';
import { unique, type World } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';

let db: Db;
let world: World;
let other: World;

beforeAll(async () => {
  await setUpCuration();
  ({ db, world, other } = kit);
});

describe('curation submissions', () => {
  it('refuses submissions after the deadline (WIB), ineligible products, and the same product twice', async () => {
    const callId = await openCall({ categoryCodes: ['kue-roti', 'minuman'] });
    const productId = await product(world);
    await submit(callId, productId);
    expect((await post('owner', `/api/curation/calls/${callId}/submissions`, { productId })).json().code).toBe(
      'already_submitted',
    );
    const batik = await post('owner', `/api/curation/calls/${callId}/submissions`, {
      productId: await product(world, { category: 'batik-kain' }),
    });
    expect([batik.statusCode, batik.json().code]).toEqual([422, 'product_not_eligible']);
    const draft = await post('owner', `/api/curation/calls/${callId}/submissions`, {
      productId: await product(world, { status: 'draft' }),
    });
    expect(draft.json().code).toBe('product_not_published');
    const theirs = await post('owner', `/api/curation/calls/${callId}/submissions`, {
      productId: await product(other),
    });
    expect(theirs.statusCode).toBe(404);

    await db.query(`update curation_call set deadline = now() - interval '1 minute' where id = $1`, [callId]);
    const late = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId: await product(world) });
    expect([late.statusCode, late.json().code]).toEqual([409, 'deadline_passed']);
    expect((await get('', `/api/curation/calls/${callId}`)).json().acceptingSubmissions).toBe(false);
  });

  it('does a step once for a retried Idempotency-Key', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    const key = { 'idempotency-key': `verify-${unique()}` };
    const first = await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' }, key);
    const again = await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' }, key);
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(again.json().submission.status).toBe('verified');
    expect(again.json().whatsapp).toEqual(first.json().whatsapp);
    expect(
      await db.query(`select 1 from curation_step where submission_id = $1 and step = 'verify'`, [id]),
    ).toHaveLength(1);
    expect(
      await db.query(
        `select 1 from audit_log where entity_type = 'curation_submission' and entity_id = $1 and action = 'curation.verify'`,
        [String(id)],
      ),
    ).toHaveLength(1);
    // Without the key, the second click finds it moved on.
    expect(
      (await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).json().code,
    ).toBe('wrong_step');
    // The step history cannot be rewritten.
    await expect(db.query(`update curation_step set notes = 'x' where submission_id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('lets only one of two officers acting at once win', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    const both = await Promise.all([
      post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' }),
      post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'return', notes: 'Kurang lengkap' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(
      await db.query(`select 1 from curation_step where submission_id = $1 and step = 'verify'`, [id]),
    ).toHaveLength(1);
  });
});
