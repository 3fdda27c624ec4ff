import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
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
let uploads: string;

const cookie = (grants: { role: Role; scopeId?: string }[], ownerId?: number) => sessionCookie(db, grants, ownerId);

/** A phone photo: 2000 × 1000 pixels stored sideways (EXIF orientation 6), with the phone's make and a GPS position. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1000, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PonselUji', Model: 'PonselUji 12' },
      IFD3: { GPSLatitudeRef: 'S', GPSLongitudeRef: 'E' },
    })
    .toBuffer();
}
const smallPng = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: 'green' } })
    .png()
    .toBuffer();

const upload = (c: string, productId: number, file: UploadFile, field = 'photo') => {
  const f = multipartBody({}, { [field]: file });
  return app.inject({
    method: 'POST',
    url: `/api/catalog/manage/products/${productId}/photos`,
    headers: { ...f.headers, cookie: c },
    payload: f.payload,
  });
};
const get = (c: string | undefined, url: string) => app.inject({ method: 'GET', url, headers: c ? { cookie: c } : {} });
const newProduct = async (c: string, umkmId: number) =>
  (
    await app.inject({
      method: 'POST',
      url: `/api/catalog/members/${umkmId}/products`,
      headers: { cookie: c },
      payload: { name: 'Batik Tulis Betawi', categoryCode: 'batik-kain', price: 450000, unit: 'lembar' },
    })
  ).json().id as number;
const stored = async (photoId: number) =>
  (
    await db.query<{ display_path: string; thumb_path: string }>(
      'select display_path, thumb_path from product_photo where id = $1',
      [photoId],
    )
  )[0]!;

beforeAll(async () => {
  uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-photos-'));
  process.env.PL_UPLOAD_DIR = uploads;
  db = await testDb();
  app = await testApp();
  world = await makeWorld(db, '3174');
  ({ owner, desk } = await worldPeople(db, world));
});

describe('product photos', () => {
  it('turns a phone JPEG into an upright WebP display size and thumbnail, without EXIF', async () => {
    const id = await newProduct(owner, world.umkmId);
    const jpeg = await phonePhoto();
    expect((await sharp(jpeg).metadata()).exif?.toString('latin1')).toContain('PonselUji');

    const res = await upload(owner, id, { name: 'IMG_2041.jpg', type: 'image/jpeg', data: jpeg });
    expect(res.statusCode, res.body).toBe(201);
    const [photo] = res.json().photos;
    expect(photo).toMatchObject({ position: 0, width: 600, height: 1200 }); // turned upright, long side 1200

    const files = await stored(photo.id);
    for (const [rel, long] of [
      [files.display_path, 1200],
      [files.thumb_path, 320],
    ] as const) {
      const buf = fs.readFileSync(path.join(uploads, rel));
      const meta = await sharp(buf).metadata();
      expect(meta.format).toBe('webp');
      expect(Math.max(meta.width!, meta.height!)).toBe(long);
      expect(meta.height).toBeGreaterThan(meta.width!);
      expect(meta.exif).toBeUndefined();
      expect(buf.toString('latin1')).not.toContain('PonselUji');
    }

    const thumb = await get(owner, photo.thumbUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['cache-control']).toContain('private');
    expect((await get(desk, photo.displayUrl)).statusCode).toBe(200);

    const audited = await db.query<{ action: string }>(
      `select action from audit_log where entity_type = 'product' and entity_id = $1 order by id`,
      [String(id)],
    );
    expect(audited.map((a) => a.action)).toEqual(['product.create', 'product.photo_add']);
  });

  it('refuses a text file named .jpg, and other wrong uploads, with a field error', async () => {
    const id = await newProduct(owner, world.umkmId);
    const text = await upload(owner, id, {
      name: 'foto.jpg',
      type: 'image/jpeg',
      data: Buffer.from('bukan foto, hanya teks'),
    });
    expect(text.statusCode).toBe(415);
    expect(text.headers['content-type']).toContain('application/problem+json');
    expect(text.json().errors[0]).toMatchObject({ field: 'body.photo', code: 'unsupported_type' });
    expect(text.json().message).toEqual({
      id: expect.stringContaining('JPEG, PNG atau WebP'),
      en: expect.stringContaining('JPEG, PNG or WebP'),
    });

    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(owner, id, { name: 'besar.jpg', type: 'image/jpeg', data: big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().errors[0]).toMatchObject({ field: 'body.photo', code: 'too_large' });

    const broken = await upload(owner, id, {
      name: 'rusak.jpg',
      type: 'image/jpeg',
      data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]),
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors[0]).toMatchObject({ field: 'body.photo', code: 'unreadable' });

    expect(
      (await upload(owner, id, { name: 'a.png', type: 'image/png', data: await smallPng() }, 'gambar')).json().errors[0]
        .field,
    ).toBe('body.gambar');
    expect(await db.query('select 1 from product_photo where product_id = $1', [id])).toHaveLength(0);
    expect(fs.existsSync(path.join(uploads, 'products', String(world.umkmId), String(id)))).toBe(false);
  });

  it('keeps a draft’s photos private, and serves them publicly with cache headers once the product is in the catalogue', async () => {
    const id = await newProduct(owner, world.umkmId);
    const photo = (await upload(owner, id, { name: 'batik.png', type: 'image/png', data: await smallPng() })).json()
      .photos[0];
    expect(photo).toMatchObject({ width: 40, height: 30 }); // never enlarged
    expect((await get(undefined, photo.thumbUrl)).statusCode).toBe(404);
    const stranger = await makeUmkm(db, world.village);
    expect((await get(await cookie([{ role: 'umkm_owner' }], stranger.ownerId), photo.displayUrl)).statusCode).toBe(
      404,
    );

    await app.inject({
      method: 'POST',
      url: `/api/catalog/manage/products/${id}/status`,
      headers: { cookie: owner },
      payload: { status: 'published' },
    });
    expect((await get(undefined, photo.thumbUrl)).statusCode).toBe(404); // published, not yet curated
    await db.query(`update product set curation_status = 'curated', curated_at = now() where id = $1`, [id]);
    const pub = await get(undefined, photo.thumbUrl);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['cache-control']).toMatch(/^public, max-age=\d+/);

    const page = (await get(undefined, `/api/catalog/products/${id}`)).json();
    expect(page.photos).toEqual([
      { id: photo.id, thumbUrl: photo.thumbUrl, displayUrl: photo.displayUrl, width: 40, height: 30 },
    ]);
  });

  it('takes at most six photos, reorders them, and deletes one with its files; a new photo un-curates', async () => {
    const id = await newProduct(owner, world.umkmId);
    const png = await smallPng();
    let photos: { id: number }[] = [];
    for (let i = 0; i < 6; i++)
      photos = (await upload(owner, id, { name: `f${i}.png`, type: 'image/png', data: png })).json().photos;
    expect(photos).toHaveLength(6);
    const seventh = await upload(owner, id, { name: 'f7.png', type: 'image/png', data: png });
    expect(seventh.statusCode).toBe(409);
    expect(seventh.json()).toMatchObject({ code: 'too_many_photos', errors: [{ field: 'body.photo' }] });

    const order = [...photos].reverse().map((p) => p.id);
    const put = (photoIds: number[]) =>
      app.inject({
        method: 'PUT',
        url: `/api/catalog/manage/products/${id}/photos/order`,
        headers: { cookie: owner },
        payload: { photoIds },
      });
    const reordered = await put(order);
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().photos.map((p: { id: number }) => p.id)).toEqual(order);
    expect((await put(order.slice(1))).json().errors[0]).toMatchObject({
      field: 'body.photoIds',
      code: 'photo_set_mismatch',
    });

    const victim = order[1]!;
    const files = await stored(victim);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/catalog/manage/products/${id}/photos/${victim}`,
      headers: { cookie: owner },
    });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().photos.map((p: { id: number; position: number }) => [p.id, p.position])).toEqual(
      order.filter((x) => x !== victim).map((x, i) => [x, i]),
    );
    expect(fs.existsSync(path.join(uploads, files.display_path))).toBe(false);
    expect(fs.existsSync(path.join(uploads, files.thumb_path))).toBe(false);
    const stranger = await makeUmkm(db, world.village);
    const other = await cookie([{ role: 'umkm_owner' }], stranger.ownerId);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/catalog/manage/products/${id}/photos/${order[0]}`,
          headers: { cookie: other },
        })
      ).statusCode,
    ).toBe(404);

    await db.query(`update product set curation_status = 'curated', curated_at = now() where id = $1`, [id]);
    const added = await upload(owner, id, { name: 'baru.png', type: 'image/png', data: png });
    expect(added.json()).toMatchObject({ curationReset: true, curation: { status: 'none' } });
  });
});
