// Use case: add a product's photo (made into a display size and a thumbnail on the server); delete-photo.ts,
// reorder-photos.ts and read-photo.ts hold the others. The phone compresses before it sends (web), the server
// still trusts nothing: the type comes from the content, the pixels are decoded and re-encoded, and all metadata
// (EXIF GPS is personal data: where the owner lives) is dropped.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Actor, AuditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Db, Queryable } from '../../platform/db/types.ts';
import { AppError, type FieldError, notFound } from '../../platform/http/problem.ts';
import { removeDocument, uploadDir } from '../../platform/files.ts';
import { refuseWhileUnderReview, resetCuration } from './product-rules.ts';
import { lockOwnProduct } from './queries.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 6;
const DISPLAY_PX = 1200;
const THUMB_PX = 320;
/** A phone photo is 12–50 MP; more than this is not a photo but an attempt to exhaust memory. */
const MAX_PIXELS = 60_000_000;

const photoField = (code: string, message: { id: string; en: string }): FieldError => ({
  field: 'body.photo',
  code,
  message,
});

/** JPEG, PNG or WebP from the first bytes (magic numbers), never from the file name or the declared type. */
export function sniffImage(buf: Uint8Array): 'jpeg' | 'png' | 'webp' | undefined {
  const at = (offset: number, ...bytes: number[]) => bytes.every((b, i) => buf[offset + i] === b);
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp'; // RIFF····WEBP
  return undefined;
}

export const unsupportedPhoto = () =>
  new AppError(
    415,
    'photo_type',
    { id: 'Foto harus JPEG, PNG atau WebP.', en: 'The photo must be a JPEG, PNG or WebP.' },
    [
      photoField('unsupported_type', {
        id: 'Isi berkas bukan foto JPEG, PNG atau WebP (nama berkas tidak menentukan).',
        en: 'The file content is not a JPEG, PNG or WebP photo (the file name does not count).',
      }),
    ],
  );

interface Variant {
  data: Buffer;
  width: number;
  height: number;
}

/** Upright, metadata-free WebP: a display size (≤ 1200 px) and a thumbnail (≤ 320 px), never enlarged. */
export async function makeVariants(buf: Buffer): Promise<{ display: Variant; thumb: Variant }> {
  if (!sniffImage(buf)) throw unsupportedPhoto();
  try {
    // sharp writes no metadata unless asked (keepMetadata/withExif): the EXIF block, GPS included, is not copied.
    const display = await sharp(buf, { autoOrient: true, limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .resize({ width: DISPLAY_PX, height: DISPLAY_PX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(display.data)
      .resize({ width: THUMB_PX, height: THUMB_PX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
    return {
      display: { data: display.data, width: display.info.width, height: display.info.height },
      thumb: { data: thumb.data, width: thumb.info.width, height: thumb.info.height },
    };
  } catch {
    throw new AppError(
      422,
      'photo_unreadable',
      {
        id: 'Foto tidak dapat dibaca; mungkin rusak atau terlalu besar. Coba foto lain.',
        en: 'The photo cannot be read; it may be damaged or too large. Try another photo.',
      },
      [photoField('unreadable', { id: 'Foto rusak atau tidak dapat dibaca.', en: 'Damaged or unreadable photo.' })],
    );
  }
}

async function writeFiles(umkmId: number, productId: number, v: { display: Variant; thumb: Variant }) {
  const name = crypto.randomUUID();
  const dir = path.posix.join('products', String(umkmId), String(productId));
  const displayPath = path.posix.join(dir, `${name}-display.webp`);
  const thumbPath = path.posix.join(dir, `${name}-thumb.webp`);
  await fs.mkdir(path.join(uploadDir(), dir), { recursive: true });
  await fs.writeFile(path.join(uploadDir(), displayPath), v.display.data, { flag: 'wx' });
  await fs.writeFile(path.join(uploadDir(), thumbPath), v.thumb.data, { flag: 'wx' });
  return { displayPath, thumbPath };
}

const tooMany = () =>
  new AppError(
    409,
    'too_many_photos',
    {
      id: `Satu produk paling banyak ${MAX_PHOTOS} foto. Hapus satu foto dulu.`,
      en: `A product has at most ${MAX_PHOTOS} photos. Delete one first.`,
    },
    [photoField('too_many', { id: `Sudah ${MAX_PHOTOS} foto.`, en: `Already ${MAX_PHOTOS} photos.` })],
  );

const countPhotos = async (q: Queryable, productId: number) =>
  (await q.query<{ n: number }>('select count(*)::int4 as n from product_photo where product_id = $1', [productId]))[0]
    ?.n ?? 0;

/**
 * Before the upload is read: the product is the caller's, may change its photos and has room for one more.
 * (Checked again under the row lock when the photo is stored.)
 */
export async function checkPhotoRoom(db: Db, actor: Actor, productId: number): Promise<{ umkmId: number }> {
  return db.transaction(async (tx) => {
    const cur = await lockOwnProduct(tx, actor, productId);
    refuseWhileUnderReview(cur, ['photos']);
    if ((await countPhotos(tx, productId)) >= MAX_PHOTOS) throw tooMany();
    return { umkmId: cur.umkm_id };
  });
}

/** Adds a photo as the last one. A curated product returns to "not curated" (product-rules.ts). */
export async function addPhoto(
  db: Db,
  actor: Actor,
  who: AuditActor,
  productId: number,
  upload: Buffer,
): Promise<{ curationReset: boolean }> {
  const { umkmId } = await checkPhotoRoom(db, actor, productId);
  const variants = await makeVariants(upload);
  const files = await writeFiles(umkmId, productId, variants);
  try {
    return await db.transaction(async (tx) => {
      const cur = await lockOwnProduct(tx, actor, productId);
      refuseWhileUnderReview(cur, ['photos']);
      const position = await countPhotos(tx, productId);
      if (position >= MAX_PHOTOS) throw tooMany();
      const [row] = await tx.query<{ id: number }>(
        `insert into product_photo (product_id, umkm_id, position, display_path, thumb_path, width, height, bytes, thumb_bytes, uploaded_bytes, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
        [
          productId,
          cur.umkm_id,
          position,
          files.displayPath,
          files.thumbPath,
          variants.display.width,
          variants.display.height,
          variants.display.data.length,
          variants.thumb.data.length,
          upload.length,
          actor.kind === 'account' ? actor.accountId : null,
        ],
      );
      const curationReset = cur.pc_curated;
      if (curationReset) await resetCuration(tx, who, productId);
      await tx.query('update product set updated_at = now() where id = $1', [productId]);
      await audit(tx, who, {
        action: 'product.photo_add',
        entityType: 'product',
        entityId: productId,
        umkmId: cur.umkm_id,
        after: {
          photoId: row!.id,
          position,
          width: variants.display.width,
          height: variants.display.height,
          bytes: variants.display.data.length,
          ...(curationReset ? { curationStatus: 'none' } : {}),
        },
      });
      return { curationReset };
    });
  } catch (e) {
    await removeDocument(files.displayPath);
    await removeDocument(files.thumbPath);
    throw e;
  }
}

export const photoNotFound = () => notFound({ id: 'Foto tidak ditemukan.', en: 'No such photo.' });
