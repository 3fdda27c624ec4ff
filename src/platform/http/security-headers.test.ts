// Issue 12: /metrics is for the operator's scraper or a platform admin; every response carries a
// Content-Security-Policy that forbids framing, plugins and inline scripts.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { makeAccount } from '../../../test/support/factories.ts';
import { createSession } from '../auth/session.ts';
import type { App } from './server.ts';

let app: App;
const cookieFor = async (grants: Parameters<typeof makeAccount>[1], totp = false) => {
  const db = await testDb();
  const acc = await makeAccount(db, grants, { totp });
  return `pl_session=${(await db.transaction((tx) => createSession(tx, acc.id))).token}`;
};

beforeAll(async () => {
  app = await testApp();
});
afterEach(() => {
  delete process.env.PL_METRICS_TOKEN;
});

describe('/metrics', () => {
  it('refuses a stranger (401), a wrong token (401) and a signed-in non-admin (403)', async () => {
    process.env.PL_METRICS_TOKEN = 'token-metrik-yang-benar';
    const anonymous = await app.inject({ method: 'GET', url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    expect(anonymous.headers['www-authenticate']).toContain('Bearer');
    expect(anonymous.body).not.toContain('http_request');
    expect(
      (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer tebakan' } })).statusCode,
    ).toBe(401);
    const buyer = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { cookie: await cookieFor([{ role: 'public_buyer' }]) },
    });
    expect(buyer.statusCode).toBe(403);
    expect(buyer.json().message).toEqual({ id: expect.any(String), en: expect.any(String) });
  });

  it('answers the holder of PL_METRICS_TOKEN and a signed-in platform admin', async () => {
    process.env.PL_METRICS_TOKEN = 'token-metrik-yang-benar';
    const scraper = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer token-metrik-yang-benar' },
    });
    expect(scraper.statusCode).toBe(200);
    expect(scraper.body).toContain('http_requests_total');
    delete process.env.PL_METRICS_TOKEN; // without the variable no token opens it, but an admin still may
    expect(
      (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer ' } })).statusCode,
    ).toBe(401);
    const admin = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { cookie: await cookieFor([{ role: 'platform_admin' }], true) },
    });
    expect(admin.statusCode).toBe(200);
    expect(admin.body).toContain('http_requests_total');
  });
});

describe('Content-Security-Policy', () => {
  const directives = (header: unknown) =>
    new Map(
      String(header)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([k, ...v]) => [k!, v]),
    );

  it("pages and API answers allow only the app's own scripts and forbid framing, plugins, foreign bases and form targets", async () => {
    for (const url of ['/', '/produk/apa-saja', '/api/health', '/api/tidak-ada']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = directives(res.headers['content-security-policy']);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(csp.get('base-uri'), url).toEqual(["'self'"]);
      expect(csp.get('form-action'), url).toEqual(["'self'"]);
      expect(csp.get('img-src'), url).toEqual(["'self'", 'data:', 'blob:']);
      expect(String(res.headers['content-security-policy']), url).not.toContain('unsafe');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
    expect((await app.inject({ method: 'GET', url: '/' })).headers['content-type']).toContain('text/html');
  });

  it("the API documentation keeps swagger-ui's own policy, made not frameable either", async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]); // its inline styles are allowed, never inline scripts
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });
});
