import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/support/db.ts';
import { registerAuth } from './auth/plugin.ts';
import type { Db } from './db/types.ts';
import { handleError } from './http/problem.ts';
import { idempotent } from './idempotency.ts';

let db: Db;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDb();
  app = Fastify();
  app.setErrorHandler(handleError);
  await registerAuth(app, db);
  // A real route doing a real insert, the way every state-changing endpoint will use the helper.
  app.post('/probe', { config: { access: 'public' } }, async (req, reply) => {
    const out = await idempotent(db, req, async (tx) => {
      // A row of a table the migrations made (a probe table of its own would show up in the backup tests' copy).
      const [row] = await tx.query<{ key: string }>(
        `insert into setting (key, effective_from, value, source) values ('test.idempotency.' || gen_random_uuid(), '2000-01-01', '0', $1) returning key`,
        [(req.body as { label: string }).label],
      );
      return { status: 201, body: { id: row!.key } };
    });
    return reply.code(out.status).header('idempotent-replayed', String(out.replayed)).send(out.body);
  });
  await app.ready();
});
afterAll(() => app.close());

const post = (key: string | undefined, label: string) =>
  app.inject({ method: 'POST', url: '/probe', payload: { label }, headers: key ? { 'idempotency-key': key } : {} });

describe('Idempotency-Key', () => {
  it('answers a retry with the first response and does the work once', async () => {
    const key = `k-${Math.random()}`;
    const label = `once-${key}`;
    const [a, b] = await Promise.all([post(key, label), post(key, label)]);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(a.json()).toEqual(b.json());
    const c = await post(key, label);
    expect(c.json()).toEqual(a.json());
    expect(c.headers['idempotent-replayed']).toBe('true');
    const rows = await db.query('select 1 from setting where source = $1', [label]);
    expect(rows).toHaveLength(1);
  });

  it('refuses the same key for a different request', async () => {
    const key = `k-${Math.random()}`;
    expect((await post(key, 'first')).statusCode).toBe(201);
    const res = await post(key, 'second');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('idempotency_key_reused');
  });

  it('without a key, every request does the work', async () => {
    const label = `free-${Math.random()}`;
    await post(undefined, label);
    await post(undefined, label);
    expect(await db.query('select 1 from setting where source = $1', [label])).toHaveLength(2);
  });
});
