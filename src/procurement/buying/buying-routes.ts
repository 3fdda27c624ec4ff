// The agency side of buying (e-Order): the PA/KPA assigns a package to a PPK, the PPK names the Pejabat Pengadaan
// and attaches documents, the Pejabat Pengadaan fills the cart with products curated for e-Order and places one
// order per seller, asking for a mandate exception where a rule cannot be met; the PA/KPA decides exceptions.
// Scope is in the SQL: another agency's package, or one not assigned to the caller, is not found.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acting } from '../../platform/auth/acting.ts';
import type { Rule } from '../../platform/auth/rules.ts';
import { auditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Db, Tx } from '../../platform/db/types.ts';
import { readDocument, removeDocument, type Sniffed, sniff, storeDocument } from '../../platform/files.ts';
import { multipartRoutes, readUpload } from '../../platform/http/multipart.ts';
import { AppError, fieldErrorsFromZod, notFound, validationFailed } from '../../platform/http/problem.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { addPackageDocument, DOCUMENT_KINDS, packageDocument } from './add-package-document.ts';
import { assignPp } from './assign-pp.ts';
import { assignPpk } from './assign-ppk.ts';
import * as S from './buying-schema.ts';
import { getPackage, listExceptions, listPackages } from './buying-packages.ts';
import { cancelOrder } from './cancel-order.ts';
import { decideException } from './decide-exception.ts';
import { placeOrders } from './place-orders.ts';
import { procurementPolicy as P } from '../policy.ts';
import { requestException } from './request-exception.ts';
import { setCartLine } from './set-cart-line.ts';
import { setDeliveryAddress } from './set-delivery-address.ts';

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const DocumentFields = z.strictObject({ kind: z.enum(DOCUMENT_KINDS) });

/** One step in one transaction, once per Idempotency-Key when the caller sends one. */
async function step<T>(
  db: Db,
  req: FastifyRequest,
  rule: Rule,
  status: number,
  run: (tx: Tx, a: ReturnType<typeof acting>) => Promise<T>,
) {
  const a = acting(req, rule);
  return idempotent(db, req, async (tx) => ({ status, body: await run(tx, a) }));
}

function checkDocument(buf: Buffer): { buf: Buffer; type: Sniffed } {
  const field = (code: string, id: string, en: string) => [{ field: 'body.document', code, message: { id, en } }];
  if (buf.length === 0)
    throw new AppError(
      400,
      'document_empty',
      { id: 'Dokumen kosong.', en: 'The document is empty.' },
      field('empty', 'Berkas kosong.', 'The file is empty.'),
    );
  const type = sniff(buf);
  if (!type)
    throw new AppError(
      415,
      'document_type',
      { id: 'Dokumen harus PDF, JPEG atau PNG.', en: 'The document must be a PDF, JPEG or PNG.' },
      field('unsupported_type', 'Isi berkas bukan PDF, JPEG atau PNG.', 'The file content is not PDF, JPEG or PNG.'),
    );
  return { buf, type };
}

