// pgbench's TPC-B-like rate on a PostgreSQL server: the machine's own yardstick for a write-heavy benchmark run on
// the same server. `pgbench -i -s 10` into a scratch database (made and dropped here), then `-c 16 -j 2 -T 30`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PgbenchResult {
  tps: number;
  seconds: number;
  scale: number;
}

/** The server of `url` with another database name. */
function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** TPS of pgbench's default script (without the initial connection time) on the server of `url`. */
export async function pgbenchTps(
  url: string,
  opts: { scale?: number; clients?: number; threads?: number; seconds?: number; log?: (m: string) => void } = {},
): Promise<PgbenchResult> {
  const scale = opts.scale ?? 10;
  const seconds = opts.seconds ?? 30;
  const scratch = `pl_pgbench_scratch_${process.pid}`;
  const target = withDatabase(url, scratch);
  await admin(url, `drop database if exists ${scratch}`);
  await admin(url, `create database ${scratch}`);
  try {
    opts.log?.(`pgbench -i -s ${scale} into ${scratch}`);
    await run('pgbench', ['-i', '-q', '-s', String(scale), target], { maxBuffer: 1 << 24 });
    opts.log?.(`pgbench -c ${opts.clients ?? 16} -j ${opts.threads ?? 2} -T ${seconds}`);
    const { stdout } = await run(
      'pgbench',
      ['-c', String(opts.clients ?? 16), '-j', String(opts.threads ?? 2), '-T', String(seconds), target],
      { maxBuffer: 1 << 24 },
    );
    const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    if (!m) throw new Error(`pgbench: no tps in its output:\n${stdout}`);
    return { tps: Math.round(Number(m[1]) * 10) / 10, seconds, scale };
  } finally {
    await admin(url, `drop database if exists ${scratch}`).catch(() => {});
  }
}
