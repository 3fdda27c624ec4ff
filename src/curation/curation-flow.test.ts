// The curation flow end to end: submission, verification, validation, scoring, the certificate and its revocation.
import { beforeAll, describe, expect, it } from 'vitest';
import { FOOD_SCORES, get, kit, openCall, post, product, setUpCuration } from '../../test/support/curation-kit.ts';
import type { World } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';
import { localDate } from '../platform/time.ts';

let db: Db;
let world: World;

beforeAll(async () => {
  await setUpCuration();
  ({ db, world } = kit);
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
});
