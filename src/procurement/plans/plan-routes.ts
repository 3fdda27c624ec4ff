// Procurement plans (issue 14, items 1–2): agencies (agency-routes.ts), spending outside the platform (entered or
// imported), RUP packages (entered or imported from SiRUP with a mapping preview), and the public opportunities
// with the owner's "peluang untuk Anda". Uploads are multipart in their own encapsulated child.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acting } from '../../platform/auth/acting.ts';
import { multipartRoutes, readUpload } from '../../platform/http/multipart.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { AgencyParams } from './agency-schema.ts';
import { agencyRoutes } from './agency-routes.ts';
import { confirmSpendingImport, previewSpendingImport } from './import-outside-spending.ts';
import { confirmSirupImport, parseMapping, previewSirupImport, requirePlanningAgency } from './import-sirup.ts';
import { listOpportunities, opportunitiesForMe } from './opportunities.ts';
import { listOutsideSpending } from './outside-spending.ts';
import { getPackage, listPackages } from './packages.ts';
import * as S from './plan-schema.ts';
import { procurementPolicy as P } from '../policy.ts';
import { MAX_SHEET_BYTES, readSheet } from './read-sheet.ts';
import { reportOutsideSpending } from './report-outside-spending.ts';
import { createPackage, updatePackage } from './save-package.ts';

const tags = ['procurement'];

/** The uploaded spreadsheet (field "file") and the form's text fields. */
async function readSheetForm(req: FastifyRequest) {
  const { fields, file } = await readUpload(req, {
    file: 'file',
    maxBytes: MAX_SHEET_BYTES,
    fields: { count: 5, size: 20_000 },
    notMultipart: {
      id: 'Kirim berkas sebagai multipart/form-data (kolom "file").',
      en: 'Send the file as multipart/form-data (field "file").',
    },
    wrongField: { id: 'Berkas hanya di kolom "file".', en: 'Files go in the "file" field only.' },
    tooLarge: {
      code: 'document_too_large',
      message: { id: 'Berkas terlalu besar (maksimal 10 MB).', en: 'The file is too large (at most 10 MB).' },
      field: { id: 'Maksimal 10 MB.', en: 'At most 10 MB.' },
    },
    accept: (buf) => buf,
  });
  return { fields, sheet: await readSheet(file ?? Buffer.alloc(0), '') };
}

const upload = { bodyLimit: MAX_SHEET_BYTES + 256 * 1024 };

