// What scoring leads to: a returned product's new rounds, a full quota, the general rubric, and a certificate revoked by an edit.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FOOD_SCORES,
  get,
  kit,
  openCall,
  post,
  product,
  send,
  setUpCuration,
  submit,
  toScoring,
} from '../../test/support/curation-kit.ts';
import { unique, type World } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';

let db: Db;
let world: World;

beforeAll(async () => {
  await setUpCuration();
  ({ db, world } = kit);
});

describe('curation outcomes', () => {
  it('returns a product with notes, and takes it again as a new round after the owner improves it', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    expect(
      (await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'return' })).json().code,
    ).toBe('notes_required');
    const ret = await post('pendamping', `/api/curation/submissions/${id}/verify`, {
      decision: 'return',
      notes: 'Foto produk buram.',
    });
    expect(ret.json().submission).toMatchObject({
      status: 'returned',
      step: null,
      dueDate: null,
      abilities: { verify: false },
    });
    expect(ret.json().whatsapp.map((w: { role: string }) => w.role)).toEqual(['umkm_owner']);
    const owner = await get('owner', `/api/curation/submissions/${id}`);
    expect(owner.json().abilities.resubmit).toBe(true);
    const note = (await get('owner', '/api/notifications'))
      .json()
      .items.find(
        (n: { kind: string; link: string }) => n.kind === 'curation.returned' && n.link === `/kurasi/pengajuan/${id}`,
      );
    expect(note.body.id).toContain('Foto produk buram.');

    expect((await post('pendamping', `/api/curation/submissions/${id}/resubmit`, {})).statusCode).toBe(403);
    const again = await post('owner', `/api/curation/submissions/${id}/resubmit`, {
      notes: 'Foto baru sudah diunggah',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().submission).toMatchObject({ status: 'submitted', round: 2, step: 'verify' });
    expect((await post('owner', `/api/curation/submissions/${id}/resubmit`, {})).json().code).toBe('not_resubmittable');

    // Round 2 fails at scoring; the owner may try a third round, and the history keeps every round.
    await toScoring(id);
    const failed = await post('kurator', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(2) });
    expect(failed.json().submission).toMatchObject({
      status: 'not_passed',
      grade: null,
      result: { passed: false, percent: 40 },
      certificate: null,
    });
    expect(
      failed.json().submission.history.map((h: { round: number; decision: string }) => `${h.round}:${h.decision}`),
    ).toEqual(['1:submitted', '1:returned', '2:resubmitted', '2:verified', '2:validated', '2:not_passed']);
    expect((await post('owner', `/api/curation/submissions/${id}/resubmit`, {})).json().submission.round).toBe(3);
  });

  it('lets no more products pass once the quota is full (409), and takes no submissions then', async () => {
    const callId = await openCall({ quota: 1 });
    const a = await submit(callId, await product(world));
    const b = await submit(callId, await product(world));
    await toScoring(a);
    await toScoring(b);
    expect(
      (await post('kurator', `/api/curation/submissions/${a}/score`, { scores: FOOD_SCORES(4) })).json().submission,
    ).toMatchObject({
      status: 'passed',
      grade: 'B',
    });
    const full = await post('kurator', `/api/curation/submissions/${b}/score`, { scores: FOOD_SCORES(5) });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('quota_full');
    expect((await get('kurator', `/api/curation/submissions/${b}`)).json().status).toBe('validated'); // nothing changed
    expect((await get('', `/api/curation/calls/${callId}`)).json()).toMatchObject({
      passedCount: 1,
      acceptingSubmissions: false,
    });
    const late = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId: await product(world) });
    expect([late.statusCode, late.json().code]).toEqual([409, 'quota_full']);
  });

  it('grades nothing on the general rubric: a non-food product passes with the grade left empty', async () => {
    const callId = await openCall({ foodOnly: false, rubricCode: 'general', channel: 'mall', categoryCodes: [] });
    const id = await submit(callId, await product(world, { category: 'batik-kain' }));
    await toScoring(id);
    const scores = ['quality', 'packaging', 'price_fit', 'photo'].map((criterion) => ({ criterion, score: 4 }));
    const res = await post('kurator', `/api/curation/submissions/${id}/score`, { scores });
    expect(res.json().submission).toMatchObject({
      status: 'passed',
      grade: null,
      result: { percent: 80, grade: null },
    });
    const [p] = await db.query<{ curation_status: string; curation_grade: string | null; channel_mall: boolean }>(
      'select p.curation_status, p.curation_grade, p.channel_mall from product p join curation_submission s on s.product_id = p.id where s.id = $1',
      [id],
    );
    expect(p).toEqual({ curation_status: 'curated', curation_grade: null, channel_mall: true });
  });
  it('revokes the certificate when the owner changes what the kurator judged; a price change keeps it', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    await toScoring(id);
    const scored = await post('kurator', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5) });
    const { code } = scored.json().submission.certificate as { code: string };
    const productId = scored.json().submission.product.id as number;
    const edit = (body: object) => send('owner', 'PATCH', `/api/catalog/manage/products/${productId}`, body);

    expect((await edit({ price: 27500 })).statusCode).toBe(200);
    expect((await get('', `/api/curation/certificates/${code}`)).json().status).toBe('valid');

    expect((await edit({ name: `Kue Lapis Legit ${unique()}` })).statusCode).toBe(200);
    expect((await get('', `/api/curation/certificates/${code}`)).json()).toMatchObject({ status: 'revoked' });
    expect((await get('', `/api/catalog/products/${productId}`)).statusCode).toBe(404); // out of the catalogue
    const [a] = await db.query<{ action: string; role: string | null }>(
      `select action, actor_role as role from audit_log where entity_type = 'curation_certificate' and entity_id = $1`,
      [code],
    );
    expect(a).toMatchObject({ action: 'curation.certificate_revoke', role: 'umkm_owner' });
  });
});
