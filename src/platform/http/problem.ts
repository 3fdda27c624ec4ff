import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { problemFromDatabase } from '../db/errors.ts';
import type { ErrorCode } from './error-codes.ts';

/** A message in both languages of the product: Indonesian first. */
export interface Bilingual {
  id: string;
  en: string;
}

export interface FieldError {
  field: string;
  code: string;
  message: Bilingual;
}

/**
 * An error a user can act on. It becomes an `application/problem+json` response (RFC 9457) with a stable `code`
 * the web app maps to its own translated text, the offending fields, and a message in Indonesian and English.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    /** One of ERROR_CODES (error-codes.ts; error-codes.test.ts checks every code the source throws). */
    readonly code: ErrorCode | (string & {}),
    readonly bilingual: Bilingual,
    readonly fields: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(bilingual.en);
  }
}

const INVALID: Bilingual = { id: 'Isian tidak valid.', en: 'The request is invalid.' };

/** A request refused for its fields (400 `validation_failed`), each named with its own code and message. */
export const validationFailed = (fields: FieldError[], message: Bilingual = INVALID) =>
  new AppError(400, 'validation_failed', message, fields);

/** One field error: where, which code, and the sentence in both languages. */
export const fieldError = (field: string, code: string, id: string, en: string): FieldError => ({
  field,
  code,
  message: { id, en },
});

export const notFound = (what: Bilingual = { id: 'Data tidak ditemukan.', en: 'Not found.' }) =>
  new AppError(404, 'not_found', what);

export function sendProblem(reply: FastifyReply, req: FastifyRequest, err: AppError): FastifyReply {
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  return reply
    .code(err.status)
    .type('application/problem+json')
    .send({
      type: `/problems/${err.code}`,
      title: err.bilingual.en,
      status: err.status,
      code: err.code,
      detail: err.bilingual.en,
      message: err.bilingual,
      errors: err.fields,
      requestId: req.id,
    });
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  keys?: string[];
  format?: string;
  values?: unknown[];
  params?: Partial<Bilingual>; // a refinement's own sentence in both languages (see platform/http/input.ts)
}

/** Zod issues become field errors with an Indonesian sentence next to the English one. */
export function fieldErrorsFromZod(issues: ZodIssueLike[], where: string): FieldError[] {
  const out: FieldError[] = [];
  for (const i of issues) {
    const base = [where, ...i.path.map(String)].join('.');
    if (i.code === 'unrecognized_keys' && i.keys) {
      for (const k of i.keys)
        out.push({
          field: `${base}.${k}`,
          code: 'unknown_field',
          message: { id: 'Kolom ini tidak dikenal.', en: 'Unknown field.' },
        });
      continue;
    }
    out.push({ field: base, code: i.code, message: translateIssue(i) });
  }
  return out;
}

function translateIssue(i: ZodIssueLike): Bilingual {
  switch (i.code) {
    case 'invalid_type':
      return i.message.includes('received undefined')
        ? { id: 'Wajib diisi.', en: 'Required.' }
        : {
            id: `Jenis nilai salah (seharusnya ${i.expected ?? 'lain'}).`,
            en: `Wrong type (expected ${i.expected ?? 'another'}).`,
          };
    case 'too_big':
      return {
        id: `Terlalu besar atau terlalu panjang (maksimal ${String(i.maximum)}).`,
        en: `Too big or too long (maximum ${String(i.maximum)}).`,
      };
    case 'too_small':
      return {
        id: `Terlalu kecil atau terlalu pendek (minimal ${String(i.minimum)}).`,
        en: `Too small or too short (minimum ${String(i.minimum)}).`,
      };
    case 'invalid_format':
      return { id: `Format tidak sesuai (${i.format ?? 'pola'}).`, en: `Invalid format (${i.format ?? 'pattern'}).` };
    case 'invalid_value':
      return {
        id: `Nilai tidak diizinkan; pilih salah satu: ${(i.values ?? []).join(', ')}.`,
        en: `Value not allowed; choose one of: ${(i.values ?? []).join(', ')}.`,
      };
    case 'custom':
      if (i.params?.id && i.params.en) return { id: i.params.id, en: i.params.en };
      return { id: `Nilai tidak valid: ${i.message}`, en: `Invalid value: ${i.message}` };
    default:
      return { id: `Nilai tidak valid: ${i.message}`, en: `Invalid value: ${i.message}` };
  }
}

const FRAMEWORK_ERRORS: Record<string, Bilingual> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    id: 'Badan permintaan bukan JSON yang sah.',
    en: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { id: 'Badan permintaan JSON kosong.', en: 'The JSON request body is empty.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { id: 'Badan permintaan terlalu besar.', en: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    id: 'Jenis konten tidak didukung; kirim application/json.',
    en: 'Unsupported content type; send application/json.',
  },
  FST_ERR_BAD_URL: {
    id: 'Alamat memuat karakter yang tidak sah.',
    en: 'The address contains characters that are not valid.',
  },
  FST_ERR_MAX_PARAM_LENGTH: { id: 'Bagian alamat terlalu panjang.', en: 'A part of the address is too long.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    id: 'Panjang konten tidak sesuai.',
    en: 'Content length does not match the body.',
  },
};

/** A request that fails its route's Zod schema, as the problem it becomes: 400 with a field error per issue. */
export function validationProblem(err: FastifyError): AppError | undefined {
  if (!hasZodFastifySchemaValidationErrors(err)) return undefined;
  const where = err.validationContext ?? 'body';
  const issues = err.validation.map((v) => ({
    ...(v.params as object),
    code: v.keyword,
    message: v.message ?? '',
    path: v.instancePath.split('/').filter(Boolean),
  })) as ZodIssueLike[];
  return validationFailed(fieldErrorsFromZod(issues, where));
}

/** One error handler for the whole API: a user error is a 4xx problem, anything else a logged 500 without details. */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendProblem(reply, req, err);
  const invalid = validationProblem(err);
  if (invalid) return sendProblem(reply, req, invalid);
  const refused = problemFromDatabase(err);
  if (refused) {
    req.log.warn({ err }, 'the database refused the request');
    return sendProblem(reply, req, refused);
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err }, 'response does not match its schema');
    return sendProblem(
      reply,
      req,
      new AppError(500, 'internal_error', { id: 'Terjadi kesalahan pada server.', en: 'Internal server error.' }),
    );
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = (err.code && FRAMEWORK_ERRORS[err.code]) || {
      id: 'Permintaan tidak dapat diproses.',
      en: err.message || 'The request cannot be processed.',
    };
    return sendProblem(reply, req, new AppError(status, (err.code ?? 'bad_request').toLowerCase(), known));
  }
  req.log.error({ err }, 'unhandled error');
  return sendProblem(
    reply,
    req,
    new AppError(500, 'internal_error', { id: 'Terjadi kesalahan pada server.', en: 'Internal server error.' }),
  );
}
