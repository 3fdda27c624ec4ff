// After an order is placed, the seller's side: the inbox and one order, accept, decline with a reason, mark
// delivered, the BAST PDF, and the statement of income from government (JSON and CSV). Scope: the orders of the
// caller's own businesses; any other is not found.
import type { FastifyRequest } from 'fastify';
import { acting } from '../../platform/auth/acting.ts';
import type { Acting } from '../../platform/auth/acting.ts';
import type { Db, Tx } from '../../platform/db/types.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { localDate } from '../../platform/time.ts';
import { publicUrl } from '../../notifications/whatsapp.ts';
import { acceptOrder } from './accept-order.ts';
import { bastPdf } from './bast-pdf.ts';
import { bastSigner } from './bast-verify.ts';
import { declineOrder } from './decline-order.ts';
import { deliverOrder } from './deliver-order.ts';
import * as S from './fulfilment-schema.ts';
import { orderView } from './order-view.ts';
import { paymentProof } from './payment-proof.ts';
import { procurementPolicy as P, sellerScope } from '../policy.ts';
import { sellerInbox, sellerOrder } from './seller-orders.ts';
import { sellerStatement, statementCsv } from './seller-statement.ts';

async function change<T>(db: Db, req: FastifyRequest, run: (tx: Tx, a: Acting) => Promise<T>) {
  const a = acting(req, P.sells);
  return (await idempotent(db, req, async (tx) => ({ status: 200, body: await run(tx, a) }))).body;
}

export const sellerRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/procurement/seller/orders',
    {
      config: { access: P.sells },
      schema: {
        operationId: 'listSellerOrders',
        tags: ['procurement'],
        summary: "My businesses' government orders, new ones first (filter by status)",
        querystring: S.SellerOrdersQuery,
        response: { 200: S.SellerOrderList },
      },
    },
    async (req) => sellerInbox(db, req.actor, req.query),
  );

  app.get(
    '/api/procurement/seller/orders/:orderId',
    {
      config: { access: P.sells },
      schema: {
        operationId: 'getSellerOrder',
        tags: ['procurement'],
        summary: 'One of my orders: lines, agency, address, money, BAST, expected payment day, payment history',
        params: S.OrderParams,
        response: { 200: S.SellerOrder },
      },
    },
    async (req) => sellerOrder(db, req.actor, req.params.orderId),
  );

  app.post(
    '/api/procurement/seller/orders/:orderId/accept',
    {
      config: { access: P.sells },
      schema: {
        operationId: 'acceptSellerOrder',
        tags: ['procurement'],
        summary: 'Accept a new order',
        params: S.OrderParams,
        body: S.EmptyBody,
        response: { 200: S.Moved },
      },
    },
    async (req) => change(db, req, (tx, a) => acceptOrder(tx, a, req.params.orderId)),
  );

  app.post(
    '/api/procurement/seller/orders/:orderId/decline',
    {
      config: { access: P.sells },
      schema: {
        operationId: 'declineSellerOrder',
        tags: ['procurement'],
        summary: 'Decline a new order with a reason (at least 5 characters)',
        params: S.OrderParams,
        body: S.DeclineBody,
        response: { 200: S.Moved },
      },
    },
    async (req) => change(db, req, (tx, a) => declineOrder(tx, a, req.params.orderId, req.body.reason)),
  );

  app.post(
    '/api/procurement/seller/orders/:orderId/deliver',
    {
      config: { access: P.sells },
      schema: {
        operationId: 'deliverSellerOrder',
        tags: ['procurement'],
        summary: 'Mark an accepted order delivered, with an optional note',
        params: S.OrderParams,
        body: S.DeliverBody,
        response: { 200: S.Moved },
      },
    },
    async (req) => change(db, req, (tx, a) => deliverOrder(tx, a, req.params.orderId, req.body.note)),
  );

  app.get(
    '/api/procurement/seller/orders/:orderId/bast.pdf',
    {
      config: { access: P.sells },
      schema: {
        operationId: 'downloadSellerOrderBast',
        tags: ['procurement'],
        summary: "My order's BAST as PDF with its verification QR",
        params: S.OrderParams,
      },
    },
    async (req, reply) => {
      const o = await orderView(db, req.params.orderId, sellerScope(req.actor, 'o.umkm_id', 2));
      const pdf = await bastPdf(o, await bastSigner(db, o), publicUrl(req));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="bast-${o.id}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/procurement/seller/orders/:orderId/payments/:paymentId/proof',
    {
      config: { access: P.sells },
      schema: {
        operationId: 'downloadSellerPaymentProof',
        tags: ['procurement'],
        summary: 'The transfer proof of a payment of my order',
        params: S.PaymentParams,
      },
    },
    async (req, reply) => {
      const f = await paymentProof(
        db,
        req.params.orderId,
        req.params.paymentId,
        sellerScope(req.actor, 'o.umkm_id', 3),
      );
      return reply
        .type(f.mime)
        .header('content-disposition', `inline; filename="${f.name}"`)
        .header('cache-control', 'private, no-store')
        .send(f.buf);
    },
  );

  const yearOf = (year: number | undefined) => year ?? Number(localDate(new Date()).slice(0, 4));

  app.get(
    '/api/procurement/seller/statement',
    {
      config: { access: P.sells },
      schema: {
        operationId: 'getSellerStatement',
        tags: ['procurement'],
        summary: 'My income from government in a year (WIB): payments with tax withheld and net, and what is owed',
        querystring: S.StatementQuery,
        response: { 200: S.Statement },
      },
    },
    async (req) => sellerStatement(db, req.actor, yearOf(req.query.year)),
  );

  app.get(
    '/api/procurement/seller/statement.csv',
    {
      config: { access: P.sells },
      schema: {
        operationId: 'downloadSellerStatement',
        tags: ['procurement'],
        summary: 'My income statement of a year as CSV',
        querystring: S.StatementQuery,
      },
    },
    async (req, reply) => {
      const year = yearOf(req.query.year);
      const csv = statementCsv(await sellerStatement(db, req.actor, year));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="pendapatan-pemerintah-${year}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(csv);
    },
  );
};
