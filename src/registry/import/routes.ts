// Spreadsheet import of member lists (issue 4, item 7): template, upload + dry run, errors, import, progress.
// Admins only (registryPolicy.imports). Upload is multipart (a 100k-row file is ~10 MB), limited to 30 MB.
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import { acting } from '../../platform/auth/acting.ts';
import type { Db } from '../../platform/db/types.ts';
import { AppError, notFound } from '../../platform/http/problem.ts';
import type { App, RoutePlugin } from '../../platform/http/server.ts';
import { registryPolicy } from '../policy.ts';
import { CONTENT_TYPES, sinkFor, type SheetFormat } from './spreadsheet.ts';
import { backgroundIdle, runInBackground } from './background.ts';
import { checkFile, createJob, requireAgency } from './check-file.ts';
import { COLUMNS_DOC, MAX_UPLOAD_BYTES } from './columns.ts';
import { importFile } from './import-file.ts';
import { runRevert, startRevert } from './revert-import.ts';
import { startImport } from './start-import.ts';
import { watchOrphanedJobs } from './runner.ts';
import { listRowErrors, loadJob, parseMessage, setJobFailed } from './jobs.ts';
import { listJobs, presentJob } from './present-job.ts';
import { detectKind, type FileKind, FileProblem } from './read-file.ts';
import * as S from './schema.ts';
import { templateCsv, templateXlsx } from './template.ts';

const ADMIN = registryPolicy.imports;
const ACCEPTED_TYPES = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel', // what Windows browsers call a .csv
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
]);

const jobNotFound = () => notFound({ id: 'Impor tidak ditemukan.', en: 'Import not found.' });

/** A refused upload names the file field, so a form shows the message next to it. */
const fileProblem = (status: number, code: string, message: { id: string; en: string }) =>
  new AppError(status, code, message, [{ field: 'body.file', code, message }]);

/**
 * Resumes the imports and reverts a stopped server left running (at start-up, then every minute), in the
 * background like any import. Called by src/main.ts once the server listens.
 */
export function watchInterruptedImports(db: Db, log: FastifyBaseLogger): () => void {
  return watchOrphanedJobs(db, log, (job, who) => {
    if (job.status === 'importing') runInBackground(db, log, job.id, 'import', () => importFile(db, who, job.id));
    else if (job.status === 'reverting') runInBackground(db, log, job.id, 'revert', () => runRevert(db, who, job.id));
    else
      void setJobFailed(db, job.id, {
        code: 'check_interrupted',
        id: 'Server berhenti saat berkas diperiksa. Unggah berkas sekali lagi.',
        en: 'The server stopped while the file was being checked. Upload the file again.',
      }).catch((err: unknown) => log.error({ err, jobId: job.id }, 'could not fail an interrupted dry run'));
  });
}

