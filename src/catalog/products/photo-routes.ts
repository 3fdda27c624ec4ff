// A product's photos: upload (multipart), delete, reorder, and the photo files themselves.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bigintIdParam } from '../../platform/http/input.ts';
import { AppError, type FieldError } from '../../platform/http/problem.ts';
import { multipartRoutes, readUpload } from '../../platform/http/multipart.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { readDocument } from '../../platform/files.ts';
import { getManagedProduct } from './get-managed-product.ts';
import { deletePhoto } from './delete-photo.ts';
import { addPhoto, checkPhotoRoom, MAX_PHOTO_BYTES } from './photos.ts';
import { photoForViewer } from './read-photo.ts';
import { reorderPhotos } from './reorder-photos.ts';
import { productPolicy } from './policy.ts';
import { ownerAudit, productErrors } from './routes.ts';
import { PhotoOrder, PhotoParams, ProductParams, ProductSaved } from './schema.ts';

const photoField = (code: string, id: string, en: string): FieldError => ({
  field: 'body.photo',
  code,
  message: { id, en },
});
const problem = (status: number, code: string, message: { id: string; en: string }, fields: FieldError[] = []) =>
  new AppError(status, code, message, fields);

/** The one file of the form (`photo`), at most 5 MB. Its type is judged later, from its content. */
async function readPhoto(req: FastifyRequest): Promise<Buffer> {
  const { file } = await readUpload(req, {
    file: 'photo',
    maxBytes: MAX_PHOTO_BYTES,
    fields: { count: 5, size: 200 },
    notMultipart: {
      id: 'Kirim foto sebagai formulir multipart/form-data.',
      en: 'Send the photo as a multipart/form-data form.',
    },
    wrongField: { id: 'Foto hanya di kolom "photo".', en: 'The photo goes in the "photo" field only.' },
    tooLarge: {
      code: 'photo_too_large',
      message: { id: 'Foto terlalu besar (paling besar 5 MB).', en: 'The photo is too large (at most 5 MB).' },
      field: { id: 'Paling besar 5 MB.', en: 'At most 5 MB.' },
    },
    accept: (buf) => buf,
  });
  if (!file?.length)
    throw problem(400, 'photo_missing', { id: 'Pilih foto untuk diunggah.', en: 'Choose a photo to upload.' }, [
      photoField('required', 'Wajib diisi.', 'Required.'),
    ]);
  return file;
}

export const productPhotoRoutes: RoutePlugin = async (root, { db }) => {
  // Multipart for these routes only (an encapsulated child), as the permits routes do.
  await multipartRoutes(root, (app) => {
    app.post(
      '/api/catalog/manage/products/:productId/photos',
      {
        config: { access: productPolicy.editsProducts },
        bodyLimit: MAX_PHOTO_BYTES + 256 * 1024,
        schema: {
          operationId: 'addProductPhoto',
          tags: ['catalog'],
          summary:
            'Add a photo (multipart field "photo": JPEG, PNG or WebP by content, ≤ 5 MB, ≤ 6 per product); stored as WebP without metadata',
          consumes: ['multipart/form-data'],
          params: ProductParams,
          response: { 201: ProductSaved },
        },
      },
      async (req, reply) => {
        // Scope and room first: another's product is "not found" before anything is read or stored.
        await checkPhotoRoom(db, req.actor, req.params.productId);
        const { curationReset } = await addPhoto(
          db,
          req.actor,
          ownerAudit(req),
          req.params.productId,
          await readPhoto(req),
        );
        return reply
          .code(201)
          .send({ ...(await getManagedProduct(db, req.actor, { productId: req.params.productId })), curationReset });
      },
    );
  });

  const app = root;
  app.delete(
    '/api/catalog/manage/products/:productId/photos/:photoId',
    {
      config: { access: productPolicy.editsProducts },
      schema: {
        operationId: 'deleteProductPhoto',
        tags: ['catalog'],
        summary: 'Delete a photo (the later ones move up)',
        params: PhotoParams,
        response: { 200: ProductSaved },
      },
    },
    async (req) => {
      const { curationReset } = await deletePhoto(
        db,
        req.actor,
        ownerAudit(req),
        req.params.productId,
        req.params.photoId,
      );
      return { ...(await getManagedProduct(db, req.actor, { productId: req.params.productId })), curationReset };
    },
  );

  app.put(
    '/api/catalog/manage/products/:productId/photos/order',
    {
      config: { access: productPolicy.editsProducts },
      errorHandler: productErrors,
      schema: {
        operationId: 'reorderProductPhotos',
        tags: ['catalog'],
        summary: 'Order the photos (every photo once; the first is the cover). Keeps the curation',
        params: ProductParams,
        body: PhotoOrder,
        response: { 200: ProductSaved },
      },
    },
    async (req) => {
      await db.transaction((tx) =>
        reorderPhotos(tx, req.actor, ownerAudit(req), req.params.productId, req.body.photoIds),
      );
      return { ...(await getManagedProduct(db, req.actor, { productId: req.params.productId })), curationReset: false };
    },
  );

  app.get(
    '/api/catalog/photos/:photoId',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getProductPhoto',
        tags: ['catalog'],
        summary:
          'A product photo (WebP). Public while the product is in the catalogue; otherwise only for those who may read the product',
        params: z.strictObject({ photoId: bigintIdParam() }),
        querystring: z.strictObject({ size: z.enum(['thumb', 'display']).default('display') }),
      },
    },
    async (req, reply) => {
      const photo = await photoForViewer(db, req.actor, req.params.photoId, req.query.size);
      const buf = await readDocument(photo.path);
      if (!buf)
        throw problem(404, 'not_found', {
          id: 'Berkas foto tidak ada di penyimpanan.',
          en: 'The photo file is missing from storage.',
        });
      // A photo never changes (a new one gets a new id), but whether it is public does: an hour, then ask again.
      return reply
        .type('image/webp')
        .header('cache-control', photo.listed ? 'public, max-age=3600' : 'private, max-age=300')
        .send(buf);
    },
  );
};
