// A sweep of hostile bodies over every POST/PUT/PATCH operation in the OpenAPI document, anonymous and logged in
// as every role: nothing may answer 5xx.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { makeAccount, makeWorld, scopeIn } from '../../../test/support/factories.ts';
import { ROLE_NAMES, ROLES, type Role } from '../auth/roles.ts';
import { createSession } from '../auth/session.ts';
import type { Db } from '../db/types.ts';
import type { App } from './server.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

let app: App;
let db: Db;
const accounts = new Map<Role, number>();
let ops: { method: string; path: string; schema?: JsonSchema }[] = [];

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  const world = await makeWorld(db, '3173');
  for (const role of ROLE_NAMES) accounts.set(role, (await makeAccount(db, [{ role, scopeId: scopeIn(world, role) }], { totp: ROLES[role].totp })).id);
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  ops = Object.entries(doc.paths as Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => ['post', 'put', 'patch'].includes(m))
      .map(([m, op]) => ({ method: m.toUpperCase(), path: path.replace(/\{\w+\}/g, '1'), schema: op.requestBody?.content?.['application/json']?.schema })),
  );
});

const LONG = 'x'.repeat(20_000);
const WRONG: unknown[] = [null, 12345678901234567890, -1, 1e308, true, [], {}, 'teks', LONG, '\u0000', '😀'.repeat(500), { $gt: '' }];

/** Raw payloads with the content type they are sent as. */
function variants(schema?: JsonSchema): { payload: string; type?: string }[] {
  const json = (v: unknown) => ({ payload: JSON.stringify(v), type: 'application/json' });
  const out = [
    { payload: '{bad json', type: 'application/json' },
    { payload: '', type: 'application/json' },
    json([]),
    json('teks'),
    json(42),
    json(null),
    json({}),
    json({ tidak_dikenal: 1 }),
    { payload: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}', type: 'application/json' },
    { payload: `${'['.repeat(5000)}${']'.repeat(5000)}`, type: 'application/json' },
    json({ besar: 'x'.repeat(2 * 1024 * 1024) }),
    { payload: 'login=a&password=b', type: 'application/x-www-form-urlencoded' },
    { payload: 'halo', type: 'text/plain' },
    { payload: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--', type: 'multipart/form-data; boundary=b' },
    { payload: '{"a":1}' },
  ];
  for (const [name] of Object.entries(schema?.properties ?? {})) {
    for (const bad of WRONG) out.push(json({ ...filled(schema), [name]: bad }));
  }
  return out;
}

/** A body with every property present and plausible, so one bad field at a time reaches deep validation. */
function filled(schema?: JsonSchema): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(schema?.properties ?? {})) {
    const t = Array.isArray(s.type) ? s.type[0] : s.type;
    body[name] = t === 'integer' || t === 'number' ? 1 : t === 'boolean' ? true : t === 'array' ? [] : t === 'object' ? {} : name === 'login' ? 'uji@test.pasarlokal.id' : '123456';
  }
  return body;
}

describe('hostile bodies', () => {
  it('never get a 5xx, anonymous or as any role', async () => {
    expect(ops.length).toBeGreaterThan(5);
    const failures: string[] = [];
    for (const actor of ['anonymous', ...ROLE_NAMES] as const) {
      for (const op of ops) {
        let cookie: string | undefined;
        for (const v of variants(op.schema)) {
          // A session per actor and operation, renewed after a success (a hostile body may well be a logout).
          if (actor !== 'anonymous' && !cookie) cookie = `pl_session=${(await db.transaction((tx) => createSession(tx, accounts.get(actor)!))).token}`;
          const res = await app.inject({
            method: op.method as 'POST',
            url: op.path,
            payload: v.payload,
            headers: { ...(v.type ? { 'content-type': v.type } : {}), ...(cookie ? { cookie } : {}) },
            remoteAddress: `10.77.${ROLE_NAMES.indexOf(actor as Role) + 1}.${Math.floor(Math.random() * 250)}`,
          });
          if (res.statusCode < 300) cookie = undefined;
          if (res.statusCode >= 500) failures.push(`${op.method} ${op.path} as ${actor}: ${res.statusCode} for ${v.type} ${v.payload.slice(0, 80)}`);
          else if (res.statusCode >= 400 && !String(res.headers['content-type']).includes('application/problem+json'))
            failures.push(`${op.method} ${op.path} as ${actor}: ${res.statusCode} without problem+json`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 300_000);
});