export const importRoutes: RoutePlugin = async (app, { db }) => {
  app.addHook('onClose', async () => backgroundIdle());

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/registry/import-template.${format}`,
      {
        config: { access: ADMIN },
        schema: {
          operationId: `getImportTemplate${format === 'xlsx' ? 'Xlsx' : 'Csv'}`,
          tags: ['registry-import'],
          summary: `The member-list template (${format.toUpperCase()}) with the columns the import reads`,
          description: COLUMNS_DOC,
        },
      },
      async (_req, reply) => {
        reply
          .header('content-disposition', `attachment; filename="templat-anggota.${format}"`)
          .type(CONTENT_TYPES[format]);
        return format === 'xlsx' ? templateXlsx() : templateCsv();
      },
    );
  }

  // The upload lives in its own encapsulated context: only this route parses multipart bodies.
  await app.register(async (child: App) => {
    await child.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });
    child.post(
      '/api/registry/import-jobs',
      {
        config: { access: ADMIN },
        schema: {
          operationId: 'uploadMemberList',
          tags: ['registry-import'],
          summary:
            'Upload a member list (CSV or XLSX, multipart field "file", ≤ 30 MB) for a dry run; answers 202 with the job',
          description: `The pengampu (fostering agency) for the whole file is the query parameter. Columns (Indonesian headers, the first sheet of an XLSX):\n${COLUMNS_DOC}\n\nPoll GET /api/registry/import-jobs/{jobId} for progress; nothing in the register changes until POST …/import.`,
          querystring: z.strictObject({
            fosteringAgencyId: z.coerce
              .number()
              .int()
              .positive()
              .max(2 ** 31 - 1),
          }),
          response: { 202: S.JobOut },
        },
      },
      async (req, reply) => {
        const { actor, who } = acting(req, ADMIN);
        if (!req.isMultipart())
          throw new AppError(415, 'unsupported_media_type', {
            id: 'Kirim berkas sebagai multipart/form-data (kolom "file").',
            en: 'Send the file as multipart/form-data (field "file").',
          });
        await requireAgency(db, req.query.fosteringAgencyId);
        const part = await req.file();
        if (part?.fieldname !== 'file')
          throw fileProblem(400, 'file_missing', {
            id: 'Tidak ada berkas pada kolom "file".',
            en: 'No file in the field "file".',
          });
        if (
          !ACCEPTED_TYPES.has(part.mimetype.split(';')[0]!.trim().toLowerCase()) ||
          !/\.(csv|xlsx|txt)$/i.test(part.filename)
        )
          throw fileProblem(415, 'unsupported_file', {
            id: 'Hanya berkas .csv atau .xlsx.',
            en: 'Only .csv or .xlsx files.',
          });
        const file = await part.toBuffer(); // over 30 MB: 413 from the multipart limit
        if (!file.length) throw fileProblem(400, 'empty_file', { id: 'Berkas kosong.', en: 'The file is empty.' });
        let kind: FileKind;
        try {
          kind = detectKind(file, part.filename);
        } catch (e) {
          if (e instanceof FileProblem) throw fileProblem(415, e.code, e.bilingual);
          throw e;
        }
        const jobId = await createJob(db, who, actor.accountId, part.filename, kind, req.query.fosteringAgencyId);
        runInBackground(db, req.log, jobId, 'check', () =>
          checkFile(db, who, { jobId, file, kind, fosteringAgencyId: req.query.fosteringAgencyId }),
        );
        return reply.code(202).send(await presentJob(db, (await loadJob(db, jobId))!));
      },
    );
  });

  app.get(
    '/api/registry/import-jobs',
    {
      config: { access: ADMIN },
      schema: {
        operationId: 'listImportJobs',
        tags: ['registry-import'],
        summary: 'Recent import jobs, newest first',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ items: z.array(S.JobOut) }) },
      },
    },
    async (req) => ({ items: await listJobs(db, req.query.limit) }),
  );

  app.get(
    '/api/registry/import-jobs/:jobId',
    {
      config: { access: ADMIN },
      schema: {
        operationId: 'getImportJob',
        tags: ['registry-import'],
        summary: 'An import job: status, counts, progress (poll while checking or importing)',
        params: S.jobParam,
        response: { 200: S.JobOut },
      },
    },
    async (req) => {
      const job = await loadJob(db, req.params.jobId);
      if (!job) throw jobNotFound();
      return presentJob(db, job);
    },
  );

  app.get(
    '/api/registry/import-jobs/:jobId/errors',
    {
      config: { access: ADMIN },
      schema: {
        operationId: 'listImportErrors',
        tags: ['registry-import'],
        summary:
          'The problems of the bad rows (row, column, message), in row order; limit counts rows, page with afterRow',
        params: S.jobParam,
        querystring: z.strictObject({
          afterRow: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: {
          200: z.object({
            items: z.array(S.RowErrorOut),
            rowsBad: z.number().int(),
            nextAfterRow: z.number().int().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const job = await loadJob(db, req.params.jobId);
      if (!job) throw jobNotFound();
      const page = await listRowErrors(db, job.id, { afterRow: req.query.afterRow, limit: req.query.limit });
      return {
        items: page.items,
        rowsBad: job.rows_bad,
        nextAfterRow: page.rows === req.query.limit ? (page.lastRow ?? null) : null,
      };
    },
  );

  for (const format of ['csv', 'xlsx'] as const satisfies readonly SheetFormat[]) {
    app.get(
      `/api/registry/import-jobs/:jobId/errors.${format}`,
      {
        config: { access: ADMIN },
        schema: {
          operationId: `downloadImportErrors${format === 'csv' ? 'Csv' : 'Xlsx'}`,
          tags: ['registry-import'],
          summary: `The error report as ${format.toUpperCase()}: baris, kolom, pesan (id), message (en)`,
          params: S.jobParam,
        },
      },
      async (req, reply) => {
        const job = await loadJob(db, req.params.jobId);
        if (!job) throw jobNotFound();
        const sink = sinkFor(format, 'kesalahan', ['baris', 'kolom', 'kode', 'pesan', 'message']);
        reply
          .header('content-disposition', `attachment; filename="kesalahan-impor-${job.id}.${format}"`)
          .type(CONTENT_TYPES[format]);
        void (async () => {
          let after = 0;
          for (;;) {
            const page = await listRowErrors(db, job.id, { afterRow: after, limit: 2000 });
            if (page.lastRow === undefined) break;
            for (const e of page.items) await sink.add([e.row, e.column, e.code, e.message.id, e.message.en]);
            after = page.lastRow;
          }
          if (job.status === 'failed' && job.rows_total === 0) {
            const m = parseMessage(job.message);
            if (m) await sink.add([1, '', m.code, m.id, m.en]); // the whole file was unreadable
          }
          await sink.end();
        })().catch((e) => {
          req.log.error({ err: e }, 'error report failed');
          sink.stream.destroy(e as Error);
        });
        return reply.send(sink.stream);
      },
    );
  }

  app.post(
    '/api/registry/import-jobs/:jobId/import',
    {
      config: { access: ADMIN },
      schema: {
        operationId: 'startImport',
        tags: ['registry-import'],
        summary:
          'Import a checked file without errors (all or nothing; idempotent by NIK/NIB); answers 202, poll the job',
        description: "rowsTotal must repeat the job's row count: the admin confirms what the dry run showed.",
        params: S.jobParam,
        body: z.strictObject({ rowsTotal: z.number().int().min(0) }),
        response: { 202: S.JobOut },
      },
    },
    async (req, reply) => {
      const { who } = acting(req, ADMIN);
      const job = await startImport(db, who, req.params.jobId, req.body.rowsTotal);
      runInBackground(db, req.log, job.id, 'import', () => importFile(db, who, job.id));
      return reply.code(202).send(await presentJob(db, job));
    },
  );

  app.post(
    '/api/registry/import-jobs/:jobId/revert',
    {
      config: { access: ADMIN },
      schema: {
        operationId: 'revertImport',
        tags: ['registry-import'],
        summary:
          'Revert an import that is running, was interrupted or failed part-way: removes the members it created and the links it added (audited batches); answers 202, poll the job',
        description: 'The job ends `reverted`, and its staged rows (with the encrypted NIKs) are deleted.',
        params: S.jobParam,
        response: { 202: S.JobOut },
      },
    },
    async (req, reply) => {
      const { who } = acting(req, ADMIN);
      const job = await startRevert(db, who, req.params.jobId);
      runInBackground(db, req.log, job.id, 'revert', () => runRevert(db, who, job.id));
      return reply.code(202).send(await presentJob(db, job));
    },
  );
};
