// A sweep of malformed bodies over every POST/PUT/PATCH operation in the OpenAPI document, anonymous and as a role
// the operation admits (in its own scope, so the body is what answers): nothing may answer 5xx. Hostile values in
// well-formed requests (NUL, lone surrogates, overflowing integers, impossible dates) are hostile-input.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { cookieFor, makeRouteWorlds, type RouteWorlds, urlFor } from '../../../test/support/route-worlds.ts';
import { ROLE_NAMES, type Role } from '../auth/roles.ts';
import type { Db } from '../db/types.ts';
import type { App, RouteInfo } from './server.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

let app: App;
let db: Db;
let worlds: RouteWorlds;
let ops: { route: RouteInfo; url: string; schema?: JsonSchema }[] = [];

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  worlds = await makeRouteWorlds(db);
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  ops = Object.entries(
    doc.paths as Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
    >,
  ).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => ['post', 'put', 'patch'].includes(m))
      .map(([m, op]) => {
        const route = app.routeTable.find(
          (r) => r.method === m.toUpperCase() && r.url === path.replace(/\{(\w+)\}/g, ':$1'),
        )!;
        return {
          route,
          url: urlFor(route, worlds.mine),
          schema: op.requestBody?.content?.['application/json']?.schema,
        };
      }),
  );
}, 300_000); // a fresh PGlite, migrated, and the route worlds: minutes on a loaded machine

const LONG = 'x'.repeat(20_000);
const WRONG: unknown[] = [
  null,
  // biome-ignore lint/correctness/noPrecisionLoss: a number beyond every integer column is the hostile input
  12345678901234567890,
  -1,
  1e308,
  true,
  [],
  {},
  'teks',
  LONG,
  '\u0000',
  '😀'.repeat(500),
  { $gt: '' },
];

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
    {
      payload: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--',
      type: 'multipart/form-data; boundary=b',
    },
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
    body[name] =
      t === 'integer' || t === 'number'
        ? 1
        : t === 'boolean'
          ? true
          : t === 'array'
            ? []
            : t === 'object'
              ? {}
              : name === 'login'
                ? 'uji@test.pasarlokal.id'
                : '123456';
  }
  return body;
}

/** Roles that may call a route; anonymous callers too where it is public. */
function callers(r: RouteInfo): Role[] {
  if (r.access === 'public' || r.access === 'authenticated') return [...ROLE_NAMES];
  return [...r.access];
}

describe('hostile bodies', () => {
  it('never get a 5xx, anonymous or as a role the operation admits', async () => {
    expect(ops.length).toBeGreaterThan(5);
    const failures: string[] = [];
    const uses = new Map<Role, number>();
    for (const op of ops) {
      // Anonymous, and the admitted role used least so far (so every role takes part across the sweep).
      const role = callers(op.route).reduce((a, b) => ((uses.get(b) ?? 0) < (uses.get(a) ?? 0) ? b : a));
      uses.set(role, (uses.get(role) ?? 0) + 1);
      for (const actor of ['anonymous', role] as const) {
        let cookie: string | undefined;
        for (const v of variants(op.schema)) {
          // A session per actor and operation, renewed after a success (a hostile body may well be a logout).
          if (actor !== 'anonymous' && !cookie) cookie = await cookieFor(db, worlds, actor);
          const where = `${op.route.method} ${op.route.url} as ${actor}`;
          try {
            const res = await app.inject({
              method: op.route.method as 'POST',
              url: op.url,
              payload: v.payload,
              headers: { ...(v.type ? { 'content-type': v.type } : {}), ...(cookie ? { cookie } : {}) },
              remoteAddress: `10.77.${ROLE_NAMES.indexOf(actor as Role) + 1}.${Math.floor(Math.random() * 250)}`,
            });
            if (res.statusCode < 300) cookie = undefined;
            if (res.statusCode >= 500)
              failures.push(`${where}: ${res.statusCode} for ${v.type} ${v.payload.slice(0, 80)}`);
            else if (res.statusCode >= 400 && !String(res.headers['content-type']).includes('application/problem+json'))
              failures.push(`${where}: ${res.statusCode} without problem+json`);
          } catch (e) {
            failures.push(`${where}: connection dropped for ${v.type} ${v.payload.slice(0, 80)} (${String(e)})`);
          }
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 180_000);
});
