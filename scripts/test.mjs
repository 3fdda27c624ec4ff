// `npm test`: makes sure what the tests need is there, then checks format and lint (Biome), type-checks and runs
// every suite:
// unit and integration tests on PGlite and on PostgreSQL (TEST_DATABASE_URL), then browser tests in Debian's
// chromium. It installs chromium when missing and it may (root with apt-get), and starts the local PostgreSQL
// when it is down and this machine has one.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
process.env.TEST_DATABASE_URL = TEST_DATABASE_URL;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const isRoot = process.getuid?.() === 0;

function say(msg) {
  console.log(`[npm test] ${msg}`);
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `Browser tests need Debian's chromium at ${CHROMIUM}. Install it: sudo apt-get install -y chromium`,
    );
  }
  say("chromium is missing: installing Debian's chromium (apt-get, about a minute)…");
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

async function canConnect(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch (e) {
    return e;
  }
}

async function ensurePostgres() {
  const u = new URL(TEST_DATABASE_URL);
  const database = u.pathname.slice(1) || 'postgres';
  u.pathname = '/postgres';
  let ok = await canConnect(u.toString());
  if (ok !== true && ['127.0.0.1', 'localhost'].includes(u.hostname) && isRoot && fs.existsSync('/etc/postgresql')) {
    for (const version of fs.readdirSync('/etc/postgresql')) {
      say(`PostgreSQL is down: starting cluster ${version}/main`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    }
    for (let i = 0; i < 20 && ok !== true; i++) {
      await new Promise((r) => setTimeout(r, 500));
      ok = await canConnect(u.toString());
    }
  }
  if (ok !== true) throw new Error(`Cannot reach PostgreSQL at ${u.host} (TEST_DATABASE_URL): ${ok.message}`);
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [database]);
  if (!rowCount) {
    say(`creating database ${database}`);
    await c.query(`create database "${database.replaceAll('"', '""')}"`);
  }
  await c.end();
}

function run(label, cmd, args) {
  say(label);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: process.env });
  say(`${label}: ${res.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return res.status === 0;
}

function counts(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    return {
      passed: r.numPassedTests ?? 0,
      failed: (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0),
      skipped: r.numPendingTests ?? 0,
    };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

async function main() {
  ensureChromium();
  await ensurePostgres();
  if (!fs.existsSync(path.join(root, 'dist/web/index.html')))
    run('building the web app', 'node', ['scripts/build-web.mjs']);
  const out = fs.mkdtempSync('/tmp/pl-test-');
  const bin = (n) => path.join(root, 'node_modules/.bin', n);
  // Format and lint first: a finding fails the run, and the other steps still run so the log shows everything.
  let ok = run('format and lint (biome ci)', bin('biome'), ['ci', '--error-on-warnings', '.']);
  ok = run('type-check (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) && ok;
  const only = process.argv.slice(2);
  ok =
    run('unit and integration tests on PGlite and PostgreSQL', bin('vitest'), [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}/unit.json`,
      ...only,
    ]) && ok;
  ok =
    run('browser tests in chromium', bin('vitest'), [
      'run',
      '--config',
      'test/e2e/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}/e2e.json`,
    ]) && ok;
  const a = counts(`${out}/unit.json`);
  const b = counts(`${out}/e2e.json`);
  const failed = a.failed + b.failed + (ok ? 0 : a.failed + b.failed === 0 ? 1 : 0);
  console.log(
    `${a.passed + b.passed} passed, ${failed} failed${a.skipped + b.skipped ? `, ${a.skipped + b.skipped} skipped` : ''}`,
  );
  process.exit(ok && failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(`[npm test] ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
