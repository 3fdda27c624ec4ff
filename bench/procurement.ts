// `npm run bench -- procurement`: the e-Order report pages through the HTTP API, 4 clients each logged in as the
// official (or seller) whose page it is — the province UMK share (BPPBJ analyst), one agency's drill-down (its
// PA/KPA), the payment-ageing list (the agency's Bendahara) and a seller's income statement (its owner). In the same
// run the same figures are computed by a full scan of the orders and payments (src/procurement/share/baseline.ts):
// the figures must be equal, and every page's p95 at least 20× faster than its scan. Freshness: one received order
// is paid through the API and the province share page is polled until the payment shows.
// Writes: bench accounts (bench-<role>@bench.pasarlokal.id, reused) and that one payment per run.
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { createAccount, grantRole } from '../src/access/create-account.ts';
import { enableTotpWithSecret } from '../src/access/totp-enrolment.ts';
import { SYSTEM } from '../src/platform/auth/actor.ts';
import type { Role } from '../src/platform/auth/roles.ts';
import { createSession } from '../src/platform/auth/session.ts';
import { base32Encode } from '../src/platform/auth/totp.ts';
import type { Db } from '../src/platform/db/types.ts';
import { runSeed } from '../src/seed/index.ts';
import { stderrProgress } from '../src/seed/progress.ts';
import { PAGES, type PageCase, pickSubjects } from './procurement-pages.ts';
import { drive, openBenchDb, percentiles, startServer } from './harness.ts';
import type { Bench } from './run.ts';

const GOAL_SPEEDUP = 20;
const GOAL_FRESHNESS_MS = 1000;

/** A bench account with these grants (made once, reused), logged in: cookie and CSRF token. */
async function login(db: Db, role: Role, scopeId: string, ownerId?: number) {
  const email = `bench-${role}-${scopeId || 'all'}${ownerId ? `-${ownerId}` : ''}@bench.pasarlokal.id`;
  const [found] = await db.query<{ id: number }>('select id from account where email = $1', [email]);
  const id =
    found?.id ??
    (await db.transaction(async (tx) => {
      const who = SYSTEM('bench');
      const id = await createAccount(tx, who, {
        displayName: `Bench ${role}`,
        email,
        password: `Bench-${crypto.randomBytes(9).toString('hex')}`,
      });
      await grantRole(tx, who, id, role, scopeId);
      await enableTotpWithSecret(tx, who, id, base32Encode(crypto.randomBytes(20)));
      if (ownerId) await tx.query('update account set owner_id = $2 where id = $1', [id, ownerId]);
      return id;
    }));
  const s = await db.transaction((tx) => createSession(tx, id));
  return { cookie: `pl_session=${s.token}`, csrf: s.csrfToken };
}

export type Session = Awaited<ReturnType<typeof login>>;

async function timeIt<T>(fn: () => Promise<T>, runs: number): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await fn();
    times.push(performance.now() - t);
  }
  return { ms: percentiles(times).p50, value: value as T };
}

