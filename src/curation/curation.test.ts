import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../test/support/db.ts';
import { makeAccount, makeWorld, unique, type World } from '../../test/support/factories.ts';
import type { Role } from '../platform/auth/roles.ts';
import { createSession } from '../platform/auth/session.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import { localDate } from '../platform/time.ts';

let db: Db;
let app: App;
let world: World;
let other: World;
const c: Record<string, string> = {}; // cookies by name
const ids: Record<string, number> = {}; // account ids by name
const PENDAMPING_PHONE = '+6281298765432';

async function login(name: string, grants: { role: Role; scopeId?: string }[], ownerId?: number) {
  const acc = await makeAccount(db, grants, { totp: grants.some((g) => g.role === 'platform_admin') });
  if (ownerId) await db.query('update account set owner_id = $2 where id = $1', [acc.id, ownerId]);
  ids[name] = acc.id;
  c[name] = `pl_session=${(await db.transaction((tx) => createSession(tx, acc.id))).token}`;
}

const send = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
  app.inject({ method, url, headers: { ...(who ? { cookie: c[who]! } : {}), ...headers }, ...(payload ? { payload } : {}) });
const get = (who: string, url: string) => send(who, 'GET', url);
const post = (who: string, url: string, payload: object = {}, headers: Record<string, string> = {}) => send(who, 'POST', url, payload, headers);

/** A WIB wall-clock time `days` from now, as the call form takes it. */
const wibIn = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 16);

async function product(w: World, opts: { category?: string; status?: string; halal?: boolean } = {}): Promise<number> {
  const [p] = await db.query<{ id: number }>(
    `insert into product (umkm_id, name, category_code, price, unit, status, halal) values ($1, $2, $3, 25000, 'kotak', $4, $5) returning id`,
    [w.umkmId, `Kue Lapis ${unique()}`, opts.category ?? 'kue-roti', opts.status ?? 'published', opts.halal ?? true],
  );
  return p!.id;
}

