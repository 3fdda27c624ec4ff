import { describe, expect, it } from 'vitest';
import { engine, testApp } from '../../../test/support/db.ts';

describe('GET /api/health', () => {
  it('names the engine and its version once ready', async () => {
    const app = await testApp();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.database.engine).toBe(engine);
    expect(body.database.version).toMatch(/^\d+/);
  });
});
