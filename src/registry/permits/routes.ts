import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bigintIdParam, calendarDate } from '../../platform/http/input.ts';
import { auditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, type FieldError, fieldErrorsFromZod, validationFailed } from '../../platform/http/problem.ts';
import { multipartRoutes, readUpload } from '../../platform/http/multipart.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { registryPolicy } from '../policy.ts';
import { readDocument, sniff } from '../../platform/files.ts';
import {
  addPermit,
  expiringPermits,
  KIND_LABELS,
  listPermits,
  type NewPermit,
  PERMIT_KINDS,
  permitDocument,
} from './permits.ts';
import { acting } from '../../platform/auth/acting.ts';

const Bi = z.object({ id: z.string(), en: z.string() });
const umkmParam = z.strictObject({ umkmId: bigintIdParam() });

const PermitOut = z.object({
  id: z.number(),
  umkmId: z.number(),
  kind: z.enum(PERMIT_KINDS),
  kindLabel: Bi,
  number: z.string(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  expiresOnText: Bi.nullable(),
  status: z.enum(['no_expiry', 'expired', 'expiring', 'valid']),
  daysLeft: z.number().nullable(),
  document: z.object({ mime: z.string(), bytes: z.number(), url: z.string() }).nullable(),
});

const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const isoDate = calendarDate();
/** The text fields of the multipart form (a form sends strings; empty means absent). */
const PermitFields = z.strictObject({
  kind: z.enum(PERMIT_KINDS),
  number: z.string().trim().min(1).max(100),
  issuedOn: isoDate.optional(),
  expiresOn: isoDate.optional(),
});

const problem = (status: number, code: string, msg: { id: string; en: string }, fields: FieldError[]) =>
  new AppError(status, code, msg, fields);
const docField = (code: string, id: string, en: string): FieldError => ({
  field: 'body.document',
  code,
  message: { id, en },
});

/** Reads the form: text fields and at most one file (`document`), checked by size and by its first bytes. */
async function readPermitForm(
  req: FastifyRequest,
): Promise<Omit<NewPermit, 'document'> & { document: NewPermit['document'] }> {
  const { fields, file } = await readUpload(req, {
    file: 'document',
    maxBytes: MAX_DOCUMENT_BYTES,
    fields: { count: 10, size: 1000 },
    notMultipart: { id: 'Kirim formulir multipart/form-data.', en: 'Send a multipart/form-data form.' },
    wrongField: { id: 'Berkas hanya di kolom "document".', en: 'Files go in the "document" field only.' },
    tooLarge: {
      code: 'document_too_large',
      message: { id: 'Dokumen terlalu besar (maksimal 5 MB).', en: 'The document is too large (at most 5 MB).' },
      field: { id: 'Maksimal 5 MB.', en: 'At most 5 MB.' },
    },
    accept: checkDocument,
  });
  const parsed = PermitFields.safeParse(fields);
  if (!parsed.success) throw validationFailed(fieldErrorsFromZod(parsed.error.issues as never, 'body'));
  return {
    kind: parsed.data.kind,
    number: parsed.data.number,
    issuedOn: parsed.data.issuedOn ?? null,
    expiresOn: parsed.data.expiresOn ?? null,
    document: file ?? null,
  };
}

/** A document must have content, and be a PDF, JPEG or PNG by its first bytes (not by its name). */
function checkDocument(buf: Buffer): NonNullable<NewPermit['document']> {
  if (buf.length === 0)
    throw problem(400, 'document_empty', { id: 'Dokumen kosong.', en: 'The document is empty.' }, [
      docField('empty', 'Berkas kosong.', 'The file is empty.'),
    ]);
  const type = sniff(buf);
  if (!type)
    throw problem(
      415,
      'document_type',
      { id: 'Dokumen harus PDF, JPEG atau PNG.', en: 'The document must be a PDF, JPEG or PNG.' },
      [
        docField(
          'unsupported_type',
          'Isi berkas bukan PDF, JPEG atau PNG (nama berkas tidak menentukan).',
          'The file content is not PDF, JPEG or PNG (the file name does not count).',
        ),
      ],
    );
  return { buf, type };
}

export const permitRoutes: RoutePlugin = async (root, { db }) => {
  // Multipart only for these routes: an encapsulated child, so no other context's parsing changes.
  await multipartRoutes(root, (app) => {
    app.get(
      '/api/registry/members/:umkmId/permits',
      {
        config: { access: 'authenticated' },
        schema: {
          operationId: 'listMemberPermits',
          tags: ['registry'],
          summary: "A member's permits and certificates, with expiry status and what is missing (within scope)",
          params: umkmParam,
          response: {
            200: z.object({
              umkmId: z.number(),
              name: z.string(),
              permits: z.array(PermitOut),
              missing: z.array(z.object({ kind: z.enum(PERMIT_KINDS), reason: Bi })),
            }),
          },
        },
      },
      async (req) => listPermits(db, req.actor, req.params.umkmId),
    );

    app.post(
      '/api/registry/members/:umkmId/permits',
      {
        config: { access: registryPolicy.managesPermits },
        bodyLimit: MAX_DOCUMENT_BYTES + 256 * 1024,
        schema: {
          operationId: 'addMemberPermit',
          tags: ['registry'],
          summary:
            'Record a permit or certificate (multipart: kind, number, issuedOn, expiresOn, document = PDF/JPEG/PNG ≤ 5 MB)',
          consumes: ['multipart/form-data'],
          params: umkmParam,
          response: { 201: PermitOut },
        },
      },
      async (req, reply) => {
        // Scope first: a member outside it is "not found" before anything is read or stored.
        await listPermits(db, req.actor, req.params.umkmId);
        const form = await readPermitForm(req);
        const out = await addPermit(
          db,
          req.actor,
          acting(req, registryPolicy.managesPermits).role,
          req.id,
          req.params.umkmId,
          form,
        );
        return reply.code(201).send(out);
      },
    );

    app.get(
      '/api/registry/permits/:permitId/document',
      {
        config: { access: 'authenticated' },
        schema: {
          operationId: 'downloadPermitDocument',
          tags: ['registry'],
          summary: "A permit's uploaded document (within the caller's scope)",
          params: z.strictObject({ permitId: bigintIdParam() }),
        },
      },
      async (req, reply) => {
        const p = await permitDocument(db, req.actor, req.params.permitId);
        const buf = await readDocument(p.document_path);
        if (!buf)
          throw new AppError(404, 'not_found', {
            id: 'Berkas dokumen tidak ada di penyimpanan.',
            en: 'The document file is missing from storage.',
          });
        await audit(db, auditActor(req.actor, null, req.id), {
          action: 'permit.document_view',
          entityType: 'permit',
          entityId: p.id,
          umkmId: p.umkm_id,
        });
        const ext = p.document_mime === 'application/pdf' ? 'pdf' : p.document_mime === 'image/png' ? 'png' : 'jpg';
        return reply
          .type(p.document_mime)
          .header('content-disposition', `attachment; filename="izin-${p.kind}-${p.id}.${ext}"`)
          .header('cache-control', 'private, no-store')
          .send(buf);
      },
    );

    app.get(
      '/api/registry/permits/expiring',
      {
        config: { access: registryPolicy.watchesPermitExpiry },
        schema: {
          operationId: 'listExpiringPermits',
          tags: ['registry'],
          summary: 'Permits expiring within N days (default 30) or expired: the owner’s warnings, the kecamatan queue',
          querystring: z.strictObject({
            days: z.coerce.number().int().min(1).max(365).optional(),
            includeExpired: z.enum(['true', 'false']).optional(),
          }),
          response: {
            200: z.object({
              today: z.string(),
              days: z.number(),
              counts: z.object({ expiring: z.number(), expired: z.number() }),
              items: z.array(PermitOut.extend({ umkmName: z.string(), village: z.string() })),
            }),
          },
        },
      },
      async (req) => expiringPermits(db, req.actor, req.query.days, req.query.includeExpired !== 'false'),
    );
  });
};

export { KIND_LABELS };
