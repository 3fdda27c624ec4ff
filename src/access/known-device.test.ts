// Issue 12 (OWASP ASVS 2.2): five wrong passwords no longer lock an account for everyone. A guesser slows down
// their own address and devices new to the account; the owner's device, known from an earlier login, still logs in.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../test/support/db.ts';
import { makeAccount } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';
import { recordFailure } from './login.ts';
import { failureKey } from './login-id.ts';

let app: App;
let db: Db;
// Addresses of this file's own (198.18.0.0/15, kept for tests), one per call: other files' hostile requests come
// from 10.x addresses, and a shared one would count their failures here.
let nextAddress = 0;
const address = () => `198.18.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
});

async function loginAs(login: string, password: string, ip: string, device?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
    remoteAddress: ip,
    cookies: device ? { pl_device: device } : {},
  });
}

/** The owner's phone: a login that succeeded gives it the device cookie. */
async function ownersDevice(email: string, password: string): Promise<string> {
  const res = await loginAs(email, password, address());
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'pl_device');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth' });
  expect(cookie!.maxAge).toBeGreaterThan(300 * 86400);
  return cookie!.value;
}

describe('a guesser cannot lock the owner out', () => {
  it("after 5 wrong passwords the owner's known device logs in; unknown devices get 429 with Retry-After", async () => {
    const owner = await makeAccount(db);
    const phone = await ownersDevice(owner.email, owner.password);
    const other = await makeAccount(db);
    const othersPhone = await ownersDevice(other.email, other.password);

    const attacker = address();
    for (let i = 0; i < 5; i++) expect((await loginAs(owner.email, `tebakan-${i}`, attacker)).statusCode).toBe(401);
    const guessedRight = await loginAs(owner.email, owner.password, attacker);
    expect(guessedRight.statusCode).toBe(429);
    expect(Number(guessedRight.headers['retry-after'])).toBeGreaterThan(0);
    expect(guessedRight.headers['content-type']).toContain('application/problem+json');

    const home = address();
    expect((await loginAs(owner.email, owner.password, home)).statusCode).toBe(429); // a new device of the owner's too
    expect((await loginAs(owner.email, owner.password, home, othersPhone)).statusCode).toBe(429); // another account's device is not this one's
    expect((await loginAs(owner.email, 'salah-ketik', home, phone)).statusCode).toBe(401); // a typo on the phone is just wrong
    const ok = await loginAs(owner.email, owner.password, home, phone);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.cookies.find((c) => c.name === 'pl_device')?.value).toBe(phone); // the same device stays known
  });

  it('the per-address limit still holds, known device or not', async () => {
    const owner = await makeAccount(db);
    const phone = await ownersDevice(owner.email, owner.password);
    const shared = address();
    // 45 failures recorded as the login route records them, 5 more through it: quickly enough that 50 requests
    // would meet the flood limit (20 a second, TokenBuckets) first, which is not what this test is about.
    for (let i = 0; i < 45; i++)
      await recordFailure(db, failureKey(`korban-${i}-${Date.now()}@test.pasarlokal.id`), shared);
    for (let i = 45; i < 50; i++)
      expect((await loginAs(`korban-${i}-${Date.now()}@test.pasarlokal.id`, 'tebakan', shared)).statusCode).toBe(401);
    expect((await loginAs(owner.email, owner.password, shared, phone)).statusCode).toBe(429);
    expect((await loginAs(owner.email, owner.password, address(), phone)).statusCode).toBe(200);
  }, 120_000);
});