const bench: Bench = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '15' },
      clients: { type: 'string', default: '4' },
      seed: { type: 'string' },
    },
  });
  const { db, engine, location } = await openBenchDb();
  try {
    let [{ orders } = { orders: 0 }] = await db.query<{ orders: number }>(
      'select count(*)::int8 as orders from eorder',
    );
    if (orders === 0 && values.seed) {
      console.error(`bench procurement: seeding ${values.seed} members into ${engine} ${location} first`);
      const started = performance.now();
      await runSeed(db, { scale: values.seed, progress: (total) => stderrProgress('seed', total) });
      console.error(`bench procurement: seeded in ${Math.round((performance.now() - started) / 1000)} s`);
      [{ orders } = { orders: 0 }] = await db.query<{ orders: number }>('select count(*)::int8 as orders from eorder');
    }
    if (orders === 0) throw new Error(`no e-Order orders at ${location}: seed it first, or pass --seed <scale>`);
    const subjects = await pickSubjects(db);
    console.error(`bench procurement: ${orders} orders; ${JSON.stringify(subjects)}`);
    const server = await startServer(db);
    try {
      const sessions = {
        analyst: await login(db, 'bppbj_analyst', ''),
        head: await login(db, 'pa_kpa', String(subjects.agencyId)),
        treasurer: await login(db, 'bendahara', String(subjects.agencyId)),
        seller: await login(db, 'umkm_owner', '', subjects.sellerOwnerId),
      };
      const get = async (page: PageCase, s: Session) => {
        const res = await fetch(server.url + page.path(subjects), { headers: { cookie: s.cookie } });
        if (!res.ok) throw new Error(`${page.path(subjects)}: HTTP ${res.status} ${await res.text()}`);
        return res.json();
      };
      const result: Record<string, { p50_ms: number; p95_ms: number; baseline_ms: number; speedup: number }> = {};
      const mismatches: string[] = [];
      for (const page of PAGES) {
        const s = sessions[page.as];
        for (let i = 0; i < 3; i++) await get(page, s); // warm-up
        const run = await drive({ clients: Number(values.clients), seconds: Number(values.seconds) }, () =>
          get(page, s),
        );
        if (run.errors) throw new Error(`${page.name}: ${run.errors} errors, first: ${run.firstError}`);
        const p = percentiles(run.latencies);
        const base = await timeIt(() => page.baseline(db, subjects), 3);
        const diff = page.compare(await get(page, s), base.value);
        if (diff) mismatches.push(`${page.name}: ${diff}`);
        result[page.name] = {
          p50_ms: p.p50,
          p95_ms: p.p95,
          baseline_ms: Math.round(base.ms * 100) / 100,
          speedup: Math.round((base.ms / p.p95) * 10) / 10,
        };
        console.error(`bench procurement: ${page.name} ${JSON.stringify(result[page.name])}`);
      }
      const freshness = await measureFreshness(db, server.url, sessions, subjects);
      return {
        bench: 'procurement',
        engine,
        orders,
        pages: result,
        figures_equal: mismatches.length === 0,
        freshness_ms: freshness,
        ...(mismatches.length ? { mismatches } : {}),
        goal_speedup: GOAL_SPEEDUP,
        goal_freshness_ms: GOAL_FRESHNESS_MS,
        goal_met:
          mismatches.length === 0 &&
          Object.values(result).every((r) => r.speedup >= GOAL_SPEEDUP) &&
          freshness !== null &&
          freshness <= GOAL_FRESHNESS_MS,
        clients: Number(values.clients),
        location,
      };
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
  }
};

/**
 * Pays one received order of the bench agency in full through the API (as its Bendahara) and polls the province
 * share page (as the analyst) until its realised figure has grown by the payment: milliseconds from the payment
 * request to the first page that shows it. null when no order is waiting for payment.
 */
async function measureFreshness(
  db: Db,
  url: string,
  sessions: Record<'analyst' | 'treasurer', Session>,
  subjects: Awaited<ReturnType<typeof pickSubjects>>,
): Promise<number | null> {
  const [o] = await db.query<{ id: number; outstanding: number; year: number }>(
    `select id, total - paid_amount as outstanding, extract(year from now() at time zone 'Asia/Jakarta')::int as year
       from eorder where agency_id = $1 and status = 'received' order by id limit 1`,
    [subjects.agencyId],
  );
  if (!o) return null;
  const realised = async () => {
    const res = await fetch(`${url}/api/procurement/share?year=${o.year}&period=year`, {
      headers: { cookie: sessions.analyst.cookie },
    });
    return provinceRealised(await res.json());
  };
  const before = await realised();
  const started = performance.now();
  const pay = await fetch(`${url}/api/procurement/orders/${o.id}/payments`, {
    method: 'POST',
    headers: {
      cookie: sessions.treasurer.cookie,
      'x-csrf-token': sessions.treasurer.csrf,
      'content-type': 'application/json',
      'idempotency-key': `bench-${o.id}-${Date.now()}`,
    },
    body: JSON.stringify({ kind: 'transfer', amount: o.outstanding, taxWithheld: 0, reference: 'BENCH' }),
  });
  if (!pay.ok) throw new Error(`payment: HTTP ${pay.status} ${await pay.text()}`);
  while (performance.now() - started < 10_000) {
    if ((await realised()) >= before + o.outstanding) return Math.round(performance.now() - started);
  }
  return null;
}

/** The province's realised total (UMK and non-UMK, platform only) from the share page's JSON. */
function provinceRealised(body: unknown): number {
  const b = body as { total?: { total?: { realised?: { platformTotal?: number } } } };
  return Number(b.total?.total?.realised?.platformTotal ?? Number.NaN);
}

export default bench;