export const planRoutes: RoutePlugin = async (root, deps) => {
  const { db } = deps;
  await agencyRoutes(root, deps);
  const app = root;

  app.get(
    '/api/procurement/outside-spending',
    {
      config: { access: P.readsOutsideSpending },
      schema: {
        operationId: 'listOutsideSpending',
        tags,
        summary: 'Spending outside the platform per agency and month (my agencies; all for the bureau)',
        querystring: S.SpendingQuery,
        response: { 200: S.SpendingList },
      },
    },
    async (req) => listOutsideSpending(db, req.actor, req.query),
  );

  app.put(
    '/api/procurement/agencies/:agencyId/outside-spending',
    {
      config: { access: P.reportsOutsideSpending },
      schema: {
        operationId: 'reportOutsideSpending',
        tags,
        summary: "Enter one month of an agency's spending outside the platform (total and the part with UMK)",
        params: AgencyParams,
        body: S.SpendingInput,
        response: { 200: z.object({ result: z.enum(['inserted', 'updated', 'unchanged']) }) },
      },
    },
    async (req) => {
      const a = acting(req, P.reportsOutsideSpending);
      return db.transaction((tx) => reportOutsideSpending(tx, a, req.params.agencyId, req.body));
    },
  );

  app.get(
    '/api/procurement/rup',
    {
      config: { access: P.readsAgencyOrders },
      schema: {
        operationId: 'listRupPackages',
        tags,
        summary: 'RUP packages of my agencies (all for the bureau), with the reservation threshold in force',
        querystring: S.PackageListQuery,
        response: { 200: S.PackageList },
      },
    },
    async (req) => listPackages(db, req.actor, req.query),
  );

  app.get(
    '/api/procurement/rup/:packageId',
    {
      config: { access: P.readsAgencyOrders },
      schema: {
        operationId: 'getRupPackage',
        tags,
        summary: 'One RUP package (within my scope)',
        params: S.PackageParams,
        response: { 200: S.PackageOut },
      },
    },
    async (req) => getPackage(db, req.actor, req.params.packageId),
  );

  app.post(
    '/api/procurement/rup',
    {
      config: { access: P.managesPlans },
      schema: {
        operationId: 'createRupPackage',
        tags,
        summary:
          'Enter a RUP package for my agency; up to the reservation threshold it is reserved for micro/small businesses unless a reason (≥ 20 characters) is given (422 otherwise)',
        body: S.PackageInput,
        response: { 201: S.PackageOut },
      },
    },
    async (req, reply) => {
      const a = acting(req, P.managesPlans);
      const out = await idempotent(db, req, async (tx) => ({
        status: 201,
        body: await createPackage(tx, a, req.body),
      }));
      return reply.code(201).send(await getPackage(db, req.actor, out.body));
    },
  );

  app.patch(
    '/api/procurement/rup/:packageId',
    {
      config: { access: P.managesPlans },
      schema: {
        operationId: 'updateRupPackage',
        tags,
        summary: 'Change a RUP package of my agency (the reservation rule is checked again)',
        params: S.PackageParams,
        body: S.PackagePatch,
        response: { 200: S.PackageOut },
      },
    },
    async (req) => {
      const a = acting(req, P.managesPlans);
      await db.transaction((tx) => updatePackage(tx, a, req.params.packageId, req.body));
      return getPackage(db, req.actor, req.params.packageId);
    },
  );

  app.get(
    '/api/procurement/opportunities',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listProcurementOpportunities',
        tags,
        summary:
          'Upcoming packages open to providers (not closed, selection not past), filterable by category, kota and type',
        querystring: S.OpportunityQuery,
        response: { 200: S.OpportunityList },
      },
    },
    async (req) => listOpportunities(db, req.query),
  );

  app.get(
    '/api/procurement/opportunities/for-me',
    {
      config: { access: P.sells },
      schema: {
        operationId: 'listOpportunitiesForMe',
        tags,
        summary:
          "Open packages matching my businesses' KBLI or product categories, in their kota or province-wide, with why",
        response: { 200: S.ForMeList },
      },
    },
    async (req) => opportunitiesForMe(db, req.actor),
  );

  await multipartRoutes(root, (mp) => {
    mp.post(
      '/api/procurement/outside-spending/import/preview',
      {
        config: { access: P.reportsOutsideSpending },
        ...upload,
        schema: {
          operationId: 'previewOutsideSpendingImport',
          tags,
          summary:
            'Check a CSV/XLSX of spending outside the platform (columns: kode instansi, bulan YYYY-MM, total, umk) without writing: rows and errors by line',
          consumes: ['multipart/form-data'],
          response: { 200: S.SpendingPreview },
        },
      },
      async (req) => {
        const a = acting(req, P.reportsOutsideSpending);
        const { sheet } = await readSheetForm(req);
        return previewSpendingImport(db, a, sheet);
      },
    );

    mp.post(
      '/api/procurement/outside-spending/import',
      {
        config: { access: P.reportsOutsideSpending },
        ...upload,
        schema: {
          operationId: 'importOutsideSpending',
          tags,
          summary: 'Import the checked file: upserts each valid row by agency and month (a re-import changes nothing)',
          consumes: ['multipart/form-data'],
          response: { 200: S.ImportResult },
        },
      },
      async (req) => {
        const a = acting(req, P.reportsOutsideSpending);
        const { sheet } = await readSheetForm(req);
        return db.transaction((tx) => confirmSpendingImport(tx, a, sheet));
      },
    );

    mp.post(
      '/api/procurement/agencies/:agencyId/sirup/preview',
      {
        config: { access: P.managesPlans },
        ...upload,
        schema: {
          operationId: 'previewSirupImport',
          tags,
          summary:
            'Read a SiRUP export (CSV/XLSX, field "file"; optional "mapping" JSON): columns, suggested mapping, first rows, errors by line',
          consumes: ['multipart/form-data'],
          params: AgencyParams,
          response: { 200: S.SirupPreview },
        },
      },
      async (req) => {
        const a = acting(req, P.managesPlans);
        await requirePlanningAgency(db, a, req.params.agencyId);
        const { fields, sheet } = await readSheetForm(req);
        const mapping = fields.mapping ? parseMapping(fields.mapping) : undefined;
        return previewSirupImport(db, req.params.agencyId, sheet, mapping);
      },
    );

    mp.post(
      '/api/procurement/agencies/:agencyId/sirup/import',
      {
        config: { access: P.managesPlans },
        ...upload,
        schema: {
          operationId: 'importSirup',
          tags,
          summary:
            'Import a SiRUP export with the confirmed mapping (field "mapping": JSON field → header): upserts by Kode RUP and remembers the mapping',
          consumes: ['multipart/form-data'],
          params: AgencyParams,
          response: { 200: S.ImportResult },
        },
      },
      async (req) => {
        const a = acting(req, P.managesPlans);
        await requirePlanningAgency(db, a, req.params.agencyId);
        const { fields, sheet } = await readSheetForm(req);
        const mapping = parseMapping(fields.mapping);
        return db.transaction((tx) => confirmSirupImport(tx, a, req.params.agencyId, sheet, mapping));
      },
    );
  });
};
