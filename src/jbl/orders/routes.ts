// Jumat Beli Lokal storefront and orders: the shelf, the Friday checkout, tracking, payment (the seller's
// confirmation and the aggregator's signed notification) and hand-over. HTTP only; the use cases are beside it.
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditActor } from '../../platform/auth/actor.ts';
import { acting } from '../../platform/auth/acting.ts';
import { retryConflicts } from '../../platform/db/retry.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { sellerScope } from '../../platform/db/scope.ts';
import { jblPolicy } from '../policy.ts';
import { buyerOf } from './buyer.ts';
import { checkout } from './checkout.ts';
import { handOver } from './hand-over.ts';
import { startHoldSweeper } from './hold-sweeper.ts';
import { payChildOrder } from './pay-child-order.ts';
import { checkSignature, receivePayment } from './payment-webhook.ts';
import {
  CheckoutInput,
  CheckoutResult,
  ChildParams,
  EditionIdParams,
  OrderView,
  PaymentOutcome,
  PaymentWebhookInput,
  SellerConfirmInput,
  Shelf,
  ShelfQuery,
  TrackParams,
} from './schema.ts';
import { readShelf } from './shelf.ts';
import { trackOrder } from './track-order.ts';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

/** Keeps the raw bytes of a signed request: the signature is over them, not over a re-serialised object. */
async function keepRawBody(req: FastifyRequest, _reply: unknown, payload: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  for await (const c of payload) chunks.push(Buffer.from(c as Buffer));
  req.rawBody = Buffer.concat(chunks);
  return Readable.from([req.rawBody]);
}

export const jblOrderRoutes: RoutePlugin = (app, { db }) => {
  const stopSweeper = startHoldSweeper(db);
  app.addHook('onClose', async () => stopSweeper());

  app.get(
    '/api/jbl/editions/:editionId/shelf',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getJblShelf',
        tags: ['jbl'],
        summary: 'The storefront of an edition: its products with what can be bought now, categories, pickup hubs',
        params: EditionIdParams,
        querystring: ShelfQuery,
        response: { 200: Shelf },
      },
    },
    async (req) => readShelf(db, req.actor, req.params.editionId, req.query, new Date()),
  );

  app.post(
    '/api/jbl/editions/:editionId/checkout',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'checkoutJbl',
        tags: ['jbl'],
        summary:
          'Check out a cart across sellers: holds the stock (15 min), one child order and QRIS per seller; send an Idempotency-Key',
        params: EditionIdParams,
        body: CheckoutInput,
        response: { 201: CheckoutResult },
      },
    },
    async (req, reply) => {
      const buyer = buyerOf(req.actor, req.body);
      const who = auditActor(
        req.actor,
        req.actor.kind === 'account' ? (buyer.kind === 'asn' ? 'asn_buyer' : 'public_buyer') : null,
        req.id,
      );
      const out = await retryConflicts(() =>
        idempotent(db, req, async (tx) => ({
          status: 201,
          body: await checkout(tx, who, buyer, req.params.editionId, req.body, new Date()),
        })),
      );
      return reply.code(201).header('idempotent-replayed', String(out.replayed)).send(out.body);
    },
  );

  app.get(
    '/api/jbl/orders/track/:token',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'trackJblOrder',
        tags: ['jbl'],
        summary: 'An order by its tracking link: each seller’s part, its state, pickup, and the QRIS while unpaid',
        params: TrackParams,
        response: { 200: OrderView },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return trackOrder(db, { token: req.params.token });
    },
  );

  app.post(
    '/api/jbl/child-orders/:number/confirm-payment',
    {
      config: { access: jblPolicy.sells },
      schema: {
        operationId: 'confirmJblPayment',
        tags: ['jbl'],
        summary: 'The seller confirms the QRIS payment of their part of an order (stock moves from held to sold)',
        params: ChildParams,
        body: SellerConfirmInput,
        response: { 200: PaymentOutcome },
      },
    },
    async (req) => {
      const a = acting(req, jblPolicy.sells);
      const out = await retryConflicts(() =>
        db.transaction((tx) =>
          payChildOrder(
            tx,
            a.who,
            req.params.number,
            sellerScope(a.actor, 'c.umkm_id', 2),
            { via: 'seller', reference: req.body.reference ?? null },
            a.now,
          ),
        ),
      );
      if (!out.found) throw notFound({ id: 'Pesanan tidak ditemukan.', en: 'Order not found.' });
      return { number: out.number, status: out.status, outcome: out.outcome };
    },
  );

  app.post(
    '/api/jbl/child-orders/:number/hand-over',
    {
      config: { access: jblPolicy.sells },
      schema: {
        operationId: 'handOverJblOrder',
        tags: ['jbl'],
        summary: 'The seller marks a paid order handed over to the buyer',
        params: ChildParams,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ number: z.string(), status: PaymentOutcome.shape.status }) },
      },
    },
    async (req) => {
      const a = acting(req, jblPolicy.sells);
      return db.transaction((tx) => handOver(tx, a, req.params.number));
    },
  );

  app.post(
    '/api/jbl/payments/qris-webhook',
    {
      config: { access: 'public' },
      preParsing: keepRawBody,
      schema: {
        operationId: 'receiveJblQrisPayment',
        tags: ['jbl'],
        summary:
          'The payment aggregator’s signed notification (x-pl-signature: sha256=HMAC of the body); once per eventId, replays refused',
        body: PaymentWebhookInput,
        response: { 200: PaymentOutcome },
      },
    },
    async (req) => {
      checkSignature(req.rawBody, req.headers['x-pl-signature'], process.env.PL_QRIS_WEBHOOK_SECRET);
      return retryConflicts(() => db.transaction((tx) => receivePayment(tx, req.body, new Date())));
    },
  );
};
