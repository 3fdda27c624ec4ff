// What a user sees when a request carries a value PostgreSQL cannot store, or races another request to the same
// unique value: a 4xx problem naming the field, in Indonesian and English, never a 500.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { engine, testApp, testDb } from '../../../test/support/db.ts';
import { makeAccount, makeWorld, type World } from '../../../test/support/factories.ts';
import { sessionCookie } from '../../../test/support/http.ts';
import { problemFromDatabase } from '../db/errors.ts';
import type { Db } from '../db/types.ts';
import type { App } from './server.ts';

let app: App;
let db: Db;
let world: World;
let admin: string;
let desk: string;
let owner: string;
let productId: number;

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  world = await makeWorld(db, '3174'); // Jakarta Selatan: postal codes 12xxx
  admin = await sessionCookie(db, [{ role: 'platform_admin' }], undefined, { totp: true });
  desk = await sessionCookie(db, [{ role: 'pendamping', scopeId: world.district }]);
  owner = await sessionCookie(db, [{ role: 'umkm_owner' }], world.ownerId);
  [{ id: productId }] = (await db.query<{ id: number }>(
    `insert into product (umkm_id, name, category_code, price, unit) values ($1, 'Kue Uji', 'kue-roti', 1000, 'pcs') returning id`,
    [world.umkmId],
  )) as [{ id: number }];
}, 300_000); // a fresh PGlite, migrated: minutes on a loaded machine

const newNik = () => `${world.district}540885${String(crypto.randomInt(1, 10000)).padStart(4, '0')}`;
const newPhone = () => `0812-${crypto.randomInt(1000, 9999)}-${crypto.randomInt(1000, 9999)}`;
const registration = (nik: string, phone: string, agency: number = world.fosteringAgencyId) => ({
  owner: { fullName: 'Siti Aminah', nik, phone },
  business: {
    name: `Kue Basah Bu Siti ${crypto.randomInt(1e6)}`,
    kbliCodes: ['10710'],
    villageCode: world.village,
    address: 'Jl. Melati No. 5',
    postalCode: '12110',
    startYear: 2019,
    workers: 3,
    capital: 25_000_000,
    annualSales: 180_000_000,
    fosteringAgencyId: agency,
  },
});

/** The one field error of a 400 problem, after checking the problem's shape. */
function fieldOf(res: {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => { errors: { field: string; code: string; message: { id: string; en: string } }[] };
}) {
  expect(res.statusCode).toBe(400);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const [e] = res.json().errors;
  expect(e?.message.id).toBeTruthy();
  expect(e?.message.en).toBeTruthy();
  return e!;
}

describe('text PostgreSQL cannot store', () => {
  it('a NUL in a body field, a query or an id is a 400 naming it', async () => {
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/catalog/manage/products/${productId}`,
      headers: { cookie: owner },
      payload: { name: 'a\u0000b' },
    });
    expect(fieldOf(patch)).toMatchObject({ field: 'body.name', code: 'nul_character' });
    const kbli = await app.inject({ method: 'GET', url: '/api/kbli?q=%00' });
    expect(fieldOf(kbli)).toMatchObject({ field: 'querystring.q', code: 'nul_character' });
    const members = await app.inject({ method: 'GET', url: '/api/registry/members?q=%00', headers: { cookie: admin } });
    expect(fieldOf(members).field).toBe('querystring.q');
    const audit = await app.inject({ method: 'GET', url: '/api/audit-log?entityId=%00', headers: { cookie: admin } });
    expect(fieldOf(audit).field).toBe('querystring.entityId');
    const nested = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: desk },
      payload: {
        ...registration(newNik(), newPhone()),
        owner: { fullName: 'Siti\u0000', nik: newNik(), phone: newPhone() },
      },
    });
    expect(fieldOf(nested)).toMatchObject({ field: 'body.owner.fullName', code: 'nul_character' });
    const cert = await app.inject({ method: 'GET', url: '/api/curation/certificates/RA-%00-1234' });
    expect(fieldOf(cert).field).toBe('params.code');
  });

  it('a lone surrogate, in a body or in a path the router cannot decode, is a 400', async () => {
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/catalog/manage/products/${productId}`,
      headers: { cookie: owner, 'content-type': 'application/json' },
      payload: '{"description":"\\ud800"}',
    });
    expect(fieldOf(patch)).toMatchObject({ field: 'body.description', code: 'lone_surrogate' });
    const path = await app.inject({ method: 'GET', url: '/api/curation/certificates/RA-%ED%A0%80' });
    expect(path.statusCode).toBe(400);
    expect(path.json().message.id).toBeTruthy();
  });
});

