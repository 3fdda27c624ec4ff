// The UMK share (the BPPBJ calculation) and payment timeliness: the province and agency pages read rollups only;
// the drill-down's order list and the ageing read orders by index. Scope is in the SQL: another agency is not found.
import { signedIn } from '../../platform/auth/acting.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { localDate } from '../../platform/time.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';
import { readBoundaries, readDistrictShare, readShareOrders } from './orders.ts';
import { readAgeing, readPerformance } from './payments.ts';
import { sharePdf, shareXlsx } from './report-files.ts';
import { sendKept } from './read-cache.ts';
import * as S from './schema.ts';
import { readAgencyShare, readShare, shareScope } from './share.ts';

const thisYear = () => Number(localDate(new Date()).slice(0, 4));

export const shareRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/procurement/share',
    {
      config: { access: procurementPolicy.readsShare },
      schema: {
        operationId: 'getUmkShare',
        tags: ['procurement'],
        summary: 'The UMK share per agency and in total, on commitment and realisation, with target and grades',
        querystring: S.ProvinceShareQuery,
        response: { 200: S.ShareReport },
      },
    },
    async (req, reply) => {
      const actor = signedIn(req);
      const year = req.query.year ?? thisYear();
      const { period, agencyPeriods } = req.query;
      return sendKept(
        db,
        reply,
        `share ${year} ${period} ${agencyPeriods}`,
        shareScope(actor).scope('agency_id', 1),
        () => readShare(db, actor, year, period, agencyPeriods === 'true'),
      );
    },
  );

  app.get(
    '/api/procurement/share/agencies/:agencyId',
    {
      config: { access: procurementPolicy.readsShare },
      schema: {
        operationId: 'getAgencyUmkShare',
        tags: ['procurement'],
        summary: "One agency's UMK share with its units",
        params: S.AgencyParams,
        querystring: S.ShareQuery,
        response: { 200: S.AgencyShare },
      },
    },
    async (req, reply) => {
      const actor = signedIn(req);
      const { agencyId } = req.params;
      const year = req.query.year ?? thisYear();
      // Stamped by this agency's version when the caller may read it; otherwise the computation answers 404.
      const mine = shareScope(actor).scope('agency_id', 2);
      const scope = { sql: `agency_id = $1 and ${mine.sql}`, params: [agencyId, ...mine.params] };
      return sendKept(db, reply, `agency ${year} ${req.query.period}`, scope, () =>
        readAgencyShare(db, actor, agencyId, year, req.query.period),
      );
    },
  );

  app.get(
    '/api/procurement/share/agencies/:agencyId/orders',
    {
      config: { access: procurementPolicy.readsShare },
      schema: {
        operationId: 'listAgencyShareOrders',
        tags: ['procurement'],
        summary: "An agency's (or unit's) orders counted in one month's commitment, paged",
        params: S.AgencyParams,
        querystring: S.OrdersQuery,
        response: { 200: S.ShareOrders },
      },
    },
    async (req) => readShareOrders(db, signedIn(req), req.params.agencyId, req.query),
  );

  app.get(
    '/api/procurement/share/districts',
    {
      config: { access: procurementPolicy.readsShare },
      schema: {
        operationId: 'getUmkShareByDistrict',
        tags: ['procurement'],
        summary: "Platform spending by the seller's kecamatan in a year (for the map)",
        querystring: S.YearQuery,
        response: { 200: S.DistrictShares },
      },
    },
    async (req) => readDistrictShare(db, req.query.year ?? thisYear()),
  );

  app.get(
    '/api/procurement/share/export.xlsx',
    {
      config: { access: procurementPolicy.readsShare },
      schema: {
        operationId: 'exportUmkShareXlsx',
        tags: ['procurement'],
        summary: 'The UMK share report as an XLSX workbook',
        querystring: S.ShareQuery,
      },
    },
    async (req, reply) => {
      const year = req.query.year ?? thisYear();
      const file = await shareXlsx(await readShare(db, signedIn(req), year, req.query.period, true));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="porsi-umk-${year}.xlsx"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );

  app.get(
    '/api/procurement/share/report.pdf',
    {
      config: { access: procurementPolicy.readsShare },
      schema: {
        operationId: 'printUmkShareReport',
        tags: ['procurement'],
        summary: 'The UMK share report as a printable PDF',
        querystring: S.ShareQuery,
      },
    },
    async (req, reply) => {
      const year = req.query.year ?? thisYear();
      const file = await sharePdf(await readShare(db, signedIn(req), year, req.query.period, false));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="porsi-umk-${year}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );

  app.get(
    '/api/procurement/payments/ageing',
    {
      config: { access: procurementPolicy.readsAgeing },
      schema: {
        operationId: 'getPaymentAgeing',
        tags: ['procurement'],
        summary: 'Bills with a signed BAST not yet paid, by days since the BAST, and the overdue list',
        querystring: S.AgeingQuery,
        response: { 200: S.Ageing },
      },
    },
    async (req, reply) => {
      const actor = signedIn(req);
      const scope = agencyScope(actor, procurementPolicy.readsAgeing, 'agency_id', 1);
      return sendKept(db, reply, `ageing ${req.query.limit}`, scope, () => readAgeing(db, actor, req.query.limit));
    },
  );

  app.get(
    '/api/procurement/payments/performance',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPaymentPerformance',
        tags: ['procurement'],
        summary: 'Published payment performance per agency: share paid within the SLA and median days',
        querystring: S.YearQuery,
        response: { 200: S.PerformanceReport },
      },
    },
    async (req) => readPerformance(db, req.query.year ?? thisYear()),
  );

  app.get(
    '/api/regions/boundaries',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getRegionBoundaries',
        tags: ['reference'],
        summary: 'Region boundaries (kecamatan by default) as GeoJSON, for maps',
        querystring: S.BoundaryQuery,
        response: { 200: S.Boundaries },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return readBoundaries(db, req.query.level);
    },
  );
};
