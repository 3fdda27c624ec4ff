// After an order is placed, the agency's side: its order queues and detail, the PPK's BAST (with its PDF and a
// public check), the Bendahara's payments (transfer with proof, or autodebit), the PA/KPA's autodebit decision and
// the PPK's close. Scope is in the use cases' SQL: another agency's order is not found.
import type { FastifyRequest } from 'fastify';
import { acting } from '../../platform/auth/acting.ts';
import type { Rule } from '../../platform/auth/rules.ts';
import type { Db, Tx } from '../../platform/db/types.ts';
import { sniff } from '../../platform/files.ts';
import { multipartRoutes, readUpload } from '../../platform/http/multipart.ts';
import { AppError, fieldError } from '../../platform/http/problem.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { TokenBuckets } from '../../platform/rate-limit.ts';
import { publicUrl } from '../../notifications/whatsapp.ts';
import type { Acting } from '../../platform/auth/acting.ts';
import { agencyOrder, agencyOrders } from './agency-orders.ts';
import { attachPaymentProof, discardProof, paymentInScope } from './attach-payment-proof.ts';
import { bastPdf } from './bast-pdf.ts';
import { bastSigner, verifyBast } from './bast-verify.ts';
import { closeOrder } from './close-order.ts';
import { decideAutodebit } from './decide-autodebit.ts';
import * as S from './fulfilment-schema.ts';
import { orderView } from './order-view.ts';
import { paymentProof } from './payment-proof.ts';
import { agencyScope, procurementPolicy as P } from '../policy.ts';
import { recordPayment } from './record-payment.ts';
import { signBast } from './sign-bast.ts';

const MAX_PROOF_BYTES = 5 * 1024 * 1024;

/** Runs a state change once per Idempotency-Key, in one transaction with its audit rows. */
async function change<T>(
  db: Db,
  req: FastifyRequest,
  rule: Rule,
  status: number,
  run: (tx: Tx, a: Acting) => Promise<T>,
) {
  const a = acting(req, rule);
  return (await idempotent(db, req, async (tx) => ({ status, body: await run(tx, a) }))).body;
}

function checkProof(buf: Buffer) {
  const type = buf.length ? sniff(buf) : undefined;
  if (!type)
    throw new AppError(
      415,
      'document_type',
      { id: 'Bukti harus PDF, JPEG atau PNG.', en: 'The proof must be a PDF, JPEG or PNG.' },
      [
        fieldError(
          'body.proof',
          'unsupported_type',
          'Isi berkas bukan PDF, JPEG atau PNG.',
          'The file content is not PDF, JPEG or PNG.',
        ),
      ],
    );
  return { buf, type };
}

