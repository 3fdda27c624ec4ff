// No route answers a NIK in clear to a role that may not see it, even within its own scope.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteWorld as World } from '../../test/support/route-worlds.ts';
import { call, routeWorlds, seesNikOf, setUpRouteWorlds } from '../../test/support/route-authorisation.ts';
import { ROLE_NAMES } from '../platform/auth/roles.ts';
import type { App } from '../platform/http/server.ts';

let app: App;
let mine: World;

beforeAll(async () => {
  await setUpRouteWorlds();
  ({ app, mine } = routeWorlds());
});

// Every route × every role: ~2,000 requests per test, which take minutes on a loaded 2-core machine.
describe('authorisation on every route, for every role', { timeout: 180_000 }, () => {
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
    const shown = await call(
      { method: 'GET', url: '/api/registry/members/:umkmId/nik', access: 'authenticated' },
      'pendamping',
      mine,
    );
    expect(shown.json().nik).toBe(mine.nik);
  });
});
