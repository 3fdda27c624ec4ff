import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from './db/types.ts';
import { AppError } from './http/problem.ts';

export interface Outcome<T> {
  status: number;
  body: T;
}

/**
 * Runs a state change once per `Idempotency-Key`. The key is claimed inside the change's own transaction, so a
 * concurrent retry waits for the first attempt and then gets its stored answer; a retry after a failure (rolled
 * back, so no key was kept) does the work afresh. The same key with a different request is refused.
 */
export async function idempotent<T>(
  db: Db,
  req: FastifyRequest,
  run: (tx: Tx) => Promise<Outcome<T>>,
): Promise<Outcome<T> & { replayed: boolean }> {
  const header = req.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) return { ...(await db.transaction(run)), replayed: false };
  if (!/^[\x21-\x7e]{1,200}$/.test(key))
    throw new AppError(
      400,
      'idempotency_key_invalid',
      {
        id: 'Idempotency-Key tidak valid (1–200 karakter ASCII).',
        en: 'Invalid Idempotency-Key (1–200 ASCII characters).',
      },
      [
        {
          field: 'header.idempotency-key',
          code: 'invalid_format',
          message: { id: 'Format tidak sesuai.', en: 'Invalid format.' },
        },
      ],
    );
  const accountId = req.actor.kind === 'account' ? req.actor.accountId : 0;
  const path = req.routeOptions.url ?? req.url;
  const requestHash = crypto
    .createHash('sha256')
    .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
    .digest();
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `insert into idempotency_key (account_id, key, method, path, request_hash, status, response)
       values ($1, $2, $3, $4, $5, 0, 'null') on conflict do nothing returning 1`,
      [accountId, key, req.method, path, requestHash],
    );
    if (!claimed.length) {
      const [prev] = await tx.query<{ request_hash: Buffer; status: number; response: T }>(
        'select request_hash, status, response from idempotency_key where account_id = $1 and key = $2',
        [accountId, key],
      );
      if (!prev || !Buffer.from(prev.request_hash).equals(requestHash))
        throw new AppError(422, 'idempotency_key_reused', {
          id: 'Idempotency-Key ini sudah dipakai untuk permintaan lain.',
          en: 'This Idempotency-Key was used for a different request.',
        });
      return { status: prev.status, body: prev.response, replayed: true };
    }
    const outcome = await run(tx);
    await tx.query('update idempotency_key set status = $3, response = $4 where account_id = $1 and key = $2', [
      accountId,
      key,
      outcome.status,
      JSON.stringify(outcome.body),
    ]);
    return { ...outcome, replayed: false };
  });
}
