import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/db.ts';
import { ERROR_CODES } from './error-codes.ts';
import type { App } from './server.ts';

let app: App;
beforeAll(async () => {
  app = await testApp();
});

describe('API contract', () => {
  it('publishes OpenAPI 3.1 with a unique operationId on every operation', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      ([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, operationId: op.operationId })),
    );
    expect(ops.length).toBeGreaterThan(10);
    expect(ops.filter((o) => !o.operationId)).toEqual([]);
    const ids = ops.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('login');
    expect(ids).toContain('getHealth');
  });

  it('lists every API route with its declared access, matching the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const routed = app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(routed.sort()).toEqual(documented.sort());
  });

  it('publishes the problem body with the one list of error codes', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.schemas.Problem.properties.code.enum).toEqual([...ERROR_CODES]);
  });

  it('answers an unknown API address with a bilingual problem, and a page address with the web app', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/tidak-ada' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json().message).toEqual({ id: expect.any(String), en: expect.any(String) });
    const page = await app.inject({ method: 'GET', url: '/halaman/apa/saja' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('lang="id"');
  });

  it('serves metrics and docs, and echoes a request id', async () => {
    await app.inject({ method: 'GET', url: '/api/health' });
    process.env.PL_METRICS_TOKEN = 'uji-token-metrik';
    const metrics = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer uji-token-metrik' },
    });
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
    const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'uji-123' } });
    expect(res.headers['x-request-id']).toBe('uji-123');
  });
});
