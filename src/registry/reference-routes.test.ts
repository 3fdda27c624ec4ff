import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../test/support/db.ts';
import type { App } from '../platform/http/server.ts';

let app: App;
let agency: { id: number; code: string; name: string };

beforeAll(async () => {
  const db = await testDb();
  app = await testApp();
  const code = `FA-REF-${crypto.randomBytes(4).toString('hex')}`;
  const [row] = await db.query<{ id: number }>(
    `insert into fostering_agency (code, name) values ($1, 'Dinas Uji Pengampu') returning id`,
    [code],
  );
  agency = { id: row!.id, code, name: 'Dinas Uji Pengampu' };
});

describe('fostering agencies for the registration form', () => {
  it('lists every pengampu to anyone, without logging in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/registry/fostering-agencies' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: number; code: string; name: string }[];
    expect(items).toContainEqual(agency);
  });
});
