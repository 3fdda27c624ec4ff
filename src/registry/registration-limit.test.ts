// Issue 12: "already registered" tells a signed-up account whether a NIK or NIB is in the register. Like failed
// logins, such answers are limited per account and per address: the registration form cannot probe the register.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../test/support/db.ts';
import { makeAccount, makeWorld, type World } from '../../test/support/factories.ts';
import { createSession } from '../platform/auth/session.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';

let app: App;
let db: Db;
let world: World;

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  world = await makeWorld(db, '3174');
});

const session = async (accountId: number) =>
  `pl_session=${(await db.transaction((tx) => createSession(tx, accountId))).token}`;
const newNik = () => `${world.district}540885${String(crypto.randomInt(1, 10000)).padStart(4, '0')}`;
const newPhone = () => `0812-${crypto.randomInt(1000, 9999)}-${crypto.randomInt(1000, 9999)}`;
const registration = (nik: string) => ({
  owner: { fullName: 'Siti Aminah', nik, phone: newPhone() },
  business: {
    name: `Kue Basah ${crypto.randomInt(1e6)}`,
    kbliCodes: ['10710'],
    villageCode: world.village,
    address: 'Jl. Melati No. 5',
    postalCode: '12110',
    startYear: 2019,
    workers: 3,
    capital: 25_000_000,
    annualSales: 180_000_000,
    fosteringAgencyId: world.fosteringAgencyId,
  },
});
const address = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(256)}`;

async function register(cookie: string, nik: string, remoteAddress: string) {
  return app.inject({
    method: 'POST',
    url: '/api/registry/registrations',
    headers: { cookie },
    payload: registration(nik),
    remoteAddress,
  });
}

describe('self-registration cannot probe the register', () => {
  it('after 5 "already registered" answers an account gets 429 with Retry-After, even for a new NIK; another account does not', async () => {
    const taken = newNik();
    const owner = await makeAccount(db, [{ role: 'public_buyer' }]);
    expect((await register(await session(owner.id), taken, address())).statusCode).toBe(201);

    const prober = await session((await makeAccount(db, [{ role: 'public_buyer' }])).id);
    const from = address();
    for (let i = 0; i < 5; i++) expect((await register(prober, taken, from)).json().code).toBe('already_registered');
    const limited = await register(prober, newNik(), from);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({
      code: 'too_many_requests',
      message: { id: expect.stringMatching(/detik/), en: expect.stringMatching(/seconds/) },
    });

    const someoneElse = await session((await makeAccount(db, [{ role: 'public_buyer' }])).id);
    expect((await register(someoneElse, taken, address())).statusCode).toBe(409);
  });

  it('after 50 such answers from one address, a fresh account there gets 429 too', async () => {
    const taken = newNik();
    expect(
      (await register(await session((await makeAccount(db, [{ role: 'public_buyer' }])).id), taken, address()))
        .statusCode,
    ).toBe(201);
    const from = address();
    for (let i = 0; i < 10; i++) {
      const cookie = await session((await makeAccount(db, [{ role: 'public_buyer' }])).id);
      for (let j = 0; j < 5; j++) expect((await register(cookie, taken, from)).statusCode).toBe(409);
    }
    const fresh = await session((await makeAccount(db, [{ role: 'public_buyer' }])).id);
    expect((await register(fresh, newNik(), from)).statusCode).toBe(429);
    expect((await register(fresh, newNik(), address())).statusCode).toBe(201);
  });
});
