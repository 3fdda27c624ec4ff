// Every route in the server's own route table, for every role, against resources in someone else's scope.
// A new route is covered automatically; one with a path parameter this file does not know fails until the
// parameter gets a fixture in test/support/route-worlds.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../test/support/db.ts';
import { cookieFor, makeRouteWorlds, type RouteWorld, type RouteWorlds, urlFor } from '../../test/support/route-worlds.ts';
import { ROLE_NAMES, ROLES, type Role } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db/types.ts';
import type { App, RouteInfo } from '../platform/http/server.ts';

let app: App;
let db: Db;
let worlds: RouteWorlds;
let mine: RouteWorld;
let theirs: RouteWorld;

/** Bodies that point into the other world, for operations whose target is in the body. */
const FOREIGN_BODIES: Record<string, (w: RouteWorld) => unknown> = {
  'POST /api/access/assisted-resets': (w) => ({ umkmId: w.umkmId }),
  'POST /api/curation/calls/:callId/submissions': (w) => ({ productId: w.productId }),
  'POST /api/curation/submissions/:submissionId/verify': () => ({ decision: 'verify' }),
  'POST /api/curation/submissions/:submissionId/validate': () => ({ decision: 'validate' }),
  'POST /api/curation/submissions/:submissionId/resubmit': () => ({}),
  // Valid bodies, so that only the scope can refuse them.
  'POST /api/catalog/members/:umkmId/products': () => ({ name: 'Tas Uji', categoryCode: 'tas-alas-kaki', price: 50000, unit: 'pcs' }),
  'POST /api/catalog/manage/products/:productId/status': () => ({ status: 'draft' }),
  'PUT /api/catalog/manage/products/:productId/photos/order': (w) => ({ photoIds: [w.photoId] }),
};

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  worlds = await makeRouteWorlds(db);
  ({ mine, theirs } = worlds);
});

async function call(r: RouteInfo, role: Role | 'anonymous', w: RouteWorld = theirs) {
  const cookie = await cookieFor(db, worlds, role);
  const body = FOREIGN_BODIES[`${r.method} ${r.url}`]?.(w) ?? (r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
  try {
    return await app.inject({ method: r.method as 'GET', url: urlFor(r, w), headers: cookie ? { cookie } : {}, ...(body === undefined ? {} : { payload: body as object }) });
  } catch (e) {
    // A response that breaks off is a server failure of that route: report it with the others.
    return { statusCode: 599, body: `${r.method} ${r.url}: ${String(e)}`, json: () => ({}) };
  }
}

/** Who may see a NIK in clear: the roles that check KTPs, and the owner themself. */
const seesNikOf = (role: Role, w: RouteWorld) => ['platform_admin', 'pendamping', 'kasatpel'].includes(role) || (role === 'umkm_owner' && w === mine);

const allowed = (r: RouteInfo, role: Role) => r.access === 'public' || r.access === 'authenticated' || r.access.includes(role);
const provinceWide = (role: Role) => ['province', 'none'].includes(ROLES[role].scope);

// Every route × every role: ~2,000 requests per test, which take minutes on a loaded 2-core machine.
describe('authorisation on every route, for every role', { timeout: 180_000 }, () => {
  it('covers a real route table', () => {
    expect(app.routeTable.length).toBeGreaterThan(10);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    for (const r of app.routeTable.filter((x) => x.access !== 'public')) {
      const res = await call(r, 'anonymous');
      expect([401], `${r.method} ${r.url}`).toContain(res.statusCode);
    }
  });

  it('refuses roles a route does not name, and confines allowed roles to their own scope', async () => {
    const failures: string[] = [];
    for (const r of app.routeTable) {
      const foreignTarget = /:\w+/.test(r.url) || `${r.method} ${r.url}` in FOREIGN_BODIES;
      for (const role of ROLE_NAMES) {
        const res = await call(r, role);
        const where = `${r.method} ${r.url} as ${role} → ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${where} (server error)`);
        else if (!allowed(r, role)) {
          if (res.statusCode !== 403) failures.push(`${where} (expected 403)`);
        } else if ([401, 403].includes(res.statusCode) && r.access !== 'public') failures.push(`${where} (role is allowed)`);
        else if (foreignTarget && !provinceWide(role) && r.access !== 'public' && res.statusCode < 400) failures.push(`${where} (reached another scope)`);
        if (!provinceWide(role) && res.body.includes(theirs.ownerName)) failures.push(`${where} (leaked another scope's data)`);
        if (res.body.includes(theirs.nik) && role !== 'platform_admin') failures.push(`${where} (NIK of another scope in clear)`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never answers a NIK in clear to a role that may not see it, even within its own scope', async () => {
    const failures: string[] = [];
    for (const r of app.routeTable.filter((x) => x.method === 'GET')) {
      for (const role of ROLE_NAMES) {
        const res = await call(r, role, mine);
        if (res.body.includes(mine.nik) && !seesNikOf(role, mine)) failures.push(`${r.method} ${r.url} as ${role}`);
      }
    }
    expect(failures).toEqual([]);
    // …and the route that does show it is really reached by those who may (so this test can fail).
    const shown = await call({ method: 'GET', url: '/api/registry/members/:umkmId/nik', access: 'authenticated' }, 'pendamping', mine);
    expect(shown.json().nik).toBe(mine.nik);
  });
});