export const fulfilmentRoutes: RoutePlugin = async (root, { db }) => {
  const buckets = new TokenBuckets(5, 30);

  await multipartRoutes(root, (app) => {
    app.get(
      '/api/procurement/orders',
      {
        config: { access: P.readsAgencyOrders },
        schema: {
          operationId: 'listAgencyOrders',
          tags: ['procurement'],
          summary: 'Orders of my agencies by queue: awaiting BAST, to pay (overdue first), autodebits, overdue, all',
          querystring: S.AgencyOrdersQuery,
          response: { 200: S.AgencyOrderList },
        },
      },
      async (req) => agencyOrders(db, req.actor, req.query),
    );

    app.get(
      '/api/procurement/orders/:orderId',
      {
        config: { access: P.readsAgencyOrders },
        schema: {
          operationId: 'getAgencyOrder',
          tags: ['procurement'],
          summary: 'One order of my agency: lines, money, BAST, due date, payments and what I may do now',
          params: S.OrderParams,
          response: { 200: S.AgencyOrder },
        },
      },
      async (req) => agencyOrder(db, req.actor, req.params.orderId),
    );

    app.post(
      '/api/procurement/orders/:orderId/bast',
      {
        config: { access: P.signsBast },
        schema: {
          operationId: 'signOrderBast',
          tags: ['procurement'],
          summary: 'The PPK confirms receipt of a delivered order: a gapless BAST number and the expected payment day',
          params: S.OrderParams,
          body: S.EmptyBody,
          response: { 201: S.BastSigned },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await change(db, req, P.signsBast, 201, (tx, a) => signBast(tx, a, req.params.orderId))),
    );

    app.get(
      '/api/procurement/orders/:orderId/bast.pdf',
      {
        config: { access: P.readsAgencyOrders },
        schema: {
          operationId: 'downloadOrderBast',
          tags: ['procurement'],
          summary: "The order's BAST as PDF with its verification QR",
          params: S.OrderParams,
        },
      },
      async (req, reply) => {
        const o = await orderView(
          db,
          req.params.orderId,
          agencyScope(req.actor, P.readsAgencyOrders, 'o.agency_id', 2),
        );
        const pdf = await bastPdf(o, await bastSigner(db, o), publicUrl(req));
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="bast-${o.id}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );

    app.get(
      '/api/procurement/bast/verify',
      {
        config: { access: 'public', crossOrigin: true },
        schema: {
          operationId: 'verifyBast',
          tags: ['procurement'],
          summary: 'Check a BAST number: agency, date, total and the seller business (no personal data)',
          querystring: S.BastVerifyQuery,
          response: { 200: S.PublicBast },
        },
      },
      async (req) => {
        buckets.take(req.ip);
        return verifyBast(db, req.query.number);
      },
    );

    app.post(
      '/api/procurement/orders/:orderId/payments',
      {
        config: { access: P.paysOrders },
        schema: {
          operationId: 'recordOrderPayment',
          tags: ['procurement'],
          summary:
            'The Bendahara records a transfer (paid, tax withheld) or requests an autodebit; never above what is owed (Idempotency-Key)',
          params: S.OrderParams,
          body: S.PaymentBody,
          response: { 201: S.PaymentRecorded },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await change(db, req, P.paysOrders, 201, (tx, a) => recordPayment(tx, a, req.params.orderId, req.body)),
          ),
    );

    app.post(
      '/api/procurement/orders/:orderId/payments/:paymentId/proof',
      {
        config: { access: P.paysOrders },
        bodyLimit: MAX_PROOF_BYTES + 256 * 1024,
        schema: {
          operationId: 'attachPaymentProof',
          tags: ['procurement'],
          summary: 'Attach the transfer proof to a payment (multipart: proof = PDF/JPEG/PNG ≤ 5 MB)',
          consumes: ['multipart/form-data'],
          params: S.PaymentParams,
          response: { 200: S.ProofAttached },
        },
      },
      async (req) => {
        const a = acting(req, P.paysOrders);
        const { orderId, paymentId } = req.params;
        await paymentInScope(db, a, orderId, paymentId); // scope first: nothing is read or stored outside it
        const { file } = await readUpload(req, {
          file: 'proof',
          maxBytes: MAX_PROOF_BYTES,
          fields: { count: 2, size: 200 },
          notMultipart: { id: 'Kirim formulir multipart/form-data.', en: 'Send a multipart/form-data form.' },
          wrongField: { id: 'Berkas hanya di kolom "proof".', en: 'Files go in the "proof" field only.' },
          tooLarge: {
            code: 'document_too_large',
            message: { id: 'Bukti terlalu besar (maksimal 5 MB).', en: 'The proof is too large (at most 5 MB).' },
            field: { id: 'Maksimal 5 MB.', en: 'At most 5 MB.' },
          },
          accept: checkProof,
        });
        if (!file)
          throw new AppError(400, 'validation_failed', { id: 'Lampirkan bukti.', en: 'Attach the proof.' }, [
            fieldError('body.proof', 'required', 'Wajib diisi.', 'Required.'),
          ]);
        const out = await db.transaction((tx) => attachPaymentProof(tx, a, orderId, paymentId, file));
        await discardProof(out.replaced);
        return { paymentId: out.paymentId, hasProof: true as const };
      },
    );

    app.get(
      '/api/procurement/orders/:orderId/payments/:paymentId/proof',
      {
        config: { access: P.readsAgencyOrders },
        schema: {
          operationId: 'downloadPaymentProof',
          tags: ['procurement'],
          summary: "A payment's transfer proof as uploaded (PDF, JPEG or PNG)",
          params: S.PaymentParams,
        },
      },
      async (req, reply) => {
        const f = await paymentProof(
          db,
          req.params.orderId,
          req.params.paymentId,
          agencyScope(req.actor, P.readsAgencyOrders, 'o.agency_id', 3),
        );
        return reply
          .type(f.mime)
          .header('content-disposition', `inline; filename="${f.name}"`)
          .header('cache-control', 'private, no-store')
          .send(f.buf);
      },
    );

    app.post(
      '/api/procurement/orders/:orderId/payments/:paymentId/decision',
      {
        config: { access: P.approvesAutodebit },
        schema: {
          operationId: 'decideAutodebit',
          tags: ['procurement'],
          summary: 'The PA/KPA approves an autodebit request (paid now) or rejects it with a note',
          params: S.PaymentParams,
          body: S.DecisionBody,
          response: { 200: S.DecisionResult },
        },
      },
      async (req) =>
        change(db, req, P.approvesAutodebit, 200, (tx, a) =>
          decideAutodebit(tx, a, req.params.orderId, req.params.paymentId, req.body),
        ),
    );

    app.post(
      '/api/procurement/orders/:orderId/close',
      {
        config: { access: P.closesOrders },
        schema: {
          operationId: 'closeOrder',
          tags: ['procurement'],
          summary: 'The PPK closes a paid order',
          params: S.OrderParams,
          body: S.EmptyBody,
          response: { 200: S.Moved },
        },
      },
      async (req) => change(db, req, P.closesOrders, 200, (tx, a) => closeOrder(tx, a, req.params.orderId)),
    );
  });
};
