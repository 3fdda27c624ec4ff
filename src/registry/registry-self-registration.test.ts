// An owner registers their own business: whose NIK it may be, and every wrong field named at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/support/factories.ts';
import { newNik, newPhone, registration, rk, session, setUpRegistry } from '../../test/support/registry.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';

let app: App;
let db: Db;

beforeAll(async () => {
  await setUpRegistry();
  ({ app, db } = rk);
});

describe('registration', () => {
  it('an owner registers their own business from their account and becomes its owner', async () => {
    const acc = await makeAccount(db, [{ role: 'public_buyer' }]);
    const cookie = await session(acc.id);
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie },
      payload: registration(newNik(), newPhone()),
    });
    expect(res.statusCode).toBe(201);
    const { umkmId } = res.json();
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
    expect(me.roles.map((r: { role: string }) => r.role)).toContain('umkm_owner');
    const member = (
      await app.inject({ method: 'GET', url: `/api/registry/members/${umkmId}`, headers: { cookie } })
    ).json();
    expect(member.owner.nikMasked).toMatch(/^3174\*{8}\d{4}$/);
    expect(member.sizeClass).toBe('micro');
    expect(member.kbliCodes).toEqual(['10710', '10792']);
    const [p1] = await db.query<{ stage: number }>('select stage from journey_stage where umkm_id = $1', [umkmId]);
    expect(p1?.stage).toBe(1);
    const again = await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie },
      payload: registration(newNik(), newPhone()),
    });
    expect(again.json().outcome).toBe('already_registered');
  });

  it('refuses someone else’s NIK on self-registration, pointing to the kecamatan desk', async () => {
    const nik = newNik();
    const first = await makeAccount(db, [{ role: 'public_buyer' }]);
    await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie: await session(first.id) },
      payload: registration(nik, newPhone()),
    });
    const intruder = await makeAccount(db, [{ role: 'public_buyer' }]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie: await session(intruder.id) },
      payload: registration(nik, newPhone()),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message.id).toMatch(/kecamatan/);
  });

  it('checks every field at once: NIK against the stated birth date, postal code against the kota, unknown KBLI', async () => {
    const acc = await makeAccount(db, [{ role: 'public_buyer' }]);
    const body = registration(newNik(), newPhone());
    const bad = {
      ...body,
      owner: { ...body.owner, birthDate: '1985-08-15', gender: 'male' as const },
      business: { ...body.business, postalCode: '10110', kbliCodes: ['99999'] },
    };
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie: await session(acc.id) },
      payload: bad,
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual([
      'body.business.kbliCodes.0',
      'body.business.postalCode',
      'body.owner.birthDate',
      'body.owner.gender',
    ]);
    expect(res.json().errors.every((e: { message: { id: string; en: string } }) => e.message.id && e.message.en)).toBe(
      true,
    );
  });

  it('refuses a negative capital or sales (a minus the form let through), naming the field, on registration and on correction', async () => {
    const acc = await makeAccount(db, [{ role: 'public_buyer' }]);
    const cookie = await session(acc.id);
    const body = registration(newNik(), newPhone());
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie },
      payload: { ...body, business: { ...body.business, capital: -5, annualSales: -1 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const byField = Object.fromEntries(
      res.json().errors.map((e: { field: string; message: { id: string; en: string } }) => [e.field, e.message]),
    );
    expect(Object.keys(byField).sort()).toEqual(['body.business.annualSales', 'body.business.capital']);
    for (const m of Object.values(byField) as { id: string; en: string }[])
      expect(m.id && m.en && m.id !== m.en).toBeTruthy();
    expect(await db.query('select 1 from umkm where name = $1', [body.business.name])).toEqual([]);

    const { umkmId } = (
      await app.inject({
        method: 'POST',
        url: '/api/registry/registrations',
        headers: { cookie },
        payload: registration(newNik(), newPhone()),
      })
    ).json();
    const fix = await app.inject({
      method: 'PATCH',
      url: `/api/registry/members/${umkmId}`,
      headers: { cookie },
      payload: { capital: -5 },
    });
    expect(fix.statusCode).toBe(400);
    expect(fix.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.capital']);
    const [row] = await db.query<{ capital: string }>('select capital::text from umkm where id = $1', [umkmId]);
    expect(row?.capital).toBe('25000000');
  });
});