async function openCall(overrides: object = {}): Promise<number> {
  const res = await post('admin', '/api/curation/calls', {
    title: { id: `Kurasi JBL ${unique()}`, en: 'JBL curation' },
    description: { id: 'Kurasi produk pangan', en: 'Food curation' },
    criteria: { id: 'Makanan dan minuman, halal', en: 'Food and drink, halal' },
    foodOnly: true,
    quota: 5,
    deadlineWib: wibIn(14),
    channel: 'jbl',
    rubricCode: 'food',
    kuratorIds: [ids.kurator],
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  const pub = await post('admin', `/api/curation/calls/${id}/publish`);
  expect(pub.statusCode, pub.body).toBe(200);
  expect(pub.json()).toMatchObject({ status: 'open', acceptingSubmissions: true });
  return id;
}

const FOOD_SCORES = (s: number) => ['taste', 'packaging', 'hygiene', 'halal', 'photo'].map((criterion) => ({ criterion, score: s, notes: `catatan ${criterion}` }));

async function submit(callId: number, productId: number) {
  const res = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().submission.id as number;
}

/** Takes a submission through verification and validation. */
async function toScoring(id: number) {
  expect((await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).statusCode).toBe(200);
  expect((await post('kasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).statusCode).toBe(200);
}

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  world = await makeWorld(db, '3171');
  other = await makeWorld(db, '3175');
  await login('admin', [{ role: 'platform_admin' }]);
  await login('owner', [{ role: 'umkm_owner' }], world.ownerId);
  await login('pendamping', [{ role: 'pendamping', scopeId: world.district }]);
  await login('kasatpel', [{ role: 'kasatpel', scopeId: world.district }]);
  await login('kurator', [{ role: 'kurator' }]);
  await login('kurator2', [{ role: 'kurator' }]);
  await login('farPendamping', [{ role: 'pendamping', scopeId: other.district }]);
  await login('farKasatpel', [{ role: 'kasatpel', scopeId: other.district }]);
  const keys = personalDataKeys();
  await db.query('update account set phone_enc = $2 where id = $1', [ids.pendamping, keys.encrypt(PENDAMPING_PHONE)]);
});

describe('the curation flow', () => {
  it('takes a product from submission to a certificate anyone can verify, each step audited and notified', async () => {
    const callId = await openCall();
    const productId = await product(world);

    const open = await get('', '/api/curation/calls');
    const listed = open.json().items.find((x: { id: number }) => x.id === callId);
    expect(listed).toMatchObject({ channel: 'jbl', acceptingSubmissions: true, kurators: null, deadlineText: { id: expect.stringMatching(/WIB$/) } });

    const eligible = await get('owner', `/api/curation/eligible-products?callId=${callId}`);
    expect(eligible.json().items.find((x: { productId: number }) => x.productId === productId)).toMatchObject({ eligible: true, reason: null });

    // Submit: the kecamatan's pendamping is told in the app, and the owner gets a WhatsApp link to the pendamping's number.
    const sub = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId });
    expect(sub.statusCode, sub.body).toBe(201);
    const id = sub.json().submission.id as number;
    expect(sub.json().submission).toMatchObject({ status: 'submitted', step: 'verify', round: 1, overdueDays: 0, abilities: { verify: false } });
    const direct = sub.json().whatsapp.map((w: { url: string }) => w.url).find((u: string) => u.startsWith('https://wa.me/6281298765432?text='));
    expect(decodeURIComponent(direct)).toContain(`/kurasi/pengajuan/${id}`);
    // Under review: the owner's product page says where it stands, in the curation pages' words; not yet in the catalogue.
    expect((await get('owner', `/api/catalog/manage/products/${productId}`)).json()).toMatchObject({
      curation: { status: 'submitted', label: { id: 'Menunggu verifikasi pendamping' }, curated: false, submissionId: id },
      lockedForReview: true,
      listed: false,
    });

    const inbox = await get('pendamping', '/api/notifications?unread=true');
    const note = inbox.json().items.find((n: { link: string }) => n.link === `/kurasi/pengajuan/${id}`);
    expect(note).toMatchObject({ kind: 'curation.submitted', whatsappShare: expect.stringMatching(/^https:\/\/wa\.me\/\?text=/) });
    expect(inbox.json().unread).toBeGreaterThan(0);
    const read = await post('pendamping', `/api/notifications/${note.id}/read`);
    expect(read.json().marked).toBe(1);
    expect((await post('kasatpel', `/api/notifications/${note.id}/read`)).statusCode).toBe(404); // someone else's

    // The pendamping sees it in the queue, may verify; the kasatpel may not yet.
    expect((await get('pendamping', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id)).toContain(id);
    expect((await get('pendamping', `/api/curation/submissions/${id}`)).json().abilities).toMatchObject({ verify: true, validate: false });
    expect((await post('kasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).json().code).toBe('wrong_step');
    const verified = await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify', notes: 'Dokumen lengkap' });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().submission).toMatchObject({ status: 'verified', step: 'validate' });
    expect(verified.json().whatsapp.length).toBeGreaterThan(0);

    const validated = await post('kasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' });
    expect(validated.json().submission).toMatchObject({ status: 'validated', step: 'score' });
    expect(validated.json().whatsapp.map((w: { role: string }) => w.role)).toEqual(['kurator']);
    expect((await get('kurator', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id)).toContain(id);

    // Scores must cover every criterion once.
    const partial = await post('kurator', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5).slice(0, 3) });
    expect(partial.json().code).toBe('scores_incomplete');
    const scored = await post('kurator', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5), notes: 'Rasa dan kemasan sangat baik' });
    expect(scored.statusCode, scored.body).toBe(200);
    const s = scored.json().submission;
    expect(s).toMatchObject({ status: 'passed', grade: 'A', step: null, result: { passed: true, grade: 'A', percent: 100, notes: 'Rasa dan kemasan sangat baik' } });
    expect(s.result.scores).toHaveLength(5);
    expect(s.history.map((h: { decision: string }) => h.decision)).toEqual(['submitted', 'verified', 'validated', 'passed']);
    const code = s.certificate.code as string;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // The product is curated for the channel and searchable.
    const [p] = await db.query<{ curation_status: string; curation_grade: string; channel_jbl: boolean; curated_at: Date | null }>('select * from product where id = $1', [productId]);
    expect(p).toMatchObject({ curation_status: 'curated', curation_grade: 'A', channel_jbl: true });
    expect(await db.query('select 1 from catalog_search where product_id = $1', [productId])).toHaveLength(1);
    expect((await get('', `/api/curation/calls/${callId}`)).json().passedCount).toBe(1);

    // The owner is told, with the certificate code.
    const ownerInbox = (await get('owner', '/api/notifications')).json().items;
    expect(ownerInbox.find((n: { kind: string; link: string }) => n.kind === 'curation.passed' && n.link === `/kurasi/pengajuan/${id}`).body.id).toContain(code);

    // Anyone can verify the certificate: no personal data.
    const pub = await get('', `/api/curation/certificates/${code.toLowerCase()}`);
    expect(pub.json()).toMatchObject({ status: 'valid', code, grade: 'A', channel: 'jbl', business: expect.stringContaining('Usaha Dunia'), issuedOn: localDate(new Date()) });
    expect(pub.body).not.toContain(world.ownerName);
    expect(pub.body).not.toContain(world.nik);
    expect((await get('', '/api/curation/certificates/ZZZZ-ZZZZ-ZZZZ-ZZZZ')).json()).toMatchObject({ status: 'unknown', product: null });

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
    const audited = await db.query<{ action: string; actor_role: string }>(`select action, actor_role from audit_log where entity_type = 'curation_submission' and entity_id = $1 order by id`, [String(id)]);
    expect(audited).toEqual([
      { action: 'curation.submit', actor_role: 'umkm_owner' },
      { action: 'curation.verify', actor_role: 'pendamping' },
      { action: 'curation.validate', actor_role: 'kasatpel' },
      { action: 'curation.score', actor_role: 'kurator' },
    ]);

    // The Dinas revokes: the public check says so, and the product leaves the curated catalogue.
    const revoked = await post('admin', `/api/curation/certificates/${code}/revoke`, { reason: 'Izin edar tidak berlaku' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await get('', `/api/curation/certificates/${code}`)).json().status).toBe('revoked');
    expect((await db.query<{ curation_status: string; channel_jbl: boolean }>('select curation_status, channel_jbl from product where id = $1', [productId]))[0]).toEqual({ curation_status: 'none', channel_jbl: false });
    const revokedPage = (await get('owner', `/api/catalog/manage/products/${productId}`)).json().curation;
    expect(revokedPage).toMatchObject({ status: 'revoked', label: { id: 'Sertifikat kurasi dicabut' }, curated: false, grade: null });
    expect((await get('owner', `/api/curation/submissions/${id}`)).json()).toMatchObject({ status: 'passed', statusLabel: revokedPage.label });
    expect(await db.query('select 1 from catalog_search where product_id = $1', [productId])).toHaveLength(0);
  });

  it('returns a product with notes, and takes it again as a new round after the owner improves it', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    expect((await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'return' })).json().code).toBe('notes_required');
    const ret = await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'return', notes: 'Foto produk buram.' });
    expect(ret.json().submission).toMatchObject({ status: 'returned', step: null, dueDate: null, abilities: { verify: false } });
    expect(ret.json().whatsapp.map((w: { role: string }) => w.role)).toEqual(['umkm_owner']);
    const owner = await get('owner', `/api/curation/submissions/${id}`);
    expect(owner.json().abilities.resubmit).toBe(true);
    const note = (await get('owner', '/api/notifications')).json().items.find((n: { kind: string; link: string }) => n.kind === 'curation.returned' && n.link === `/kurasi/pengajuan/${id}`);
    expect(note.body.id).toContain('Foto produk buram.');

    expect((await post('pendamping', `/api/curation/submissions/${id}/resubmit`, {})).statusCode).toBe(403);
    const again = await post('owner', `/api/curation/submissions/${id}/resubmit`, { notes: 'Foto baru sudah diunggah' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().submission).toMatchObject({ status: 'submitted', round: 2, step: 'verify' });
    expect((await post('owner', `/api/curation/submissions/${id}/resubmit`, {})).json().code).toBe('not_resubmittable');

    // Round 2 fails at scoring; the owner may try a third round, and the history keeps every round.
    await toScoring(id);
    const failed = await post('kurator', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(2) });
    expect(failed.json().submission).toMatchObject({ status: 'not_passed', grade: null, result: { passed: false, percent: 40 }, certificate: null });
    expect(failed.json().submission.history.map((h: { round: number; decision: string }) => `${h.round}:${h.decision}`)).toEqual([
      '1:submitted', '1:returned', '2:resubmitted', '2:verified', '2:validated', '2:not_passed',
    ]);
    expect((await post('owner', `/api/curation/submissions/${id}/resubmit`, {})).json().submission.round).toBe(3);
  });

  it('lets no more products pass once the quota is full (409), and takes no submissions then', async () => {
    const callId = await openCall({ quota: 1 });
    const a = await submit(callId, await product(world));
    const b = await submit(callId, await product(world));
    await toScoring(a);
    await toScoring(b);
    expect((await post('kurator', `/api/curation/submissions/${a}/score`, { scores: FOOD_SCORES(4) })).json().submission).toMatchObject({ status: 'passed', grade: 'B' });
    const full = await post('kurator', `/api/curation/submissions/${b}/score`, { scores: FOOD_SCORES(5) });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('quota_full');
    expect((await get('kurator', `/api/curation/submissions/${b}`)).json().status).toBe('validated'); // nothing changed
    expect((await get('', `/api/curation/calls/${callId}`)).json()).toMatchObject({ passedCount: 1, acceptingSubmissions: false });
    const late = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId: await product(world) });
    expect([late.statusCode, late.json().code]).toEqual([409, 'quota_full']);
  });

  it('refuses submissions after the deadline (WIB), ineligible products, and the same product twice', async () => {
    const callId = await openCall({ categoryCodes: ['kue-roti', 'minuman'] });
    const productId = await product(world);
    await submit(callId, productId);
    expect((await post('owner', `/api/curation/calls/${callId}/submissions`, { productId })).json().code).toBe('already_submitted');
    const batik = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId: await product(world, { category: 'batik-kain' }) });
    expect([batik.statusCode, batik.json().code]).toEqual([422, 'product_not_eligible']);
    const draft = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId: await product(world, { status: 'draft' }) });
    expect(draft.json().code).toBe('product_not_published');
    const theirs = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId: await product(other) });
    expect(theirs.statusCode).toBe(404);

    await db.query(`update curation_call set deadline = now() - interval '1 minute' where id = $1`, [callId]);
    const late = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId: await product(world) });
    expect([late.statusCode, late.json().code]).toEqual([409, 'deadline_passed']);
    expect((await get('', `/api/curation/calls/${callId}`)).json().acceptingSubmissions).toBe(false);
  });

  it('keeps officers to their own: outside the kecamatan or not assigned to the call, a submission is not found', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    expect((await post('farPendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).statusCode).toBe(404);
    expect((await get('farPendamping', `/api/curation/submissions/${id}`)).statusCode).toBe(404);
    expect((await get('farPendamping', '/api/curation/submissions')).json().items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect((await get('farPendamping', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect((await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).statusCode).toBe(200);
    expect((await post('farKasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).statusCode).toBe(404);
    expect((await get('farKasatpel', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect((await post('kasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).statusCode).toBe(200);
    // A kurator of another call: cannot score it and does not see it.
    const notAssigned = await post('kurator2', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5) });
    expect(notAssigned.statusCode).toBe(404);
    expect((await get('kurator2', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect((await get('kurator2', `/api/curation/submissions/${id}`)).statusCode).toBe(404);
    expect((await post('pendamping', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5) })).statusCode).toBe(403);
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
    expect(await db.query(`select 1 from curation_step where submission_id = $1 and step = 'verify'`, [id])).toHaveLength(1);
    expect(await db.query(`select 1 from audit_log where entity_type = 'curation_submission' and entity_id = $1 and action = 'curation.verify'`, [String(id)])).toHaveLength(1);
    // Without the key, the second click finds it moved on.
    expect((await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).json().code).toBe('wrong_step');
    // The step history cannot be rewritten.
    await expect(db.query(`update curation_step set notes = 'x' where submission_id = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it('lets only one of two officers acting at once win', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    const both = await Promise.all([
      post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' }),
      post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'return', notes: 'Kurang lengkap' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await db.query(`select 1 from curation_step where submission_id = $1 and step = 'verify'`, [id])).toHaveLength(1);
  });

  it('lists overdue submissions by working days, within each role’s scope', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    // Due three weeks ago: well overdue whatever the weekday today.
    await db.query(`update curation_submission set due_on = ((now() at time zone 'Asia/Jakarta')::date - 21) where id = $1`, [id]);
    const ids_ = async (who: string) => (await get(who, '/api/curation/overdue')).json().items.map((i: { id: number }) => i.id);
    const mine = (await get('pendamping', '/api/curation/overdue')).json().items.find((i: { id: number }) => i.id === id);
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
      title: { id: 'Draf', en: 'Draft' }, description: { id: 'd', en: 'd' }, criteria: { id: 'k', en: 'c' }, quota: 3, deadlineWib: wibIn(10), channel: 'mall', rubricCode: 'general', kuratorIds: [ids.pendamping],
    });
    expect(res.json().errors[0].code).toBe('not_kurator');
    const draft = await post('admin', '/api/curation/calls', {
      title: { id: 'Draf', en: 'Draft' }, description: { id: 'd', en: 'd' }, criteria: { id: 'k', en: 'c' }, quota: 3, deadlineWib: wibIn(10), channel: 'mall', rubricCode: 'general',
    });
    const id = draft.json().id;
    expect(draft.json()).toMatchObject({ status: 'draft', kurators: [], rubric: { code: 'general', forFood: false } });
    expect((await get('owner', `/api/curation/calls/${id}`)).statusCode).toBe(404);
    expect((await get('owner', '/api/curation/calls?status=draft')).statusCode).toBe(403);
    expect((await post('admin', `/api/curation/calls/${id}/publish`)).json().code).toBe('no_kurators');
    const edited = await send('admin', 'PATCH', `/api/curation/calls/${id}`, { kuratorIds: [ids.kurator], deadlineWib: '2030-01-31T23:59' });
    expect(edited.json()).toMatchObject({ deadline: '2030-01-31T16:59:00.000Z', deadlineWib: '2030-01-31T23:59', kurators: [{ accountId: ids.kurator }] });
    expect((await post('admin', `/api/curation/calls/${id}/publish`)).json().status).toBe('open');
    expect((await get('kurator', '/api/curation/calls?assigned=me')).json().items.map((x: { id: number }) => x.id)).toContain(id);
    expect((await get('kurator2', '/api/curation/calls?assigned=me')).json().items.map((x: { id: number }) => x.id)).not.toContain(id);
    expect((await post('admin', `/api/curation/calls/${id}/close`)).json().status).toBe('closed');
    expect((await send('admin', 'PATCH', `/api/curation/calls/${id}`, { quota: 9 })).json().code).toBe('call_closed');
    const actions = await db.query<{ action: string }>(`select action from audit_log where entity_type = 'curation_call' and entity_id = $1 order by id`, [String(id)]);
    expect(actions.map((a) => a.action)).toEqual(['curation.call_create', 'curation.call_update', 'curation.call_publish', 'curation.call_close']);
    expect((await get('kurator', '/api/curation/rubrics')).json().items.find((r: { code: string }) => r.code === 'food')).toMatchObject({
      passPercent: 60, grades: [{ grade: 'A', minPercent: 85 }, { grade: 'B', minPercent: 70 }, { grade: 'C', minPercent: 60 }],
    });
  });

  it('grades nothing on the general rubric: a non-food product passes with the grade left empty', async () => {
    const callId = await openCall({ foodOnly: false, rubricCode: 'general', channel: 'mall', categoryCodes: [] });
    const id = await submit(callId, await product(world, { category: 'batik-kain' }));
    await toScoring(id);
    const scores = ['quality', 'packaging', 'price_fit', 'photo'].map((criterion) => ({ criterion, score: 4 }));
    const res = await post('kurator', `/api/curation/submissions/${id}/score`, { scores });
    expect(res.json().submission).toMatchObject({ status: 'passed', grade: null, result: { percent: 80, grade: null } });
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
    const [a] = await db.query<{ action: string; role: string | null }>(`select action, actor_role as role from audit_log where entity_type = 'curation_certificate' and entity_id = $1`, [code]);
    expect(a).toMatchObject({ action: 'curation.certificate_revoke', role: 'umkm_owner' });
  });
});

describe('notifications', () => {
  it('count what is unread, page newest first, and mark all read', async () => {
    await login('reader', [{ role: 'kurator' }]);
    await db.query(
      `insert into notification (account_id, kind, title_id, title_en, body_id, body_en, link) select $1, 'test', 'Judul ' || i, 'Title ' || i, 'Isi', 'Body', '/kurasi' from generate_series(1, 3) i`,
      [ids.reader],
    );
    expect((await get('reader', '/api/notifications/unread-count')).json()).toEqual({ unread: 3 });
    const page = (await get('reader', '/api/notifications?limit=2')).json();
    expect(page.items.map((n: { title: { id: string } }) => n.title.id)).toEqual(['Judul 3', 'Judul 2']);
    expect(decodeURIComponent(page.items[0].whatsappShare)).toContain('Judul 3\nIsi\nhttp://localhost:80/kurasi');
    const rest = (await get('reader', `/api/notifications?limit=2&cursor=${page.nextCursor}`)).json();
    expect([rest.items.length, rest.nextCursor]).toEqual([1, null]);
    expect((await post('reader', '/api/notifications/read-all')).json()).toEqual({ unread: 0, marked: 3 });
    expect((await get('reader', '/api/notifications?unread=true')).json().items).toEqual([]);
  });
});

/** A calendar date n days from today in Jakarta (UTC+7). */
const wibDate = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe('a call that requires halal (issue 12)', () => {
  it('takes only products labelled halal with a valid certificate, and passes none whose certificate lapsed before scoring', async () => {
    const w = await makeWorld(db, '3171');
    await login('halalOwner', [{ role: 'umkm_owner' }], w.ownerId);
    const halalCall = await openCall({ requiresHalal: true, criteria: { id: 'Makanan dan minuman', en: 'Food and drink' } });
    expect((await get('halalOwner', `/api/curation/calls/${halalCall}`)).json()).toMatchObject({ requiresHalal: true });
    const submitAs = (productId: number) => post('halalOwner', `/api/curation/calls/${halalCall}/submissions`, { productId });

    // Not labelled halal: refused, naming the reason in both languages, and the owner's list says so beforehand.
    const plain = await product(w, { halal: false });
    const refused = await submitAs(plain);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'halal_required', errors: [{ field: 'body.productId', code: 'halal_required' }] });
    expect(refused.json().message.id).toContain('tidak berlabel halal');
    expect(refused.json().message.en).toContain('not labelled halal');
    const eligible = (await get('halalOwner', `/api/curation/eligible-products?callId=${halalCall}`)).json().items;
    expect(eligible.find((x: { productId: number }) => x.productId === plain)).toMatchObject({ eligible: false, reason: { en: expect.stringContaining('not labelled halal') } });

    // Labelled halal, but the business's certificate expired yesterday (WIB): refused too.
    const labelled = await product(w);
    await db.query(`insert into permit (umkm_id, kind, number, expires_on) values ($1, 'halal', $2, $3)`, [w.umkmId, `ID-HALAL-${unique()}`, wibDate(-1)]);
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
    expect((await post('halalDesk', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).statusCode).toBe(200);
    expect((await post('halalKasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).statusCode).toBe(200);

    // The certificate lapses while the kurator has it: full marks do not pass it, and the notes say why.
    await db.query(`update permit set expires_on = $2 where umkm_id = $1 and kind = 'halal'`, [w.umkmId, wibDate(-1)]);
    const scored = await post('kurator', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5) });
    expect(scored.statusCode, scored.body).toBe(200);
    expect(scored.json().submission).toMatchObject({ status: 'not_passed', grade: null, certificate: null, result: { passed: false } });
    expect(scored.json().submission.result.notes).toContain('sertifikat halal');
    expect((await get('', `/api/curation/calls/${halalCall}`)).json().passedCount).toBe(0);
    expect(await db.query('select 1 from catalog_search where product_id = $1', [labelled])).toHaveLength(0);
    expect((await get('halalOwner', `/api/catalog/manage/products/${labelled}`)).json().curation).toMatchObject({ status: 'not_passed', curated: false });
  });

  it('lets the Dinas set and clear the rule on the call form; a call without it takes a product not labelled halal', async () => {
    const callId = await openCall();
    expect((await get('owner', `/api/curation/calls/${callId}`)).json().requiresHalal).toBe(false);
    expect((await post('owner', `/api/curation/calls/${callId}/submissions`, { productId: await product(world, { halal: false }) })).statusCode).toBe(201);
    const edited = await send('admin', 'PATCH', `/api/curation/calls/${callId}`, { requiresHalal: true });
    expect(edited.json()).toMatchObject({ requiresHalal: true, foodOnly: true, kurators: [{ accountId: ids.kurator }] }); // what the edit left out is kept
    const now = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId: await product(world, { halal: false }) });
    expect([now.statusCode, now.json().code]).toEqual([422, 'halal_required']);
  });
});

describe("the product's curation status, one derivation for every page (issue 12)", () => {
  it('shows a product passed once, then returned in a newer round, as returned everywhere, still in the catalogue on its certificate', async () => {
    const first = await openCall();
    const productId = await product(world);
    const a = await submit(first, productId);
    await toScoring(a);
    const passed = (await post('kurator', `/api/curation/submissions/${a}/score`, { scores: FOOD_SCORES(5) })).json().submission;
    const code = passed.certificate.code as string;

    // A newer round, in another call, returned by the pendamping.
    const second = await openCall({ channel: 'e_order' });
    const b = await submit(second, productId);
    const returned = await post('pendamping', `/api/curation/submissions/${b}/verify`, { decision: 'return', notes: 'Label gizi belum ada.' });
    expect(returned.statusCode).toBe(200);

    const curationApi = (await get('owner', `/api/curation/submissions/${b}`)).json();
    expect(curationApi).toMatchObject({ status: 'returned', statusLabel: { id: 'Dikembalikan untuk perbaikan' } });
    const list = (await get('owner', `/api/catalog/members/${world.umkmId}/products?limit=100`)).json().items;
    const inList = list.find((p: { id: number }) => p.id === productId);
    const page = (await get('owner', `/api/catalog/manage/products/${productId}`)).json();
    for (const shown of [inList, page]) {
      expect(shown.curation).toEqual({ status: 'returned', label: curationApi.statusLabel, curated: true, grade: 'A', curatedAt: expect.any(String), submissionId: b });
      expect(shown.listed).toBe(true);
    }
    expect(page.lockedForReview).toBe(false); // returned: the owner may improve it
    // The rule: a certificate stays valid until revoked, so the earlier pass keeps it in the catalogue (its channel only).
    expect((await get('', `/api/curation/certificates/${code}`)).json().status).toBe('valid');
    expect((await get('', `/api/catalog/products/${productId}`)).statusCode).toBe(200);
    const [row] = await db.query<{ channel_jbl: boolean; channel_e_order: boolean }>('select channel_jbl, channel_e_order from catalog_search where product_id = $1', [productId]);
    expect(row).toEqual({ channel_jbl: true, channel_e_order: false });

    // Revoked: out of the catalogue, and every page still says "returned" (the newest round's state).
    await post('admin', `/api/curation/certificates/${code}/revoke`, { reason: 'Uji' });
    const after = (await get('owner', `/api/catalog/manage/products/${productId}`)).json();
    expect(after).toMatchObject({ curation: { status: 'returned', curated: false, grade: null }, listed: false });
    expect(await db.query('select 1 from catalog_search where product_id = $1', [productId])).toHaveLength(0);
  });
});
