// Hostile values in every place the OpenAPI document says an operation takes input (path, query, JSON body):
// strings with NUL or a lone surrogate, integers past int4 and int8, impossible dates. Each operation is called
// by a role that may reach it, in that role's own scope (so validation, not authorisation, answers); nothing may
// answer 5xx or drop the connection.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { cookieFor, makeRouteWorlds, PATH_PARAMS, type RouteWorlds } from '../../../test/support/route-worlds.ts';
import { ROLE_NAMES, type Role } from '../auth/roles.ts';
import type { Db } from '../db/types.ts';
import type { App, RouteInfo } from './server.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
}
interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  method: string;
  path: string; // OpenAPI form: /a/{id}
  route: RouteInfo;
  parameters: Parameter[];
  body?: JsonSchema;
  hasBody: boolean;
}

let app: App;
let db: Db;
let worlds: RouteWorlds;
let ops: Operation[] = [];

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  worlds = await makeRouteWorlds(db);
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  type Op = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
  ops = Object.entries(doc.paths as Record<string, Record<string, Op>>).flatMap(([path, item]) =>
    Object.entries(item).map(([m, op]) => {
      const method = m.toUpperCase();
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      const route = app.routeTable.find((r) => r.method === method && r.url === url);
      if (!route) throw new Error(`${method} ${path} is in the OpenAPI document but not in the route table`);
      const content = op.requestBody?.content?.['application/json'];
      return { method, path, route, parameters: op.parameters ?? [], body: content?.schema, hasBody: !!content };
    }),
  );
}, 300_000); // a fresh PGlite, migrated, and the route worlds: minutes on a loaded machine

type Kind = 'string' | 'integer' | 'date' | 'datetime';
const first = (s: JsonSchema): JsonSchema => s.anyOf?.find((x) => x.type !== 'null') ?? s;
const typeOf = (s: JsonSchema) => [first(s).type].flat()[0];

function kindOf(schema: JsonSchema): Kind | undefined {
  const s = first(schema);
  const t = typeOf(s);
  if (t === 'integer' || t === 'number') return 'integer';
  if (t !== 'string' || s.enum) return undefined;
  if (s.format === 'date' || s.pattern?.startsWith('^\\d{4}-\\d{2}-\\d{2}$')) return 'date';
  if (s.pattern?.startsWith('^\\d{4}-\\d{2}-\\d{2}T')) return 'datetime';
  return 'string';
}

/** One hostile value of each flavour per kind: what a sloppy or malicious client sends. */
const HOSTILE: Record<Kind, unknown[]> = {
  string: ['a\u0000b', 'a\ud800b'],
  integer: [2147483648, 9223372036854775808n],
  date: ['2020-13-45', '2020-02-30'],
  datetime: ['2020-13-45T25:61', '2020-02-30T10:00'],
};
/** As they go into a URL: a bigint as its digits, a lone surrogate as the only way a URL can carry one (%ED%A0%80). */
const inUrl = (v: unknown) =>
  typeof v === 'string' ? v.split('\ud800').map(encodeURIComponent).join('%ED%A0%80') : String(v);
/** In a JSON body: a bigint as a bare JSON number too large for int8. */
const toJson = (body: unknown) =>
  JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? `@@${v}@@` : v)).replace(/"@@(\d+)@@"/g, '$1');

/** A plausible value for a schema, so that one hostile field at a time reaches the code past validation. */
function plausible(schema: JsonSchema, name: string): unknown {
  const s = first(schema);
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  const w = worlds.mine;
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return name === 'fosteringAgencyId'
        ? w.fosteringAgencyId
        : name === 'productId'
          ? w.productId
          : Math.max(s.minimum ?? 1, (s.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 0, 1) }, () => plausible(s.items ?? {}, name));
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, k)]));
    default: {
      const kind = kindOf(s);
      if (kind === 'date') return '2024-01-15';
      if (kind === 'datetime') return '2027-01-15T10:00';
      if (s.format === 'email' || name === 'login') return 'uji@test.pasarlokal.id';
      if (name === 'villageCode') return w.village;
      if (name === 'nik') return w.nik;
      const digits = s.pattern?.match(/^\^\\d\{(\d+)\}\$$/);
      if (digits) return '1'.repeat(Number(digits[1]));
      return 'Uji aman'.padEnd(s.minLength ?? 0, '.');
    }
  }
}

interface Variant {
  where: string;
  url: string;
  payload?: string;
}

