// Uploads: multipart parsing for the routes that take a file, and one reader for "a few text fields and at most
// one file", with the same problems (415, 413, 400) wherever a file is uploaded.
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, type Bilingual, validationFailed } from './problem.ts';
import type { App } from './server.ts';

/**
 * Registers `routes` in an encapsulated child that parses multipart, so no other context's parsing changes (and
 * a context that registers the plugin itself does not clash with this one).
 */
export async function multipartRoutes(root: App, routes: (app: App) => void | Promise<void>): Promise<void> {
  await root.register(async (child) => {
    const app = child as unknown as App;
    if (!app.hasRequestDecorator('isMultipart')) await app.register(multipart);
    await routes(app);
  });
}

export interface UploadSpec<T> {
  /** The one file field, e.g. `photo`: a file in any other field is refused. */
  file: string;
  maxBytes: number;
  /** How many text fields, and how long each, the form may have. */
  fields: { count: number; size: number };
  /** The 415 message when the body is not multipart. */
  notMultipart: Bilingual;
  /** The message on a file sent in another field. */
  wrongField: Bilingual;
  /** The 413 problem's code and message, and the message next to the field. */
  tooLarge: { code: string; message: Bilingual; field: Bilingual };
  /** Checks the file as soon as it is read (a problem thrown here is the answer) and makes what the route keeps. */
  accept: (buf: Buffer) => T;
}

/** The form's non-empty text fields and its file (after `accept`), if one was sent. */
export async function readUpload<T>(
  req: FastifyRequest,
  spec: UploadSpec<T>,
): Promise<{ fields: Record<string, string>; file: T | undefined }> {
  if (!req.isMultipart()) throw new AppError(415, 'multipart_required', spec.notMultipart);
  const fields: Record<string, string> = {};
  let file: T | undefined;
  try {
    for await (const part of req.parts({
      limits: { fileSize: spec.maxBytes, files: 1, fields: spec.fields.count, fieldSize: spec.fields.size },
    })) {
      if (part.type === 'file') {
        if (part.fieldname !== spec.file) {
          await part.toBuffer().catch(() => undefined);
          throw validationFailed([
            { field: `body.${part.fieldname}`, code: 'unknown_field', message: spec.wrongField },
          ]);
        }
        file = spec.accept(await part.toBuffer());
      } else if (typeof part.value === 'string' && part.value !== '') fields[part.fieldname] = part.value;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, spec.tooLarge.code, spec.tooLarge.message, [
        { field: `body.${spec.file}`, code: 'too_large', message: spec.tooLarge.field },
      ]);
    throw new AppError(400, 'multipart_invalid', {
      id: 'Formulir tidak dapat dibaca.',
      en: 'The form cannot be read.',
    });
  }
  return { fields, file };
}
