// Agencies: the bureau keeps units, officials (linked by email, with a role grant scoped to the agency), budgets
// and payment settings; officials see their own agency and find it under "mine"; other agencies are not found.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../../test/support/factories.ts';
import { sessionCookie } from '../../../test/support/http.ts';
import { createSession } from '../../platform/auth/session.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { cookieAs, kit, newAgency } from './plans-test-kit.ts';

let db: Db;
let app: App;
let bureau: string;

beforeAll(async () => {
  ({ db, app } = await kit());
  bureau = await cookieAs(db, 'bppbj_analyst');
});

const json = (cookie: string, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) =>
  app.inject({ method, url, headers: { cookie }, payload });

describe('agencies', () => {
  it('creates an agency with units, an official, a budget and payment settings', async () => {
    const code = `DKI-${Date.now()}`;
    const created = await json(bureau, 'POST', '/api/procurement/agencies', {
      code,
      name: 'Dinas Pendidikan Uji',
      kind: 'opd',
      regionCode: '3174',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({
      regionName: expect.stringContaining('Jakarta Selatan'),
      effectiveSlaDays: 30,
    });
    expect(
      (await json(bureau, 'POST', '/api/procurement/agencies', { code, name: 'Lagi', kind: 'opd' })).json().code,
    ).toBe('agency_code_taken');

    const unit = await json(bureau, 'POST', `/api/procurement/agencies/${id}/units`, {
      code: 'SUDIN-JS',
      name: 'Sudin Jakarta Selatan',
    });
    expect(unit.statusCode).toBe(201);
    const unitId = unit.json().unitList[0].id as number;
    const renamed = await json(bureau, 'PATCH', `/api/procurement/agencies/${id}/units/${unitId}`, {
      name: 'Suku Dinas JS',
    });
    expect(renamed.json().unitList[0].name).toBe('Suku Dinas JS');

    const person = await makeAccount(db);
    const linked = await json(bureau, 'PUT', `/api/procurement/agencies/${id}/officials`, {
      email: person.email.toUpperCase(),
      role: 'pejabat_pengadaan',
      name: 'Budi Santoso, S.E.',
      nip: '198501012010011001',
      unitId,
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().officialList).toEqual([
      expect.objectContaining({ accountId: person.id, role: 'pejabat_pengadaan', name: 'Budi Santoso, S.E.', unitId }),
    ]);
    const grants = await db.query('select role, scope_kind, scope_id from role_grant where account_id = $1', [
      person.id,
    ]);
    expect(grants).toEqual([{ role: 'pejabat_pengadaan', scope_kind: 'agency', scope_id: String(id) }]);

    const nobody = await json(bureau, 'PUT', `/api/procurement/agencies/${id}/officials`, {
      email: 'tidak-ada@contoh.id',
      role: 'ppk',
      name: 'Siapa',
    });
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().errors[0].field).toBe('body.email');

    const budget = await json(bureau, 'PUT', `/api/procurement/agencies/${id}/budget`, {
      year: 2026,
      goodsServicesBudget: 125_000_000_000,
    });
    expect(budget.json().budgets).toEqual([{ year: 2026, goodsServicesBudget: 125_000_000_000 }]);
    const settings = await json(bureau, 'PATCH', `/api/procurement/agencies/${id}`, {
      paymentSlaDays: 14,
      paymentDaysBasis: 'working',
    });
    expect(settings.json()).toMatchObject({ paymentSlaDays: 14, paymentDaysBasis: 'working', effectiveSlaDays: 14 });

    // The linked official now sees the agency as its own.
    const officialCookie = `pl_session=${(await db.transaction((tx) => createSession(tx, person.id))).token}`;
    const mine = await app.inject({
      method: 'GET',
      url: '/api/procurement/agencies/mine',
      headers: { cookie: officialCookie },
    });
    expect(mine.json().items).toEqual([expect.objectContaining({ id, roles: ['pejabat_pengadaan'] })]);
  });

  it('lets an official read its own agency only; other roles may not change agencies', async () => {
    const mineA = await newAgency(db);
    const other = await newAgency(db);
    const ppk = await cookieAs(db, 'ppk', mineA.id);
    expect(
      (await app.inject({ method: 'GET', url: `/api/procurement/agencies/${mineA.id}`, headers: { cookie: ppk } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: `/api/procurement/agencies/${other.id}`, headers: { cookie: ppk } }))
        .statusCode,
    ).toBe(404);
    const list = await app.inject({ method: 'GET', url: '/api/procurement/agencies', headers: { cookie: ppk } });
    expect(list.json().items.map((x: { id: number }) => x.id)).toEqual([mineA.id]);
    const refused = await json(ppk, 'PUT', `/api/procurement/agencies/${mineA.id}/budget`, {
      year: 2026,
      goodsServicesBudget: 1,
    });
    expect(refused.statusCode).toBe(403);
    const stranger = await sessionCookie(db, []);
    const none = await app.inject({
      method: 'GET',
      url: '/api/procurement/agencies/mine',
      headers: { cookie: stranger },
    });
    expect(none.json().items).toEqual([]);
  });
});
