// Every route in the server's own route table, for every role, against resources in someone else's scope.
// A new route is covered automatically; one with a path parameter test/support/route-authorisation.ts does not know
// fails until the parameter gets a foreign fixture there.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteWorld as World } from '../../test/support/route-worlds.ts';
import {
  allowed,
  call,
  FOREIGN_BODIES,
  provinceWide,
  routeWorlds,
  setUpRouteWorlds,
} from '../../test/support/route-authorisation.ts';
import { ROLE_NAMES } from '../platform/auth/roles.ts';
import type { App } from '../platform/http/server.ts';

let app: App;
let theirs: World;

beforeAll(async () => {
  await setUpRouteWorlds();
  ({ app, theirs } = routeWorlds());
});

// Every route × every role: ~2,000 requests per test, which take minutes on a loaded 2-core machine.
describe('authorisation on every route, for every role', { timeout: 180_000 }, () => {
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
        } else if ([401, 403].includes(res.statusCode) && r.access !== 'public')
          failures.push(`${where} (role is allowed)`);
        // Another scope's object is refused as forbidden or not found, nothing else: any other answer either reached
        // it or stopped earlier (validation, a conflict), before the scope was ever checked.
        else if (foreignTarget && !provinceWide(role) && r.access !== 'public' && ![403, 404].includes(res.statusCode))
          failures.push(
            `${where} (expected 403/404: ${res.statusCode < 400 ? 'reached another scope' : 'refused before the scope check'})`,
          );
        if (!provinceWide(role) && res.body.includes(theirs.ownerName))
          failures.push(`${where} (leaked another scope's data)`);
        if (res.body.includes(theirs.nik) && role !== 'platform_admin')
          failures.push(`${where} (NIK of another scope in clear)`);
      }
    }
    expect(failures).toEqual([]);
  });
});
