// Every route in the server's own route table declares who may call it: public, authenticated, or a rule of a
// context policy.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/db.ts';
import { productPolicy } from '../catalog/products/policy.ts';
import { curationPolicy } from '../curation/policy.ts';
import { jblPolicy } from '../jbl/policy.ts';
import type { App } from '../platform/http/server.ts';
import { procurementPolicy } from '../procurement/policy.ts';
import { registryPolicy } from '../registry/policy.ts';
import { accessPolicy } from './policy.ts';

let app: App;

beforeAll(async () => {
  app = await testApp();
});

describe('authorisation on every route, for every role', () => {
  it('covers a real route table', () => {
    expect(app.routeTable.length).toBeGreaterThan(10);
  });

  it('declares access as public, authenticated or a rule of a context policy, never a role list of its own', () => {
    const rules: readonly unknown[] = [
      accessPolicy,
      registryPolicy,
      productPolicy,
      curationPolicy,
      procurementPolicy,
      jblPolicy,
    ].flatMap((p) => Object.values(p));
    const own = app.routeTable
      .filter((r) => typeof r.access !== 'string' && !rules.includes(r.access))
      .map((r) => `${r.method} ${r.url} ${JSON.stringify(r.access)}`);
    expect(own).toEqual([]);
  });
});
