import type { FastifyRequest } from 'fastify';
import { type FieldError, validationFailed } from './problem.ts';

// PostgreSQL refuses U+0000 in text (22021) and a lone surrogate cannot be written as UTF-8 at all (jsonb
// refuses its \ud800 escape, 22P05). No field of ours has a use for either, so they are refused for every route
// at once, before any schema or use case sees them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL byte is the point
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MESSAGES = {
  nul_character: {
    id: 'Teks tidak boleh memuat karakter NUL (U+0000).',
    en: 'Text must not contain the NUL character (U+0000).',
  },
  lone_surrogate: {
    id: 'Teks memuat karakter Unicode yang rusak (surrogate tanpa pasangan).',
    en: 'Text contains a broken Unicode character (an unpaired surrogate).',
  },
};
const MAX_ERRORS = 20;

function textError(s: string, field: string): FieldError | undefined {
  const code = NUL.test(s) ? 'nul_character' : LONE_SURROGATE.test(s) ? 'lone_surrogate' : undefined;
  return code && { field, code, message: MESSAGES[code] };
}

/** The strings in a parsed value (keys included) that PostgreSQL cannot store, with the field each sits in. */
export function hostileText(value: unknown, where: string): FieldError[] {
  const out: FieldError[] = [];
  // An explicit stack, not recursion: a body may nest thousands of levels deep.
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length && out.length < MAX_ERRORS) {
    const [v, field] = stack.pop()!;
    if (typeof v === 'string') {
      const e = textError(v, field);
      if (e) out.push(e);
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) stack.push([x, `${field}.${i}`]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, x] of Object.entries(v)) {
        const e = textError(k, `${field}.${k}`);
        if (e) out.push(e);
        stack.push([x, `${field}.${k}`]);
      }
    }
  }
  return out;
}

/** preValidation hook: the path, query and body of every request, refused as a 400 naming each bad field. */
export async function refuseHostileText(req: FastifyRequest) {
  const fields = [
    ...hostileText(req.params, 'params'),
    ...hostileText(req.query, 'querystring'),
    ...hostileText(req.body, 'body'),
  ];
  if (fields.length) throw validationFailed(fields.slice(0, MAX_ERRORS));
}
