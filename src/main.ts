// Starts the whole platform: database (PGlite by default, PostgreSQL with DATABASE_URL), migrations, demo data on
// first start, the API and the web app on one port.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createApp, WEB_DIR } from './app.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { migrate } from './platform/db/migrate.ts';
import { APP_ROLE, openDb } from './platform/db/open.ts';
import { loadDemo } from './seed/load-demo.ts';
import { watchInterruptedImports } from './registry/import/routes.ts';

async function main() {
  const started = Date.now();
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    console.log('Web app not built yet: building it once (npm run build:web)…');
    execFileSync('npm', ['run', '--silent', 'build:web'], { stdio: 'inherit' });
  }
  const db = await openDb().catch((e: unknown) => {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  });
  const state = { ready: false };
  const app = await createApp({ db, state });
  const log = app.log;
  let stopping = false;
  let stopWatchingImports = () => {};
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    stopWatchingImports();
    try {
      await app.close();
      await db.close();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const demoWanted = process.env.PL_DEMO_DATA
    ? process.env.PL_DEMO_DATA === '1'
    : process.env.NODE_ENV !== 'production';
  if (demoWanted) await loadDemo(db, (msg, data) => log.info(data ?? {}, msg));
  // biome-ignore lint/correctness/useHookAtTopLevel: a database method named use…, not a React hook
  await db.useRole(APP_ROLE).catch((err: unknown) => {
    log.warn(
      { err },
      `could not switch to the database role ${APP_ROLE}; the audit log is then protected by its triggers only`,
    );
  });
  const port = Number(process.env.PORT || 3000);
  await app.listen({ port, host: process.env.HOST || '0.0.0.0' });
  state.ready = true;
  // An import the previous server was running when it died continues here (issue 12).
  stopWatchingImports = watchInterruptedImports(db, log);
  log.info(
    { engine: db.engine, location: db.location, seconds: (Date.now() - started) / 1000 },
    `Pasar Lokal siap di http://localhost:${port}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
