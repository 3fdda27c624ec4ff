// `npm run test:faults`: the Friday checkout storm (bench/checkout-storm.ts) while things break, against a real
// server process (src/main.ts as a child) on PostgreSQL:
//   (a) the server is killed with SIGKILL and started again, three times;
//   (b) PostgreSQL itself is restarted, twice (the shared local cluster: pg_ctlcluster … restart).
// Buyers retry with the same Idempotency-Key on connection errors and 5xx, as a phone would. Afterwards: every order
// a buyer was told succeeded exists, stock + held + sold = brought for every product (and held/sold match the
// lines), every order belongs to exactly one key, a replay of a key returns the same order. Prints its counts (JSON,
// last line) and exits 1 when any check fails. `--no-pg-restart` skips (b). Not part of `npm test` (CI): it takes
// about two minutes and (b) restarts the PostgreSQL other suites use.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Answer,
  cartFor,
  closeStormWorld,
  ensureDemo,
  makeStormWorld,
  oversold,
  runTag,
  type StormWorld,
  sendCheckout,
} from '../../bench/checkout-storm.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import type { Db } from '../../src/platform/db/types.ts';

const root = path.resolve(import.meta.dirname, '../..');
const log = (m: string) => console.error(`faults: ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const GIVE_UP_MS = 120_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The platform as a child process (node --import tsx src/main.ts), so SIGKILL kills the server itself. */
class Server {
  child?: ChildProcess;
  crashes = 0;
  private killing = false;
  constructor(
    readonly env: NodeJS.ProcessEnv,
    readonly url: string,
    readonly logFile: string,
  ) {}

  async start(): Promise<void> {
    const out = fs.openSync(this.logFile, 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: this.env,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    child.on('exit', () => {
      if (!this.killing) this.crashes++;
    });
    this.child = child;
    this.killing = false;
    const started = Date.now();
    while (Date.now() - started < 120_000) {
      if (child.exitCode !== null) throw new Error(`server exited at start (${this.logFile})`);
      const ok = await fetch(`${this.url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(200);
    }
    throw new Error(`server not ready within 120 s (${this.logFile})`);
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.killing = true;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }

  /** A crashed server is started again (and counted): the storm goes on, the count says it happened. */
  async keepAlive(): Promise<void> {
    if (this.child && this.child.exitCode !== null && !this.killing) await this.start();
  }
}

interface Tally {
  requests: number;
  retries: number;
  told_201: number;
  sold_out_409s: number;
  other_answers: number;
  unanswered: number;
  /** 201s that were replays: the order was made by an attempt whose answer never arrived. */
  replayed_201s: number;
  first_other?: string;
}

/** Buyers back to back until `until`; each retries its own key on connection errors and 5xx until answered. */
async function storm(server: Server, world: StormWorld, clients: number, until: () => boolean, tag: string) {
  const t: Tally = {
    requests: 0,
    retries: 0,
    told_201: 0,
    sold_out_409s: 0,
    other_answers: 0,
    unanswered: 0,
    replayed_201s: 0,
  };
  const told = new Map<string, { number: string; body: object; double?: boolean }>();
  let n = 0;
  const buyer = async (b: number) => {
    while (!until()) {
      const i = n++;
      const key = `faults-${tag}-${i}`;
      const body = cartFor(world, b < Math.round(clients / 5), i);
      const first = Date.now();
      let a: Answer;
      for (;;) {
        t.requests++;
        a = await sendCheckout(server.url, world, body, key);
        if (a.status !== 0 && a.status < 500) break;
        if (Date.now() - first > GIVE_UP_MS) break;
        t.retries++;
        await sleep(100 + Math.random() * 200);
      }
      if (a.status === 201 && a.number) {
        const prev = told.get(key);
        if (prev && prev.number !== a.number) prev.double = true;
        else told.set(key, { number: a.number, body });
        t.told_201++;
        if (a.replayed) t.replayed_201s++;
      } else if (a.status === 409 && a.code === 'sold_out') t.sold_out_409s++;
      else if (a.status === 0 || a.status >= 500) t.unanswered++;
      else {
        t.other_answers++;
        t.first_other ??= `HTTP ${a.status} ${a.code ?? ''}`;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, b) => buyer(b)));
  return { tally: t, told };
}

