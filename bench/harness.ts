// Shared helpers for benchmarks: the database to measure, a concurrency driver, percentiles, the platform's own
// HTTP server in-process, and the one JSON line every benchmark ends with.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { Db } from '../src/platform/db/types.ts';

export interface BenchDb {
  db: Db;
  engine: Db['engine'];
  /** Where the data is: the (redacted) URL, or the embedded database's directory, kept after the run. */
  location: string;
}

/**
 * DATABASE_URL when set (a pool of `pool` connections, default the server's 10); otherwise a new embedded PGlite in
 * a temporary directory (left in place for reuse).
 */
export async function openBenchDb(opts: { pool?: number } = {}): Promise<BenchDb> {
  let db: Db;
  if (process.env.DATABASE_URL) {
    const { openPostgres } = await import('../src/platform/db/postgres.ts');
    db = await openPostgres(process.env.DATABASE_URL, { max: opts.pool });
  } else {
    // PGLITE_DIR: a database seeded once (npm run seed -- --scale N with the same PGLITE_DIR) and reused.
    const dir = process.env.PGLITE_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'pl-bench-'));
    const { openPglite } = await import('../src/platform/db/pglite.ts');
    db = await openPglite(dir);
  }
  await migrate(db);
  return { db, engine: db.engine, location: db.location };
}

export interface DriveOptions {
  clients: number;
  /** Stop after this many calls in total… */
  count?: number;
  /** …or after this many seconds, whichever comes first. */
  seconds?: number;
}

export interface DriveResult {
  calls: number;
  errors: number;
  seconds: number;
  perSecond: number;
  /** Milliseconds per successful call, unsorted. */
  latencies: number[];
  firstError?: string;
}

/** N clients call `task` back to back until the count or the time is used up; each call's latency is recorded. */
export async function drive(
  opts: DriveOptions,
  task: (client: number, call: number) => Promise<unknown>,
): Promise<DriveResult> {
  if (opts.count === undefined && opts.seconds === undefined) throw new Error('drive: give a count or seconds');
  const latencies: number[] = [];
  let calls = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = opts.seconds === undefined ? Number.POSITIVE_INFINITY : started + opts.seconds * 1000;
  const client = async (c: number) => {
    while (performance.now() < deadline && (opts.count === undefined || calls < opts.count)) {
      const n = calls++;
      const t = performance.now();
      try {
        await task(c, n);
        latencies.push(performance.now() - t);
      } catch (e) {
        errors++;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, c) => client(c)));
  const seconds = (performance.now() - started) / 1000;
  return { calls, errors, seconds, perSecond: calls / seconds, latencies, ...(firstError ? { firstError } : {}) };
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles in milliseconds, rounded to 0.01 ms. */
export function percentiles(values: readonly number[]): Percentiles {
  if (!values.length) return { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: r(at(50)),
    p95: r(at(95)),
    p99: r(at(99)),
    max: r(s[s.length - 1] as number),
    mean: r(s.reduce((a, b) => a + b, 0) / s.length),
  };
}

/** The platform's own HTTP server over `db`, listening on a free port of 127.0.0.1. */
export async function startServer(db: Db): Promise<{ url: string; close: () => Promise<void> }> {
  const app = await createApp({ db, state: { ready: true } }, 'silent');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** The benchmark's result: ONE JSON object, the last line of stdout (progress and notes go to stderr). */
export function printResult(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