/** Every input place of an operation with a hostile value, one place and one value at a time. */
function variants(op: Operation): Variant[] {
  const pathValue = (p: Parameter, v?: unknown) =>
    v === undefined ? encodeURIComponent(PATH_PARAMS[p.name]!(worlds.mine)) : inUrl(v);
  const url = (hostile?: { p: Parameter; v: unknown }) => {
    let u = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const p = op.parameters.find((x) => x.in === 'path' && x.name === name)!;
      return pathValue(p, hostile?.p === p ? hostile.v : undefined);
    });
    const query = op.parameters.filter((p) => p.in === 'query' && (p.required || hostile?.p === p));
    if (query.length)
      u += `?${query.map((p) => `${p.name}=${hostile?.p === p ? inUrl(hostile.v) : encodeURIComponent(String(plausible(p.schema, p.name)))}`).join('&')}`;
    return u;
  };
  const body = op.hasBody ? (op.body ? (plausible(op.body, '') as Record<string, unknown>) : {}) : undefined;
  const payload = body === undefined ? undefined : toJson(body);
  const out: Variant[] = [];
  for (const p of op.parameters) {
    const kind = kindOf(p.schema);
    if (kind)
      for (const v of HOSTILE[kind]) out.push({ where: `${p.in}.${p.name}=${inUrl(v)}`, url: url({ p, v }), payload });
  }
  // Each leaf of the body in turn (nested objects and array items included).
  const walk = (schema: JsonSchema, path: string[]) => {
    const s = first(schema);
    if (typeOf(s) === 'object') for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, [...path, k]);
    else if (typeOf(s) === 'array' && s.items) walk(s.items, [...path, '0']);
    else {
      const kind = kindOf(s);
      if (kind)
        for (const v of HOSTILE[kind]) {
          // A PATCH carries just the field (so the other fields' plausible values cannot mask it); others the whole body.
          const b = (op.method === 'PATCH' ? {} : structuredClone(body)) as Record<string, unknown>;
          let at: Record<string, unknown> = b;
          for (const [i, k] of path.slice(0, -1).entries()) {
            at[k] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
            at = at[k] as Record<string, unknown>;
          }
          at[path.at(-1)!] = v;
          out.push({ where: `body.${path.join('.')}=${JSON.stringify(String(v))}`, url: url(), payload: toJson(b) });
        }
    }
  };
  if (op.body) walk(op.body, []);
  return out;
}

/** Roles that may call a route; anonymous callers too where it is public. */
function callers(r: RouteInfo): (Role | 'anonymous')[] {
  if (r.access === 'public') return ['anonymous', ...ROLE_NAMES];
  if (r.access === 'authenticated') return [...ROLE_NAMES];
  return [...r.access];
}

describe('hostile input from the OpenAPI document', () => {
  it('never gets a 5xx or a dropped connection, on any operation', { timeout: 180_000 }, async () => {
    expect(ops.length).toBeGreaterThan(50);
    const failures: string[] = [];
    const uses = new Map<string, number>();
    let sent = 0;
    for (const op of ops) {
      // One role per operation: of those it admits, the one used least so far, so every role takes part.
      const allowed = callers(op.route);
      const role = allowed.reduce((a, b) => ((uses.get(b) ?? 0) < (uses.get(a) ?? 0) ? b : a));
      uses.set(role, (uses.get(role) ?? 0) + 1);
      for (const v of variants(op)) {
        const cookie = await cookieFor(db, worlds, role);
        const what = `${op.method} ${op.path} as ${role}, ${v.where}`;
        sent++;
        try {
          const res = await app.inject({
            method: op.method as 'GET',
            url: v.url,
            ...(v.payload === undefined ? {} : { payload: v.payload }),
            headers: {
              ...(v.payload === undefined ? {} : { 'content-type': 'application/json' }),
              ...(cookie ? { cookie } : {}),
            },
            remoteAddress: `10.78.${sent % 250}.${Math.floor(sent / 250) % 250}`,
          });
          if (res.statusCode >= 500) failures.push(`${what} → ${res.statusCode}`);
          else if (res.statusCode >= 400 && !String(res.headers['content-type']).includes('application/problem+json'))
            failures.push(`${what} → ${res.statusCode} without problem+json`);
        } catch (e) {
          failures.push(`${what} → connection dropped (${String(e)})`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(200);
    expect([...uses.keys()]).toEqual(expect.arrayContaining(['anonymous', ...ROLE_NAMES]));
  });
});
