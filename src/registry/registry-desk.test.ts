// Registration at the kecamatan desk: a pendamping registers an owner, within their kecamatan, and links a member to a pengampu.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeWorld, type World } from '../../test/support/factories.ts';
import { newNik, newPhone, registration, rk, session, setUpRegistry } from '../../test/support/registry.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';

let app: App;
let db: Db;
let world: World;
let otherAgency: number;

beforeAll(async () => {
  await setUpRegistry();
  ({ app, db, world, otherAgency } = rk);
});

describe('registration', () => {
  it('a pendamping registers an owner at the desk, who then claims the account with the code', async () => {
    const p = await makeAccount(db, [{ role: 'pendamping', scopeId: world.district }]);
    const phone = newPhone();
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: await session(p.id) },
      payload: registration(newNik(), phone),
    });
    expect(res.statusCode).toBe(201);
    const { claimCode, umkmId } = res.json();
    expect(claimCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const claim = await app.inject({
      method: 'POST',
      url: '/api/auth/claim',
      payload: { login: phone, code: claimCode, password: 'KueBasah2026' },
    });
    expect(claim.statusCode).toBe(200);
    const cookie = claim.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const nik = await app.inject({ method: 'GET', url: `/api/registry/members/${umkmId}/nik`, headers: { cookie } });
    expect(nik.statusCode).toBe(200);
    const [row] = await db.query<{ channel: string }>(
      'select registration_channel as channel from umkm where id = $1',
      [umkmId],
    );
    expect(row?.channel).toBe('desk');
  });

  it('refuses a desk registration outside the pendamping’s kecamatan', async () => {
    const p = await makeAccount(db, [{ role: 'pendamping', scopeId: '317101' }]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: await session(p.id) },
      payload: registration(newNik(), newPhone()),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].field).toBe('body.business.villageCode');
  });

  it('the same NIK from two pengampu is one member with two fostering links, counted once', async () => {
    const p = await makeAccount(db, [{ role: 'pendamping', scopeId: world.district }]);
    const cookie = await session(p.id);
    const nik = newNik();
    const a = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie },
      payload: registration(nik, newPhone()),
    });
    const b = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie },
      payload: registration(nik, newPhone(), otherAgency),
    });
    expect(a.json().outcome).toBe('registered');
    expect(b.statusCode).toBe(200);
    expect(b.json()).toMatchObject({ outcome: 'linked', umkmId: a.json().umkmId });
    const c = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie },
      payload: registration(nik, newPhone(), otherAgency),
    });
    expect(c.json().outcome).toBe('already_registered');
    const [counts] = await db.query<{ members: number; links: number }>(
      `select count(distinct u.id) as members, count(*) as links from umkm u join owner o on o.id = u.owner_id join fostering_link f on f.umkm_id = u.id where u.id = $1`,
      [a.json().umkmId],
    );
    expect(counts).toEqual({ members: 1, links: 2 });
  });

  it('a pendamping cannot link a member of another kecamatan: not found there, no link added, nothing of it told', async () => {
    const here = await makeAccount(db, [{ role: 'pendamping', scopeId: world.district }]);
    const nik = newNik();
    const first = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: await session(here.id) },
      payload: registration(nik, newPhone()),
    });
    expect(first.json().outcome).toBe('registered');
    const other = await makeWorld(db, '3175');
    const there = await makeAccount(db, [{ role: 'pendamping', scopeId: other.district }]);
    const atOtherDesk = (id: string) => {
      const r = registration(id, newPhone(), other.fosteringAgencyId);
      return { ...r, business: { ...r.business, villageCode: other.village, postalCode: '13110' } };
    };
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: await session(there.id) },
      payload: atOtherDesk(nik),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.owner.nik', code: 'not_in_district' });
    expect(res.json()).not.toHaveProperty('umkmId');
    expect(res.body).not.toMatch(/Kue Basah|Siti Aminah/);
    const links = await db.query<{ agency_id: number }>('select agency_id from fostering_link where umkm_id = $1', [
      first.json().umkmId,
    ]);
    expect(links.map((l) => l.agency_id)).toEqual([world.fosteringAgencyId]);
    // …while a new owner at that desk still registers there.
    const fresh = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: await session(there.id) },
      payload: atOtherDesk(newNik(other.district)),
    });
    expect(fresh.statusCode).toBe(201);
  });
});
