// Zod schemas of the QRIS decoder endpoint (POST /api/qris/decode); the web app imports its types from here.
import { z } from 'zod';
import { QRIS_ERROR_CODES } from './errors.ts';

export type { QrisDecoded, QrisFields } from './decode-qris.ts';
export type { QrisError, QrisErrorCode } from './errors.ts';

/** Longer than any QRIS payload (a QR code of version 40 at level M holds 2,331 characters; real QRIS are < 300). */
export const MAX_PAYLOAD = 512;

export const DecodeBody = z.strictObject({
  payload: z.string().max(MAX_PAYLOAD).describe('the text a QRIS code carries, as scanned'),
});

const Bi = z.object({ id: z.string(), en: z.string() });

export const DecodeOut = z.object({
  crcValid: z.boolean().describe('tag 63 is last and equals the CRC-16/CCITT-FALSE of the payload up to "6304"'),
  errors: z.array(
    z.object({
      code: z.enum(QRIS_ERROR_CODES),
      tag: z.string().nullable().describe('"54", or "51.02" inside a template; null for the whole payload'),
      message: Bi,
    }),
  ),
  amount: z.number().nullable().describe('tag 54 in rupiah, null when absent or malformed'),
  fields: z
    .record(z.string(), z.union([z.string(), z.record(z.string(), z.string())]))
    .describe('top-level tags; templates (26–51, 62, 64, 80–99) as objects keyed by sub-tag'),
});
