import { describe, expect, it } from 'vitest';
import { testDb } from '../test/support/db.ts';
import { drive, percentiles, startServer } from './harness.ts';

describe('bench harness', () => {
  it('computes nearest-rank percentiles', () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100 ms
    expect(percentiles(ms)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0, mean: 0 });
  });

  it('drives N clients up to a count and records latencies and errors', async () => {
    const seen = new Set<number>();
    const r = await drive({ clients: 4, count: 40 }, async (client, call) => {
      seen.add(client);
      if (call === 7) throw new Error('boom');
    });
    expect(r.calls).toBe(40);
    expect(r.errors).toBe(1);
    expect(r.latencies.length).toBe(39);
    expect(r.firstError).toBe('boom');
    expect(seen.size).toBe(4);
  });

  it('serves the platform API on a free port for API benchmarks', async () => {
    const server = await startServer(await testDb());
    try {
      const res = await fetch(`${server.url}/api/health`);
      expect(res.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
