// Jumat Beli Lokal reports: the public province trend, the edition report with its XLSX, ASN participation (an
// agency's trend and the province ranking) and the sellers' payout statement with its XLSX. HTTP only.
import { signedIn } from '../../platform/auth/acting.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { jblPolicy } from '../policy.ts';
import { readAgencyParticipation } from './asn-participation.ts';
import { readEditionReport } from './edition-report.ts';
import { readParticipationRanking } from './participation-ranking.ts';
import { readProvinceTrend } from './province-trend.ts';
import { editionXlsx, payoutXlsx, XLSX_TYPE } from './report-files.ts';
import * as S from './schema.ts';
import { readSellerPayout } from './seller-payout.ts';

const attachment = (name: string) => `attachment; filename="${name}.xlsx"`;

export const jblReportRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/jbl/reports/trend',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getJblProvinceTrend',
        tags: ['jbl'],
        summary:
          'The province-wide running total of Jumat Beli Lokal: orders, units and omzet per published edition (pre-order vs live) and cumulative; totals only',
        response: { 200: S.ProvinceTrend },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return readProvinceTrend(db);
    },
  );

  app.get(
    '/api/jbl/reports/editions/:editionId',
    {
      config: { access: jblPolicy.readsReports },
      schema: {
        operationId: 'getJblEditionReport',
        tags: ['jbl'],
        summary: "One edition's orders, units and omzet, pre-order vs live, by kota, kecamatan, category and seller",
        params: S.EditionParams,
        response: { 200: S.EditionReport },
      },
    },
    async (req) => {
      signedIn(req);
      return readEditionReport(db, req.params.editionId);
    },
  );

  app.get(
    '/api/jbl/reports/editions/:editionId/export.xlsx',
    {
      config: { access: jblPolicy.readsReports },
      schema: {
        operationId: 'exportJblEditionReportXlsx',
        tags: ['jbl'],
        summary: 'The edition report as an XLSX workbook (summary, kota, kecamatan, category, seller)',
        params: S.EditionParams,
      },
    },
    async (req, reply) => {
      signedIn(req);
      const r = await readEditionReport(db, req.params.editionId);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`jumat-beli-lokal-${r.edition.heldOn}`))
        .header('cache-control', 'private, no-store')
        .send(await editionXlsx(r));
    },
  );

  app.get(
    '/api/jbl/participation',
    {
      config: { access: jblPolicy.readsParticipation },
      schema: {
        operationId: 'getJblAsnRanking',
        tags: ['jbl'],
        summary:
          "The province ranking of agencies by ASN participation and spend in one edition (an agency's own people see their own row)",
        querystring: S.EditionQuery,
        response: { 200: S.ParticipationRanking },
      },
    },
    async (req) => readParticipationRanking(db, signedIn(req), req.query.editionId),
  );

  app.get(
    '/api/jbl/participation/agencies/:agencyId',
    {
      config: { access: jblPolicy.readsParticipation },
      schema: {
        operationId: 'getJblAgencyParticipation',
        tags: ['jbl'],
        summary: "One agency's ASN participation per edition: ASN, buyers, spend, target reached",
        params: S.AgencyParams,
        response: { 200: S.AgencyParticipation },
      },
    },
    async (req) => readAgencyParticipation(db, signedIn(req), req.params.agencyId),
  );

  app.get(
    '/api/jbl/payouts/sellers/:umkmId',
    {
      config: { access: jblPolicy.readsPayouts },
      schema: {
        operationId: 'getJblSellerPayout',
        tags: ['jbl'],
        summary: "A seller's payout statement: per edition, paid orders via the aggregator (owed) and paid directly",
        params: S.SellerParams,
        querystring: S.EditionQuery,
        response: { 200: S.PayoutStatement },
      },
    },
    async (req) => readSellerPayout(db, signedIn(req), req.params.umkmId, req.query.editionId),
  );

  app.get(
    '/api/jbl/payouts/sellers/:umkmId/export.xlsx',
    {
      config: { access: jblPolicy.readsPayouts },
      schema: {
        operationId: 'exportJblSellerPayoutXlsx',
        tags: ['jbl'],
        summary: "A seller's payout statement as an XLSX workbook",
        params: S.SellerParams,
        querystring: S.EditionQuery,
      },
    },
    async (req, reply) => {
      const p = await readSellerPayout(db, signedIn(req), req.params.umkmId, req.query.editionId);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`pembayaran-jbl-${p.seller.id}`))
        .header('cache-control', 'private, no-store')
        .send(await payoutXlsx(p));
    },
  );
};
