// QRIS for everyone: a public decoder that reads any payload and says what is wrong with it. Harmless (it stores
// nothing, reads nothing), so it is public, with a small body limit and a rate limit per address.
import type { RoutePlugin } from '../http/server.ts';
import { TokenBuckets } from '../rate-limit.ts';
import { decodeQris } from './decode-qris.ts';
import { DecodeBody, DecodeOut } from './schema.ts';

export const qrisRoutes: RoutePlugin = (app) => {
  const buckets = new TokenBuckets(20, 60); // a person pastes a code now and then; a script looping on it is slowed

  app.post(
    '/api/qris/decode',
    {
      config: { access: 'public' },
      bodyLimit: 8 * 1024, // 512 characters, even written as \uXXXX escapes
      schema: {
        operationId: 'decodeQris',
        tags: ['qris'],
        summary: 'Decode and validate a QRIS payload: fields, CRC, amount and every structural error',
        body: DecodeBody,
        response: { 200: DecodeOut },
      },
    },
    async (req) => {
      buckets.take(req.ip);
      return decodeQris(req.body.payload);
    },
  );
};