export const buyingRoutes: RoutePlugin = async (root, { db }) => {
  const app = root;
  app.get(
    '/api/procurement/buying/packages',
    {
      config: { access: P.readsAgencyOrders },
      schema: {
        operationId: 'listBuyingPackages',
        tags: ['procurement'],
        summary: "My agencies' packages (RUP) by status, with what I may do on each",
        querystring: S.PackageListQuery,
        response: { 200: S.PackageList },
      },
    },
    async (req) => listPackages(db, req.actor, req.query),
  );

  app.get(
    '/api/procurement/buying/packages/:packageId',
    {
      config: { access: P.readsAgencyOrders },
      schema: {
        operationId: 'getBuyingPackage',
        tags: ['procurement'],
        summary: 'One package: documents, orders, exceptions, the cart (for its Pejabat Pengadaan), my actions',
        params: S.PackageParams,
        response: { 200: S.PackageDetail },
      },
    },
    async (req) => getPackage(db, req.actor, req.params.packageId),
  );

  app.post(
    '/api/procurement/buying/packages/:packageId/ppk',
    {
      config: { access: P.assignsPpk },
      schema: {
        operationId: 'assignPackagePpk',
        tags: ['procurement'],
        summary: 'The PA/KPA assigns a planned package to a PPK of the same agency',
        params: S.PackageParams,
        body: S.AssignPpkBody,
        response: { 200: S.StepDone },
      },
    },
    async (req) =>
      (await step(db, req, P.assignsPpk, 200, (tx, a) => assignPpk(tx, a, req.params.packageId, req.body))).body,
  );

  app.post(
    '/api/procurement/buying/packages/:packageId/pejabat-pengadaan',
    {
      config: { access: P.preparesPackage },
      schema: {
        operationId: 'assignPackagePejabatPengadaan',
        tags: ['procurement'],
        summary: "The package's PPK names the Pejabat Pengadaan: the package is ready for the cart",
        params: S.PackageParams,
        body: S.AssignPpBody,
        response: { 200: S.StepDone },
      },
    },
    async (req) =>
      (await step(db, req, P.preparesPackage, 200, (tx, a) => assignPp(tx, a, req.params.packageId, req.body))).body,
  );

  app.put(
    '/api/procurement/buying/packages/:packageId/delivery-address',
    {
      config: { access: P.placesOrders },
      schema: {
        operationId: 'setPackageDeliveryAddress',
        tags: ['procurement'],
        summary: "The package's Pejabat Pengadaan sets where the goods are delivered",
        params: S.PackageParams,
        body: S.DeliveryAddressBody,
        response: { 200: z.object({ id: z.number(), deliveryAddress: z.string() }) },
      },
    },
    async (req) =>
      (await step(db, req, P.placesOrders, 200, (tx, a) => setDeliveryAddress(tx, a, req.params.packageId, req.body)))
        .body,
  );

  app.put(
    '/api/procurement/buying/packages/:packageId/cart',
    {
      config: { access: P.placesOrders },
      schema: {
        operationId: 'setPackageCartLine',
        tags: ['procurement'],
        summary: 'Put a product curated for e-Order in the cart with a quantity (0 takes it out)',
        params: S.PackageParams,
        body: S.CartLineBody,
        response: { 200: z.object({ packageId: z.number(), productId: z.number(), quantity: z.number() }) },
      },
    },
    async (req) =>
      (await step(db, req, P.placesOrders, 200, (tx, a) => setCartLine(tx, a, req.params.packageId, req.body))).body,
  );

  app.post(
    '/api/procurement/buying/packages/:packageId/orders',
    {
      config: { access: P.placesOrders },
      schema: {
        operationId: 'placePackageOrders',
        tags: ['procurement'],
        summary:
          'Place the cart: one order group, one order per seller; refused 422 mandate_rule when a rule is broken without an approved exception (send an Idempotency-Key)',
        params: S.PackageParams,
        body: S.EmptyBody,
        response: { 201: S.Placed },
      },
    },
    async (req, reply) => {
      const out = await step(db, req, P.placesOrders, 201, (tx, a) => placeOrders(tx, a, req.params.packageId));
      return reply.code(201).send(out.body);
    },
  );

  app.post(
    '/api/procurement/buying/orders/:orderId/cancel',
    {
      config: { access: P.placesOrders },
      schema: {
        operationId: 'cancelEorder',
        tags: ['procurement'],
        summary: "The package's Pejabat Pengadaan cancels an order the seller has not answered yet",
        params: S.OrderParams,
        body: S.EmptyBody,
        response: { 200: S.StepDone },
      },
    },
    async (req) => (await step(db, req, P.placesOrders, 200, (tx, a) => cancelOrder(tx, a, req.params.orderId))).body,
  );

  app.post(
    '/api/procurement/buying/packages/:packageId/exceptions',
    {
      config: { access: P.placesOrders },
      schema: {
        operationId: 'requestMandateException',
        tags: ['procurement'],
        summary:
          "The package's Pejabat Pengadaan asks to buy outside a mandate rule, with a justification (≥ 20 characters)",
        params: S.PackageParams,
        body: S.ExceptionRequestBody,
        response: { 201: S.StepDone },
      },
    },
    async (req, reply) => {
      const out = await step(db, req, P.placesOrders, 201, (tx, a) =>
        requestException(tx, a, req.params.packageId, req.body),
      );
      return reply.code(201).send(out.body);
    },
  );

  app.post(
    '/api/procurement/buying/exceptions/:exceptionId/decision',
    {
      config: { access: P.approvesExceptions },
      schema: {
        operationId: 'decideMandateException',
        tags: ['procurement'],
        summary: "The PA/KPA of the package's agency approves or rejects a requested exception, with a note",
        params: S.ExceptionParams,
        body: S.ExceptionDecisionBody,
        response: { 200: S.StepDone },
      },
    },
    async (req) =>
      (
        await step(db, req, P.approvesExceptions, 200, (tx, a) =>
          decideException(tx, a, req.params.exceptionId, req.body),
        )
      ).body,
  );

  app.get(
    '/api/procurement/buying/exceptions',
    {
      config: { access: P.readsExceptions },
      schema: {
        operationId: 'listMandateExceptions',
        tags: ['procurement'],
        summary: 'Mandate exceptions in my scope (province roles: all), requested first, with filters',
        querystring: S.ExceptionListQuery,
        response: { 200: S.ExceptionList },
      },
    },
    async (req) => listExceptions(db, req.actor, req.query),
  );

  app.get(
    '/api/procurement/buying/documents/:documentId',
    {
      config: { access: P.readsAgencyOrders },
      schema: {
        operationId: 'downloadPackageDocument',
        tags: ['procurement'],
        summary: "A package's document (within the agencies I may read)",
        params: S.DocumentParams,
      },
    },
    async (req, reply) => {
      const a = acting(req, P.readsAgencyOrders);
      const d = await db.transaction((tx) => packageDocument(tx, a, req.params.documentId));
      if (!d) throw notFound({ id: 'Dokumen tidak ditemukan.', en: 'Document not found.' });
      const buf = await readDocument(d.path);
      if (!buf)
        throw notFound({
          id: 'Berkas dokumen tidak ada di penyimpanan.',
          en: 'The document file is missing from storage.',
        });
      await audit(db, auditActor(req.actor, a.role, req.id), {
        action: 'procurement.package_document_view',
        entityType: 'package_document',
        entityId: d.id,
      });
      const safeName = d.file_name.replace(/[^\w.-]+/g, '_').slice(0, 120) || `dokumen-${d.id}`;
      return reply
        .type(d.mime)
        .header('content-disposition', `attachment; filename="${safeName}"`)
        .header('cache-control', 'private, no-store')
        .send(buf);
    },
  );

  // Multipart only for the upload: an encapsulated child, so no other route's parsing changes.
  await multipartRoutes(root, (child) => {
    child.post(
      '/api/procurement/buying/packages/:packageId/documents',
      {
        config: { access: P.preparesPackage },
        bodyLimit: MAX_DOCUMENT_BYTES + 256 * 1024,
        schema: {
          operationId: 'addPackageDocument',
          tags: ['procurement'],
          summary:
            "The package's PPK attaches a document (multipart: kind = kak|hps|spk|other, document = PDF/JPEG/PNG ≤ 10 MB)",
          consumes: ['multipart/form-data'],
          params: S.PackageParams,
          response: {
            201: z.object({
              id: z.number(),
              kind: z.string(),
              fileName: z.string(),
              mime: z.string(),
              url: z.string(),
            }),
          },
        },
      },
      async (req, reply) => {
        const a = acting(req, P.preparesPackage);
        let fileName = 'dokumen';
        const { fields, file } = await readUpload(req, {
          file: 'document',
          maxBytes: MAX_DOCUMENT_BYTES,
          fields: { count: 3, size: 200 },
          notMultipart: { id: 'Kirim formulir multipart/form-data.', en: 'Send a multipart/form-data form.' },
          wrongField: { id: 'Berkas hanya di kolom "document".', en: 'Files go in the "document" field only.' },
          tooLarge: {
            code: 'document_too_large',
            message: {
              id: 'Dokumen terlalu besar (maksimal 10 MB).',
              en: 'The document is too large (at most 10 MB).',
            },
            field: { id: 'Maksimal 10 MB.', en: 'At most 10 MB.' },
          },
          accept: checkDocument,
        });
        const parsed = DocumentFields.safeParse({ kind: fields.kind });
        if (!parsed.success) throw validationFailed(fieldErrorsFromZod(parsed.error.issues as never, 'body'));
        if (!file)
          throw validationFailed([
            { field: 'body.document', code: 'required', message: { id: 'Lampirkan berkas.', en: 'Attach a file.' } },
          ]);
        if (fields.fileName) fileName = fields.fileName.slice(0, 200);
        const path = await storeDocument(`packages/${req.params.packageId}`, file.buf, file.type);
        try {
          const out = await db.transaction((tx) =>
            addPackageDocument(tx, a, req.params.packageId, {
              kind: parsed.data.kind,
              fileName: fileName === 'dokumen' ? `${parsed.data.kind}.${file.type.ext}` : fileName,
              path,
              mime: file.type.mime,
            }),
          );
          return reply.code(201).send(out);
        } catch (e) {
          await removeDocument(path);
          throw e;
        }
      },
    );
  });
};