/** What the database says after a phase, against what the buyers were told. */
async function verify(
  db: Db,
  server: Server,
  world: StormWorld,
  tag: string,
  told: Awaited<ReturnType<typeof storm>>['told'],
) {
  const numbers = [...told.values()].map((v) => v.number);
  const [present] = await db.query<{ n: number }>(
    'select count(*)::int as n from jbl_order where number = any($1::text[]) and edition_id = $2',
    [numbers, world.editionId],
  );
  const [keys] = await db.query<{ orders: number; not_one_key: number }>(
    `select count(*)::int as orders,
            count(*) filter (where (select count(*) from idempotency_key k
                                     where k.account_id = 0 and k.key like $2 and k.response->>'number' = o.number) <> 1)::int as not_one_key
       from jbl_order o where o.edition_id = $1`,
    [world.editionId, `faults-${tag}-%`],
  );
  let replaysSame = 0;
  let replaysWrong = 0;
  for (const [key, v] of [...told.entries()].slice(0, 50)) {
    const a = await sendCheckout(server.url, world, v.body, key);
    if (a.status === 201 && a.number === v.number && a.replayed) replaysSame++;
    else replaysWrong++;
  }
  const [after] = await db.query<{ n: number }>('select count(*)::int as n from jbl_order where edition_id = $1', [
    world.editionId,
  ]);
  const stock = await oversold(db, world.editionId);
  return {
    told_orders: told.size,
    told_missing: told.size - present!.n,
    double_answers: [...told.values()].filter((v) => v.double).length,
    orders_in_db: keys!.orders,
    orders_not_one_key: keys!.not_one_key,
    orders_never_told: keys!.orders - told.size,
    replays_same_order: replaysSame,
    replays_wrong: replaysWrong,
    orders_added_by_replays: after!.n - keys!.orders,
    items_checked: stock.items,
    oversold: stock.oversold,
  };
}

function restartPostgres(): void {
  const version = fs.readdirSync('/etc/postgresql')[0]!;
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { stdio: 'inherit' });
}

async function phase(
  name: 'server_sigkill' | 'postgres_restart',
  db: Db,
  server: Server,
  opts: { clients: number; seconds: number; faults: number },
) {
  const world = await makeStormWorld(db, { hotStock: 20, coldStock: 1_000_000, sellers: 200 });
  const tag = `${name}-${runTag()}`;
  const end = Date.now() + opts.seconds * 1000;
  log(`${name}: edition ${world.editionId}, ${opts.clients} buyers for ${opts.seconds} s, ${opts.faults} faults`);
  const crashesBefore = server.crashes;
  const running = storm(server, world, opts.clients, () => Date.now() > end, tag);
  const every = (opts.seconds * 1000) / (opts.faults + 1);
  for (let f = 1; f <= opts.faults; f++) {
    await sleep(every);
    if (name === 'server_sigkill') {
      log('SIGKILL the server');
      await server.kill();
      await server.start();
      log('server up again');
    } else {
      log('restarting PostgreSQL');
      restartPostgres();
      log('PostgreSQL up again');
      await sleep(500);
      await server.keepAlive();
    }
  }
  const watchdog = setInterval(() => void server.keepAlive().catch(() => {}), 1000);
  const { tally, told } = await running;
  clearInterval(watchdog);
  await server.keepAlive();
  const checks = await verify(db, server, world, tag, told);
  await closeStormWorld(db, world);
  return {
    edition_id: world.editionId,
    faults: opts.faults,
    server_crashes: server.crashes - crashesBefore,
    ...tally,
    ...checks,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      'no-pg-restart': { type: 'boolean', default: false },
      seconds: { type: 'string', default: '20' },
      clients: { type: 'string', default: '64' },
    },
  });
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/pl_faults_jbl';
  await ensureDatabase(url);
  const db = await openPostgres(url);
  await migrate(db);
  await ensureDemo(db, log);
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
    log('building the web app once (the server serves it)');
    execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'ignore' });
  }
  const port = await freePort();
  const logFile = path.join(fs.mkdtempSync(path.join('/tmp', 'pl-faults-')), 'server.log');
  const server = new Server(
    {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      PL_DATA_KEY: process.env.PL_DATA_KEY || crypto.createHash('sha256').update('pl-faults').digest('base64'),
      PL_DEMO_DATA: '0',
    },
    `http://127.0.0.1:${port}`,
    logFile,
  );
  log(`server log: ${logFile}`);
  await server.start();
  const opts = { clients: Number(values.clients), seconds: Number(values.seconds) };
  const phases: Record<string, Awaited<ReturnType<typeof phase>>> = {};
  try {
    phases.server_sigkill = await phase('server_sigkill', db, server, { ...opts, faults: 3 });
    log(JSON.stringify(phases.server_sigkill));
    if (!values['no-pg-restart']) {
      phases.postgres_restart = await phase('postgres_restart', db, server, { ...opts, faults: 2 });
      log(JSON.stringify(phases.postgres_restart));
    }
  } finally {
    await server.kill();
    await db.close();
  }
  const ok = Object.entries(phases).every(
    ([name, p]) =>
      p.told_missing === 0 &&
      p.double_answers === 0 &&
      p.orders_not_one_key === 0 &&
      p.replays_wrong === 0 &&
      p.orders_added_by_replays === 0 &&
      p.oversold === 0 &&
      p.other_answers === 0 &&
      p.unanswered === 0 &&
      (name === 'server_sigkill' || p.server_crashes === 0),
  );
  process.stdout.write(`${JSON.stringify({ faults: 'jbl-storm', ok, ...phases })}\n`);
  process.exit(ok ? 0 : 1);
}

/** Creates the database of `url` when it does not exist. */
async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const found = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (!found.rowCount) await c.query(`create database "${name.replaceAll('"', '')}"`);
  } finally {
    await c.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
