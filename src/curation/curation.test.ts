import { beforeAll, describe, expect, it } from 'vitest';
import {
  FOOD_SCORES,
  get,
  ids,
  kit,
  openCall,
  post,
  product,
  send,
  setUpCuration,
  submit,
  toScoring,
  wibIn,
} from '../../test/support/curation-kit.ts';
import { unique, type World } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';
import { localDate } from '../platform/time.ts';

let db: Db;
let world: World;
let other: World;

beforeAll(async () => {
  await setUpCuration();
  ({ db, world, other } = kit);
});

describe('the curation flow', () => {
  it('takes a product from submission to a certificate anyone can verify, each step audited and notified', async () => {
    const callId = await openCall();
    const productId = await product(world);

    const open = await get('', '/api/curation/calls');
    const listed = open.json().items.find((x: { id: number }) => x.id === callId);
    expect(listed).toMatchObject({
      channel: 'jbl',
      acceptingSubmissions: true,
      kurators: null,
      deadlineText: { id: expect.stringMatching(/WIB$/) },
    });

    const eligible = await get('owner', `/api/curation/eligible-products?callId=${callId}`);
    expect(eligible.json().items.find((x: { productId: number }) => x.productId === productId)).toMatchObject({
      eligible: true,
      reason: null,
    });

    // Submit: the kecamatan's pendamping is told in the app, and the owner gets a WhatsApp link to the pendamping's number.
    const sub = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId });
    expect(sub.statusCode, sub.body).toBe(201);
    const id = sub.json().submission.id as number;
    expect(sub.json().submission).toMatchObject({
      status: 'submitted',
      step: 'verify',
      round: 1,
      overdueDays: 0,
      abilities: { verify: false },
    });
    const direct = sub
      .json()
      .whatsapp.map((w: { url: string }) => w.url)
      .find((u: string) => u.startsWith('https://wa.me/6281298765432?text='));
    expect(decodeURIComponent(direct)).toContain(`/kurasi/pengajuan/${id}`);
    // Under review: the owner's product page says where it stands, in the curation pages' words; not yet in the catalogue.
    expect((await get('owner', `/api/catalog/manage/products/${productId}`)).json()).toMatchObject({
      curation: {
        status: 'submitted',
        label: { id: 'Menunggu verifikasi pendamping' },
        curated: false,
        submissionId: id,
      },
      lockedForReview: true,
      listed: false,
    });

    const inbox = await get('pendamping', '/api/notifications?unread=true');
    const note = inbox.json().items.find((n: { link: string }) => n.link === `/kurasi/pengajuan/${id}`);
    expect(note).toMatchObject({
      kind: 'curation.submitted',
      whatsappShare: expect.stringMatching(/^https:\/\/wa\.me\/\?text=/),
    });
    expect(inbox.json().unread).toBeGreaterThan(0);
    const read = await post('pendamping', `/api/notifications/${note.id}/read`);
    expect(read.json().marked).toBe(1);
    expect((await post('kasatpel', `/api/notifications/${note.id}/read`)).statusCode).toBe(404); // someone else's

    // The pendamping sees it in the queue, may verify; the kasatpel may not yet.
    expect((await get('pendamping', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id)).toContain(
      id,
    );
    expect((await get('pendamping', `/api/curation/submissions/${id}`)).json().abilities).toMatchObject({
      verify: true,
      validate: false,
    });
    expect(
      (await post('kasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).json().code,
    ).toBe('wrong_step');
    const verified = await post('pendamping', `/api/curation/submissions/${id}/verify`, {
      decision: 'verify',
      notes: 'Dokumen lengkap',
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().submission).toMatchObject({ status: 'verified', step: 'validate' });
    expect(verified.json().whatsapp.length).toBeGreaterThan(0);

    const validated = await post('kasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' });
    expect(validated.json().submission).toMatchObject({ status: 'validated', step: 'score' });
    expect(validated.json().whatsapp.map((w: { role: string }) => w.role)).toEqual(['kurator']);
    expect((await get('kurator', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id)).toContain(id);

    // Scores must cover every criterion once.
    const partial = await post('kurator', `/api/curation/submissions/${id}/score`, {
      scores: FOOD_SCORES(5).slice(0, 3),
    });
    expect(partial.json().code).toBe('scores_incomplete');
    const scored = await post('kurator', `/api/curation/submissions/${id}/score`, {
      scores: FOOD_SCORES(5),
      notes: 'Rasa dan kemasan sangat baik',
    });
    expect(scored.statusCode, scored.body).toBe(200);
    const s = scored.json().submission;
    expect(s).toMatchObject({
      status: 'passed',
      grade: 'A',
      step: null,
      result: { passed: true, grade: 'A', percent: 100, notes: 'Rasa dan kemasan sangat baik' },
    });
    expect(s.result.scores).toHaveLength(5);
    expect(s.history.map((h: { decision: string }) => h.decision)).toEqual([
      'submitted',
      'verified',
      'validated',
      'passed',
    ]);
    const code = s.certificate.code as string;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // The product is curated for the channel and searchable.
    const [p] = await db.query<{
      curation_status: string;
      curation_grade: string;
      channel_jbl: boolean;
      curated_at: Date | null;
    }>('select * from product where id = $1', [productId]);
    expect(p).toMatchObject({ curation_status: 'curated', curation_grade: 'A', channel_jbl: true });
    expect(await db.query('select 1 from catalog_search where product_id = $1', [productId])).toHaveLength(1);
    expect((await get('', `/api/curation/calls/${callId}`)).json().passedCount).toBe(1);

    // The owner is told, with the certificate code.
    const ownerInbox = (await get('owner', '/api/notifications')).json().items;
    expect(
      ownerInbox.find(
        (n: { kind: string; link: string }) => n.kind === 'curation.passed' && n.link === `/kurasi/pengajuan/${id}`,
      ).body.id,
    ).toContain(code);

    // Anyone can verify the certificate: no personal data.
    const pub = await get('', `/api/curation/certificates/${code.toLowerCase()}`);
    expect(pub.json()).toMatchObject({
      status: 'valid',
      code,
      grade: 'A',
      channel: 'jbl',
      business: expect.stringContaining('Usaha Dunia'),
      issuedOn: localDate(new Date()),
    });
    expect(pub.body).not.toContain(world.ownerName);
    expect(pub.body).not.toContain(world.nik);
    expect((await get('', '/api/curation/certificates/ZZZZ-ZZZZ-ZZZZ-ZZZZ')).json()).toMatchObject({
      status: 'unknown',
      product: null,
    });

    // The PDF: the owner and the officers; nobody outside.
    const pdf = await get('owner', `/api/curation/certificates/${code}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain(code);
    expect((await get('kasatpel', `/api/curation/certificates/${code}/pdf`)).statusCode).toBe(200);
    expect((await get('farPendamping', `/api/curation/certificates/${code}/pdf`)).statusCode).toBe(404);
    expect((await get('kurator2', `/api/curation/certificates/${code}/pdf`)).statusCode).toBe(404);

    // Every step audited on the submission's chain.
    const audited = await db.query<{ action: string; actor_role: string }>(
      `select action, actor_role from audit_log where entity_type = 'curation_submission' and entity_id = $1 order by id`,
      [String(id)],
    );
    expect(audited).toEqual([
      { action: 'curation.submit', actor_role: 'umkm_owner' },
      { action: 'curation.verify', actor_role: 'pendamping' },
      { action: 'curation.validate', actor_role: 'kasatpel' },
      { action: 'curation.score', actor_role: 'kurator' },
    ]);

    // The Dinas revokes: the public check says so, and the product leaves the curated catalogue.
    const revoked = await post('admin', `/api/curation/certificates/${code}/revoke`, {
      reason: 'Izin edar tidak berlaku',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await get('', `/api/curation/certificates/${code}`)).json().status).toBe('revoked');
    expect(
      (
        await db.query<{ curation_status: string; channel_jbl: boolean }>(
          'select curation_status, channel_jbl from product where id = $1',
          [productId],
        )
      )[0],
    ).toEqual({ curation_status: 'none', channel_jbl: false });
    const revokedPage = (await get('owner', `/api/catalog/manage/products/${productId}`)).json().curation;
    expect(revokedPage).toMatchObject({
      status: 'revoked',
      label: { id: 'Sertifikat kurasi dicabut' },
      curated: false,
      grade: null,
    });
    expect((await get('owner', `/api/curation/submissions/${id}`)).json()).toMatchObject({
      status: 'passed',
      statusLabel: revokedPage.label,
    });
    expect(await db.query('select 1 from catalog_search where product_id = $1', [productId])).toHaveLength(0);
  });

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

  it('keeps officers to their own: outside the kecamatan or not assigned to the call, a submission is not found', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    expect(
      (await post('farPendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).statusCode,
    ).toBe(404);
    expect((await get('farPendamping', `/api/curation/submissions/${id}`)).statusCode).toBe(404);
    expect(
      (await get('farPendamping', '/api/curation/submissions')).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(id);
    expect(
      (await get('farPendamping', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(id);
    expect(
      (await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).statusCode,
    ).toBe(200);
    expect(
      (await post('farKasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).statusCode,
    ).toBe(404);
    expect(
      (await get('farKasatpel', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(id);
    expect(
      (await post('kasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).statusCode,
    ).toBe(200);
    // A kurator of another call: cannot score it and does not see it.
    const notAssigned = await post('kurator2', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5) });
    expect(notAssigned.statusCode).toBe(404);
    expect((await get('kurator2', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id)).not.toContain(
      id,
    );
    expect((await get('kurator2', `/api/curation/submissions/${id}`)).statusCode).toBe(404);
    expect(
      (await post('pendamping', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5) })).statusCode,
    ).toBe(403);
    expect((await get('kurator', `/api/curation/submissions/${id}`)).json().abilities.score).toBe(true);
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

  it('lists overdue submissions by working days, within each role’s scope', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    // Due three weeks ago: well overdue whatever the weekday today.
    await db.query(
      `update curation_submission set due_on = ((now() at time zone 'Asia/Jakarta')::date - 21) where id = $1`,
      [id],
    );
    const ids_ = async (who: string) =>
      (await get(who, '/api/curation/overdue')).json().items.map((i: { id: number }) => i.id);
    const mine = (await get('pendamping', '/api/curation/overdue'))
      .json()
      .items.find((i: { id: number }) => i.id === id);
    expect(mine.overdueDays).toBeGreaterThanOrEqual(13);
    expect(mine.overdueDays).toBeLessThanOrEqual(15);
    expect(await ids_('admin')).toContain(id);
    expect(await ids_('kasatpel')).toContain(id);
    expect(await ids_('kurator')).toContain(id);
    expect(await ids_('farPendamping')).not.toContain(id);
    expect(await ids_('kurator2')).not.toContain(id);
    expect((await get('owner', '/api/curation/overdue')).statusCode).toBe(403);
  });

  it('lets the Dinas manage calls: drafts hidden from others, kurators checked, quota not below those passed', async () => {
    const res = await post('admin', '/api/curation/calls', {
      title: { id: 'Draf', en: 'Draft' },
      description: { id: 'd', en: 'd' },
      criteria: { id: 'k', en: 'c' },
      quota: 3,
      deadlineWib: wibIn(10),
      channel: 'mall',
      rubricCode: 'general',
      kuratorIds: [ids.pendamping],
    });
    expect(res.json().errors[0].code).toBe('not_kurator');
    const draft = await post('admin', '/api/curation/calls', {
      title: { id: 'Draf', en: 'Draft' },
      description: { id: 'd', en: 'd' },
      criteria: { id: 'k', en: 'c' },
      quota: 3,
      deadlineWib: wibIn(10),
      channel: 'mall',
      rubricCode: 'general',
    });
    const id = draft.json().id;
    expect(draft.json()).toMatchObject({ status: 'draft', kurators: [], rubric: { code: 'general', forFood: false } });
    expect((await get('owner', `/api/curation/calls/${id}`)).statusCode).toBe(404);
    expect((await get('owner', '/api/curation/calls?status=draft')).statusCode).toBe(403);
    expect((await post('admin', `/api/curation/calls/${id}/publish`)).json().code).toBe('no_kurators');
    const edited = await send('admin', 'PATCH', `/api/curation/calls/${id}`, {
      kuratorIds: [ids.kurator],
      deadlineWib: '2030-01-31T23:59',
    });
    expect(edited.json()).toMatchObject({
      deadline: '2030-01-31T16:59:00.000Z',
      deadlineWib: '2030-01-31T23:59',
      kurators: [{ accountId: ids.kurator }],
    });
    expect((await post('admin', `/api/curation/calls/${id}/publish`)).json().status).toBe('open');
    expect(
      (await get('kurator', '/api/curation/calls?assigned=me')).json().items.map((x: { id: number }) => x.id),
    ).toContain(id);
    expect(
      (await get('kurator2', '/api/curation/calls?assigned=me')).json().items.map((x: { id: number }) => x.id),
    ).not.toContain(id);
    expect((await post('admin', `/api/curation/calls/${id}/close`)).json().status).toBe('closed');
    expect((await send('admin', 'PATCH', `/api/curation/calls/${id}`, { quota: 9 })).json().code).toBe('call_closed');
    const actions = await db.query<{ action: string }>(
      `select action from audit_log where entity_type = 'curation_call' and entity_id = $1 order by id`,
      [String(id)],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'curation.call_create',
      'curation.call_update',
      'curation.call_publish',
      'curation.call_close',
    ]);
    expect(
      (await get('kurator', '/api/curation/rubrics')).json().items.find((r: { code: string }) => r.code === 'food'),
    ).toMatchObject({
      passPercent: 60,
      grades: [
        { grade: 'A', minPercent: 85 },
        { grade: 'B', minPercent: 70 },
        { grade: 'C', minPercent: 60 },
      ],
    });
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
