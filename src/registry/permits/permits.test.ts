import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { multipartBody, sessionCookie, type UploadFile, worldPeople } from '../../../test/support/http.ts';
import { makeUmkm, makeWorld, type World } from '../../../test/support/factories.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';

let db: Db;
let app: App;
let world: World;
let owner: string;
let desk: string;
let outsider: string;

// A real one-page PDF and a real 1×1 PNG.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const cookie = (grants: { role: Role; scopeId?: string }[], ownerId?: number) => sessionCookie(db, grants, ownerId);

const upload = (c: string, umkmId: number, fields: Record<string, string>, file?: UploadFile) => {
  const f = multipartBody(fields, file ? { document: file } : {});
  return app.inject({
    method: 'POST',
    url: `/api/registry/members/${umkmId}/permits`,
    headers: { ...f.headers, cookie: c },
    payload: f.payload,
  });
};
const get = (c: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: c } });
const inDays = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  process.env.PL_UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-uploads-'));
  db = await testDb();
  app = await testApp();
  world = await makeWorld(db, '3173');
  ({ owner, desk, outsider } = await worldPeople(db, world));
});

describe('permits and certificates', () => {
  it('accepts a real PDF and PNG, stores them under PL_UPLOAD_DIR, and serves them only within scope', async () => {
    const res = await upload(
      owner,
      world.umkmId,
      { kind: 'pirt', number: `P-IRT ${world.umkmId}-A`, issuedOn: '2024-01-10', expiresOn: '2029-01-10' },
      { name: 'pirt.pdf', type: 'application/pdf', data: PDF },
    );
    expect(res.statusCode, res.body).toBe(201);
    const permit = res.json();
    expect(permit).toMatchObject({
      kind: 'pirt',
      status: 'valid',
      document: { mime: 'application/pdf', bytes: PDF.length },
    });
    const [row] = await db.query<{ document_path: string }>('select document_path from permit where id = $1', [
      permit.id,
    ]);
    expect(fs.readFileSync(path.join(process.env.PL_UPLOAD_DIR!, row!.document_path))).toEqual(PDF);

    // A PNG named .jpg with a wrong declared type is still a PNG: the content decides.
    const png = await upload(
      desk,
      world.umkmId,
      { kind: 'halal', number: `ID3173${world.umkmId}` },
      { name: 'halal.jpg', type: 'image/jpeg', data: PNG },
    );
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json().document.mime).toBe('image/png');

    const mine = await get(owner, permit.document.url);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.rawPayload).toEqual(PDF);
    expect((await get(desk, permit.document.url)).statusCode).toBe(200);
    expect((await get(outsider, permit.document.url)).statusCode).toBe(404);
    const stranger = await makeUmkm(db, world.village);
    expect((await get(await cookie([{ role: 'umkm_owner' }], stranger.ownerId), permit.document.url)).statusCode).toBe(
      404,
    );

    const audited = await db.query<{ action: string }>(
      `select action from audit_log where entity_type = 'permit' and entity_id = $1 order by id`,
      [String(permit.id)],
    );
    expect(audited.map((a) => a.action)).toEqual(['permit.create', 'permit.document_view', 'permit.document_view']);

    const list = await get(owner, `/api/registry/members/${world.umkmId}/permits`);
    expect(
      list
        .json()
        .permits.map((p: { kind: string }) => p.kind)
        .sort(),
    ).toEqual(['halal', 'pirt']);
    expect(list.json().missing).toEqual([]); // a food business with its halal certificate
  });

  it('refuses a renamed text file and an oversize file with a bilingual problem naming the field', async () => {
    const text = await upload(
      owner,
      world.umkmId,
      { kind: 'nib', number: '9123456789012' },
      { name: 'nib.pdf', type: 'application/pdf', data: Buffer.from('bukan PDF, hanya teks') },
    );
    expect(text.statusCode).toBe(415);
    expect(text.headers['content-type']).toContain('application/problem+json');
    expect(text.json().errors[0]).toMatchObject({ field: 'body.document', code: 'unsupported_type' });
    expect(text.json().message.id).toContain('PDF');
    expect(text.json().message.en).toContain('PDF');

    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(
      owner,
      world.umkmId,
      { kind: 'nib', number: '9123456789012' },
      { name: 'besar.pdf', type: 'application/pdf', data: big },
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().errors[0]).toMatchObject({ field: 'body.document', code: 'too_large' });
    expect(tooBig.json().message).toEqual({ id: expect.stringContaining('5 MB'), en: expect.stringContaining('5 MB') });

    const noKind = await upload(owner, world.umkmId, { number: 'x' });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().errors[0].field).toBe('body.kind');
    const [{ n }] = (await db.query<{ n: number }>(
      `select count(*)::int8 as n from permit where umkm_id = $1 and kind = 'nib'`,
      [world.umkmId],
    )) as [{ n: number }];
    expect(n).toBe(0);
    // Outside the scope nothing is read or stored.
    expect((await upload(outsider, world.umkmId, { kind: 'nib', number: '9123456789013' })).statusCode).toBe(404);
  });

  it('lists permits expiring within 30 days or expired, for the owner and the kecamatan queue, and on their homes', async () => {
    const u = await makeUmkm(db, world.village);
    const add = (kind: string, number: string, expiresOn: string) =>
      db.query('insert into permit (umkm_id, kind, number, expires_on) values ($1, $2, $3, $4)', [
        u.umkmId,
        kind,
        number,
        expiresOn,
      ]);
    await add('pirt', `soon-${u.umkmId}`, inDays(10));
    await add('halal', `gone-${u.umkmId}`, inDays(-3));
    await add('bpom', `later-${u.umkmId}`, inDays(60));
    const me = await cookie([{ role: 'umkm_owner' }], u.ownerId);

    const res = await get(me, '/api/registry/permits/expiring');
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toEqual({ expiring: 1, expired: 1 });
    expect(res.json().items.map((i: { number: string; status: string }) => [i.number, i.status])).toEqual([
      [`gone-${u.umkmId}`, 'expired'],
      [`soon-${u.umkmId}`, 'expiring'],
    ]);
    expect(res.json().items[1].daysLeft).toBe(10);
    const onlyComing = await get(me, '/api/registry/permits/expiring?includeExpired=false');
    expect(onlyComing.json().items.map((i: { number: string }) => i.number)).toEqual([`soon-${u.umkmId}`]);

    const queue = (await get(desk, '/api/registry/permits/expiring?days=90')).json();
    expect(queue.items.map((i: { number: string }) => i.number)).toEqual(
      expect.arrayContaining([`soon-${u.umkmId}`, `later-${u.umkmId}`, `gone-${u.umkmId}`]),
    );
    expect(
      (await get(outsider, '/api/registry/permits/expiring')).json().items.map((i: { umkmId: number }) => i.umkmId),
    ).not.toContain(u.umkmId);

    const figure = async (c: string, role: string) =>
      (await get(c, '/api/me/home'))
        .json()
        .sections.find((s: { role: string }) => s.role === role)
        .figures.find((f: { label: { en: string } }) => f.label.en.startsWith('Permits expiring'));
    expect((await figure(me, 'umkm_owner')).value).toBe(1);
    expect((await figure(desk, 'pendamping')).value).toBeGreaterThanOrEqual(1);
  });
});
