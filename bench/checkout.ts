// `npm run bench -- checkout`: the Friday checkout storm through the HTTP API — 64 guest buyers back to back, each
// cart from two sellers, a fifth of them on 10 hot products with limited stock (so sold-out 409s happen) — for a
// fixed time on a bench edition made for the run (bench/checkout-storm.ts; an empty database gets the demo data
// first). Then, on the same PostgreSQL server, pgbench's TPC-B-like rate as the yardstick (on PGlite the server of
// PGBENCH_URL, default the local one). Oversell is checked exactly afterwards. Goal: orders/s ≥ 0.40 × pgbench TPS,
// oversold 0; p99 reported (indicatively ≤ 100 ms).
// Writes: one closed bench edition per run with its line-up and orders (kept: they are what the check reads).
import { parseArgs } from 'node:util';
import {
  cartFor,
  closeStormWorld,
  ensureDemo,
  makeStormWorld,
  oversold,
  runTag,
  sendCheckout,
  type StormWorld,
} from './checkout-storm.ts';
import { openBenchDb, percentiles, startServer } from './harness.ts';
import { pgbenchTps } from './pgbench.ts';
import type { Bench } from './run.ts';

const GOAL_RATIO = 0.4;
const GOAL_P99_MS = 100;
const log = (m: string) => console.error(`bench checkout: ${m}`);

interface StormCounts {
  orders: number;
  soldOut: number;
  errors: number;
  firstError?: string;
  orderMs: number[];
  soldOutMs: number[];
  seconds: number;
}

/** `clients` buyers back to back for `seconds`; the first fifth buy a hot product. */
async function storm(url: string, world: StormWorld, clients: number, seconds: number): Promise<StormCounts> {
  const tag = runTag();
  const c: StormCounts = { orders: 0, soldOut: 0, errors: 0, orderMs: [], soldOutMs: [], seconds: 0 };
  const hotBuyers = Math.round(clients / 5);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let n = 0;
  const buyer = async (b: number) => {
    while (performance.now() < deadline) {
      const i = n++;
      const t = performance.now();
      const a = await sendCheckout(url, world, cartFor(world, b < hotBuyers, i), `bench-${tag}-${i}`);
      const ms = performance.now() - t;
      if (a.status === 201) {
        c.orders++;
        c.orderMs.push(ms);
      } else if (a.status === 409 && a.code === 'sold_out') {
        c.soldOut++;
        c.soldOutMs.push(ms);
      } else {
        c.errors++;
        c.firstError ??= `HTTP ${a.status} ${a.code ?? ''}`;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, b) => buyer(b)));
  c.seconds = (performance.now() - started) / 1000;
  return c;
}

const bench: Bench = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '30' },
      clients: { type: 'string', default: '64' },
      'hot-stock': { type: 'string', default: '25' },
      'pgbench-seconds': { type: 'string', default: '30' },
      pool: { type: 'string', default: '16' }, // as many connections as pgbench's clients
    },
  });
  const pgUrl = process.env.DATABASE_URL || process.env.PGBENCH_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const { db, engine, location } = await openBenchDb({ pool: Number(values.pool) });
  let world: StormWorld | undefined;
  try {
    await ensureDemo(db, log);
    world = await makeStormWorld(db, { hotStock: Number(values['hot-stock']), coldStock: 1_000_000 });
    log(`edition ${world.editionId}: ${world.hot.length} hot and ${world.cold.length} other products`);
    const server = await startServer(db);
    let s: StormCounts;
    try {
      await storm(server.url, world, 8, 2); // warm-up: JIT, pool connections, plans
      const cpu = process.cpuUsage();
      s = await storm(server.url, world, Number(values.clients), Number(values.seconds));
      const used = process.cpuUsage(cpu);
      log(`node cpu during the storm: ${Math.round((used.user + used.system) / 1e4 / s.seconds)}% of one core`);
    } finally {
      await server.close();
    }
    const check = await oversold(db, world.editionId);
    await closeStormWorld(db, world);
    const p = percentiles(s.orderMs);
    const ordersPerS = Math.round((s.orders / s.seconds) * 10) / 10;
    log(
      `${s.orders} orders, ${s.soldOut} sold out, ${s.errors} errors in ${s.seconds.toFixed(1)} s; ${JSON.stringify(p)}`,
    );
    const pgb = await pgbenchTps(pgUrl, { seconds: Number(values['pgbench-seconds']), log });
    log(`pgbench ${pgb.tps} tps`);
    return {
      bench: 'checkout',
      engine,
      clients: Number(values.clients),
      pool: engine === 'postgres' ? Number(values.pool) : 1,
      seconds: Math.round(s.seconds * 10) / 10,
      orders: s.orders,
      sold_out_409s: s.soldOut,
      errors: s.errors,
      ...(s.firstError ? { first_error: s.firstError } : {}),
      p95_ms: p.p95,
      max_ms: p.max,
      sold_out_p50_ms: percentiles(s.soldOutMs).p50,
      items_checked: check.items,
      units_held_or_sold: check.units,
      ratio: Math.round((ordersPerS / pgb.tps) * 1000) / 1000,
      goal_ratio: GOAL_RATIO,
      goal_met: ordersPerS >= GOAL_RATIO * pgb.tps && check.oversold === 0 && s.errors === 0,
      p99_within_indicative_100ms: p.p99 <= GOAL_P99_MS,
      edition_id: world.editionId,
      location,
      orders_per_s: ordersPerS,
      p50_ms: p.p50,
      p99_ms: p.p99,
      oversold: check.oversold,
      pgbench_tps: pgb.tps,
    };
  } finally {
    await db.close();
  }
};

export default bench;
