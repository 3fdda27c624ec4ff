// The seller's Jumat Beli Lokal view (issue 15, item 8): the editions they are in, what to prepare for Friday,
// packing lists per hub, and the payments received. Reads only; confirming a payment and handing an order over are
// the orders' routes (src/jbl/orders/routes.ts). Scope: the caller's own businesses, folded into the SQL.
import type { RoutePlugin } from '../../platform/http/server.ts';
import { jblPolicy } from '../policy.ts';
import { packingLists } from './packing-lists.ts';
import { paymentsReceived } from './payments-received.ts';
import { Packing, Payments, PaymentsQuery, SellerEdition, SellerEditionParams, SellerEditions } from './schema.ts';
import { sellerEditionView } from './seller-edition.ts';
import { sellerEditions } from './seller-editions.ts';

export const jblSellerRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/jbl/seller/editions',
    {
      config: { access: jblPolicy.sells },
      schema: {
        operationId: 'listJblSellerEditions',
        tags: ['jbl'],
        summary: 'The editions my businesses are in, newest first, with my products’ stock and my orders to act on',
        response: { 200: SellerEditions },
      },
    },
    async (req) => sellerEditions(db, req.actor),
  );

  app.get(
    '/api/jbl/seller/editions/:editionId',
    {
      config: { access: jblPolicy.sells },
      schema: {
        operationId: 'getJblSellerEdition',
        tags: ['jbl'],
        summary: 'What to prepare for Friday: per product the units paid and awaiting payment (with the hold expiry)',
        params: SellerEditionParams,
        response: { 200: SellerEdition },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return sellerEditionView(db, req.actor, req.params.editionId);
    },
  );

  app.get(
    '/api/jbl/seller/editions/:editionId/packing',
    {
      config: { access: jblPolicy.sells },
      schema: {
        operationId: 'getJblSellerPacking',
        tags: ['jbl'],
        summary:
          'Packing lists: paid orders per kecamatan hub, and those picked up at my place (buyer’s first name only)',
        params: SellerEditionParams,
        response: { 200: Packing },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return packingLists(db, req.actor, req.params.editionId);
    },
  );

  app.get(
    '/api/jbl/seller/payments',
    {
      config: { access: jblPolicy.sells },
      schema: {
        operationId: 'listJblSellerPayments',
        tags: ['jbl'],
        summary: 'Payments received for my Jumat Beli Lokal orders: to my own QRIS or via the aggregator, with totals',
        querystring: PaymentsQuery,
        response: { 200: Payments },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return paymentsReceived(db, req.actor, req.query);
    },
  );
};
