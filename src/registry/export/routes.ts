// Export of the filtered register (issue 4, item 7) as CSV or XLSX, streamed; a count first for the UI.
import { z } from 'zod';
import { calendarDate, int4IdParam } from '../../platform/http/input.ts';
import { allows } from '../../platform/auth/rules.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { CONTENT_TYPES, sinkFor } from '../import/spreadsheet.ts';
import { registryPolicy } from '../policy.ts';
import {
  countExport,
  EXPORT_HEADER,
  EXPORT_TEXT_COLUMNS,
  exportMembers,
  type ExportFilters,
  XLSX_MAX_ROWS,
} from './export-members.ts';
import { acting, signedIn } from '../../platform/auth/acting.ts';

const Filters = z.strictObject({
  kota: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .describe('kota/kabupaten code'),
  kecamatan: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  kelurahan: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
  pengampu: int4IdParam().optional().describe('fostering agency id'),
  sizeClass: z.enum(['micro', 'small', 'medium', 'large']).optional(),
  kind: z.enum(['jakpreneur', 'non_jakpreneur', 'cooperative']).optional(),
  registeredSince: calendarDate().optional().describe('YYYY-MM-DD (WIB)'),
});
type Filters = z.infer<typeof Filters>;

const toFilters = (q: Filters): ExportFilters => ({
  city: q.kota,
  district: q.kecamatan,
  village: q.kelurahan,
  fosteringAgencyId: q.pengampu,
  sizeClass: q.sizeClass,
  kind: q.kind,
  registeredSince: q.registeredSince,
});

export const exportRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/registry/export/summary',
    {
      config: { access: registryPolicy.exports },
      schema: {
        operationId: 'summariseRegisterExport',
        tags: ['registry-export'],
        summary:
          'How many members an export with these filters holds (within your scope), and whether NIK will be masked',
        querystring: Filters,
        response: {
          200: z.object({
            rows: z.number().int(),
            nikMasked: z.boolean(),
            xlsxAllowed: z.boolean(),
            xlsxMaxRows: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const rows = await countExport(db, req.actor, toFilters(req.query));
      return {
        rows,
        nikMasked: !allows(req.actor, registryPolicy.seesNik),
        xlsxAllowed: rows <= XLSX_MAX_ROWS,
        xlsxMaxRows: XLSX_MAX_ROWS,
      };
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/registry/export.${format}`,
      {
        config: { access: registryPolicy.exports },
        schema: {
          operationId: `exportRegister${format === 'csv' ? 'Csv' : 'Xlsx'}`,
          tags: ['registry-export'],
          summary: `The filtered register as ${format.toUpperCase()} (streamed; within your scope; NIK masked unless your role may see it, and then audited)`,
          description: `Columns: ${EXPORT_HEADER.join(', ')}.${format === 'xlsx' ? ` At most ${XLSX_MAX_ROWS.toLocaleString('en')} rows; use CSV beyond.` : ''}`,
          querystring: Filters,
        },
      },
      async (req, reply) => {
        const actor = signedIn(req);
        const filters = toFilters(req.query);
        if (format === 'xlsx' && (await countExport(db, actor, filters)) > XLSX_MAX_ROWS)
          throw new AppError(413, 'export_too_large', {
            id: `Lebih dari ${XLSX_MAX_ROWS.toLocaleString('id-ID')} baris: gunakan CSV atau persempit filter.`,
            en: `More than ${XLSX_MAX_ROWS.toLocaleString('en')} rows: use CSV or narrow the filters.`,
          });
        // The role that sees the NIK is the one the export is audited under, when the caller holds one.
        const { who } = acting(
          req,
          allows(actor, registryPolicy.seesNik) ? registryPolicy.seesNik : registryPolicy.exports,
        );
        const sink = sinkFor(format, 'anggota', EXPORT_HEADER, EXPORT_TEXT_COLUMNS);
        const stamp = new Date().toISOString().slice(0, 10);
        reply
          .header('content-disposition', `attachment; filename="register-umkm-${stamp}.${format}"`)
          .type(CONTENT_TYPES[format]);
        exportMembers(db, actor, who, filters, sink).catch((e) => {
          req.log.error({ err: e }, 'export failed');
          sink.stream.destroy(e as Error);
        });
        return reply.send(sink.stream);
      },
    );
  }
};