describe('integers and dates outside what the column holds', () => {
  it('an id past int4 where the column is integer is a 400 naming it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: desk },
      payload: registration(newNik(), newPhone(), 2147483648),
    });
    expect(fieldOf(res)).toMatchObject({ field: 'body.business.fosteringAgencyId', code: 'too_big' });
    const funnel = await app.inject({
      method: 'GET',
      url: '/api/registry/funnel?agencyId=2147483648',
      headers: { cookie: admin },
    });
    expect(fieldOf(funnel).field).toBe('querystring.agencyId');
  });

  it('an impossible date is a 400 on every export, not a dropped connection', async () => {
    for (const [url, date] of [
      ['/api/registry/export.csv', '2020-13-45'],
      ['/api/registry/export.xlsx', '2020-02-30'],
      ['/api/registry/export/summary', '2020-02-30'],
      ['/api/registry/export/summary', '0000-01-01'],
    ] as const) {
      const res = await app.inject({
        method: 'GET',
        url: `${url}?registeredSince=${date}`,
        headers: { cookie: admin },
      });
      expect(fieldOf(res).field, `${url} ${date}`).toBe('querystring.registeredSince');
    }
    const ok = await app.inject({
      method: 'GET',
      url: '/api/registry/export/summary?registeredSince=2024-02-29',
      headers: { cookie: admin },
    });
    expect(ok.statusCode).toBe(200);
    const feb30 = await app.inject({
      method: 'GET',
      url: '/api/registry/export/summary?registeredSince=2020-02-30',
      headers: { cookie: admin },
    });
    expect(feb30.json().errors[0].message).toEqual({
      id: 'Tanggal ini tidak ada di kalender.',
      en: 'This date does not exist on the calendar.',
    });
  });
});

describe('what the database refuses anyway (the last line)', () => {
  const refusal = async (sql: string, params: unknown[]) => {
    try {
      await db.query(sql, params);
    } catch (e) {
      return problemFromDatabase(e);
    }
    throw new Error(`${sql} did not fail`);
  };

  it('a data exception is a 400, a known unique violation a 409 naming its field, an unknown one a 409 without', async () => {
    expect(await refusal('select $1::text', ['a\u0000b'])).toMatchObject({ status: 400, code: 'invalid_value' });
    expect(await refusal('select $1::int', [2147483648])).toMatchObject({ status: 400, code: 'invalid_value' });
    expect(await refusal('select $1::date', ['2020-02-30'])).toMatchObject({ status: 400, code: 'invalid_value' });
    const taken = await makeAccount(db);
    const email = await refusal(`insert into account (display_name, email) values ('Dua', $1)`, [taken.email]);
    expect(email).toMatchObject({ status: 409, code: 'login_taken', fields: [{ field: 'body.login' }] });
    const [{ code }] = (await db.query<{ code: string }>('select code from fostering_agency where id = $1', [
      world.fosteringAgencyId,
    ])) as [{ code: string }];
    expect(await refusal(`insert into fostering_agency (code, name) values ($1, 'Dua')`, [code])).toMatchObject({
      status: 409,
      code: 'conflict',
      fields: [],
    });
    expect(problemFromDatabase(new Error('not the database'))).toBeUndefined();
  });
});

describe('two requests racing for one unique value', () => {
  // On PostgreSQL these five transactions run at once and all pass the "already there?" check; PGlite runs them
  // one after another. Either way exactly one wins and nobody sees a 500.
  it('five sign-ups with one email: one 201, four 409 naming the login', async () => {
    const login = `balapan-${crypto.randomUUID()}@test.pasarlokal.id`;
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/signup',
          remoteAddress: `10.79.0.${i + 1}`,
          payload: { displayName: 'Ibu Rina', login, password: 'KueLapis2026' },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of responses.filter((x) => x.statusCode === 409)) {
      expect(r.json()).toMatchObject({ code: 'login_taken', errors: [{ field: 'body.login' }] });
      expect(r.json().message.id).toBeTruthy();
    }
    expect(await db.query('select 1 from account where email = $1', [login])).toHaveLength(1);
  });

  it('five desk registrations of one NIK: one 201, one member, the rest told it is already registered', async () => {
    const nik = newNik();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        app.inject({
          method: 'POST',
          url: '/api/registry/desk-registrations',
          headers: { cookie: desk },
          payload: registration(nik, newPhone()),
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(
      statuses.filter((s) => s === 201),
      String(statuses),
    ).toHaveLength(1);
    for (const r of responses.filter((x) => x.statusCode !== 201)) {
      // Raced on PostgreSQL: the unique NIK refuses the insert (409). After the winner committed: the desk's own
      // answer for a known member (200, already registered).
      if (r.statusCode === 409)
        expect(r.json()).toMatchObject({ code: 'already_registered', errors: [{ field: 'body.owner.nik' }] });
      else expect([r.statusCode, r.json().outcome]).toEqual([200, 'already_registered']);
    }
    if (engine === 'postgres') expect(statuses.filter((s) => s === 409).length, String(statuses)).toBeGreaterThan(0);
    const [{ n }] = (await db.query<{ n: number }>(
      `select count(*)::int as n from umkm u join owner o on o.id = u.owner_id where u.id = any($1::bigint[])`,
      [responses.map((r) => r.json().umkmId).filter(Boolean)],
    )) as [{ n: number }];
    expect(n).toBe(1);
  });
});
