// A kurator reads what scoring its calls' submissions needs — the submitted product, its photos, the business's
// halal certificate — and nothing else of the register: everything else is "not found", like an absent row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../test/support/db.ts';
import { makeAccount, makeWorld, type World } from '../../test/support/factories.ts';
import { createSession } from '../platform/auth/session.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';
import { storePermitDocument } from '../registry/permits/permits.ts';

let app: App;
let db: Db;
let world: World;
let cookie: string;
const ids = { submitted: 0, other: 0, photo: 0, halal: 0, nib: 0, unassigned: 0, unassignedPhoto: 0 };

const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0]!.id;
const product = (umkmId: number, name: string) =>
  one(
    `insert into product (umkm_id, name, category_code, price, unit, status) values ($1, $2, 'kue-roti', 1000, 'pcs', 'draft') returning id`,
    [umkmId, name],
  );
const call = () =>
  one(
    `insert into curation_call (title_id, title_en, description_id, description_en, criteria_id, criteria_en, quota, deadline, channel, rubric_code, status)
     values ('Kurasi uji', 'Test call', '', '', '', '', 5, now() + interval '10 days', 'jbl', 'food', 'open') returning id`,
    [],
  );
const submit = (callId: number, productId: number, umkmId: number) =>
  one(
    `insert into curation_submission (call_id, product_id, umkm_id, status, round_started_at, step_started_at, due_on) values ($1, $2, $3, 'validated', now(), now(), current_date + 3) returning id`,
    [callId, productId, umkmId],
  );
async function photoOf(productId: number, umkmId: number) {
  const rel = await storePermitDocument(umkmId, Buffer.from('RIFF0000WEBP'), { mime: 'image/png', ext: 'png' });
  return one(
    `insert into product_photo (product_id, umkm_id, position, display_path, thumb_path, width, height, bytes, thumb_bytes, uploaded_bytes) values ($1, $2, 0, $3, $3, 10, 10, 12, 12, 12) returning id`,
    [productId, umkmId, rel],
  );
}
const permit = async (umkmId: number, kind: string) =>
  one(
    `insert into permit (umkm_id, kind, number, expires_on, document_path, document_mime, document_bytes) values ($1, $2, $3, current_date + 100, $4, 'application/pdf', 15) returning id`,
    [
      umkmId,
      kind,
      `${kind}-${umkmId}`,
      await storePermitDocument(umkmId, Buffer.from('%PDF-1.4\n%%EOF\n'), { mime: 'application/pdf', ext: 'pdf' }),
    ],
  );

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  process.env.PL_UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-uploads-'));
  world = await makeWorld(db, '3172');
  const kurator = await makeAccount(db, [{ role: 'kurator' }]);
  cookie = `pl_session=${(await db.transaction((tx) => createSession(tx, kurator.id))).token}`;
  const assigned = await call();
  await db.query('insert into curation_call_kurator (call_id, account_id) values ($1, $2)', [assigned, kurator.id]);
  ids.submitted = await product(world.umkmId, 'Kue Dinilai');
  ids.other = await product(world.umkmId, 'Kue Lain');
  ids.photo = await photoOf(ids.submitted, world.umkmId);
  await submit(assigned, ids.submitted, world.umkmId);
  ids.halal = await permit(world.umkmId, 'halal');
  ids.nib = await permit(world.umkmId, 'pirt');
  // A call the kurator is not assigned to, with another business's submission.
  const elsewhere = await makeWorld(db, '3173');
  ids.unassigned = await product(elsewhere.umkmId, 'Kue Orang Lain');
  ids.unassignedPhoto = await photoOf(ids.unassigned, elsewhere.umkmId);
  await submit(await call(), ids.unassigned, elsewhere.umkmId);
});

const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

describe('a kurator assigned to a call', () => {
  it('reads the submitted product, its photos and the business’s halal certificate', async () => {
    const p = await get(`/api/catalog/manage/products/${ids.submitted}`);
    expect(p.statusCode).toBe(200);
    expect(p.json().name).toBe('Kue Dinilai');
    expect((await get(`/api/catalog/photos/${ids.photo}`)).statusCode).toBe(200);
    const permits = await get(`/api/registry/members/${world.umkmId}/permits`);
    expect(permits.statusCode).toBe(200);
    expect(permits.json().permits.map((x: { kind: string }) => x.kind)).toEqual(['halal']);
    const doc = await get(`/api/registry/permits/${ids.halal}/document`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
  });

  it('finds nothing else: the register, other permits, the journey, the business’s other products, other calls’ products', async () => {
    for (const url of [
      `/api/registry/members/${world.umkmId}`,
      `/api/registry/members/${world.umkmId}/journey`,
      `/api/registry/permits/${ids.nib}/document`,
      `/api/catalog/members/${world.umkmId}/products`,
      `/api/catalog/manage/products/${ids.other}`,
      `/api/catalog/manage/products/${ids.unassigned}`,
      `/api/catalog/photos/${ids.unassignedPhoto}`,
    ])
      expect((await get(url)).statusCode, url).toBe(404);
    const list = await get('/api/registry/members?limit=100');
    expect(list.statusCode).toBe(403);
    expect(list.body).not.toContain(world.ownerName);
  });

  it('is told so in its abilities: it scores and reads products, but does not read the register', async () => {
    const me = (await get('/api/auth/me')).json();
    expect(me.abilities).toEqual(expect.arrayContaining(['curation.scores', 'catalog.readsProducts']));
    expect(me.abilities).not.toContain('registry.readsMembers');
  });
});
