import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The server serves dist/web as built: rebuild it when any web source is newer, so the journeys test today's pages. */
function ensureFreshWebBuild(root: string) {
  const built = path.join(root, 'dist/web/index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const web = path.join(root, 'web');
  const newest = Math.max(
    ...fs
      .readdirSync(web, { recursive: true, encoding: 'utf8' })
      .filter((f) => !f.includes('node_modules'))
      .map((f) => fs.statSync(path.join(web, f)).mtimeMs),
  );
  if (newest > builtAt)
    execFileSync('node', [path.join(root, 'scripts/build-web.mjs')], { cwd: root, stdio: 'inherit' });
}

/** Starts the platform as `npm start` does, on a throw-away embedded database, and waits for /api/health. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-e2e-'));
  const port = await freePort();
  const root = new URL('../..', import.meta.url).pathname;
  ensureFreshWebBuild(root);
  const child: ChildProcess = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PGLITE_DIR: path.join(dir, 'pglite'),
      PL_DATA_KEY_FILE: path.join(dir, 'key'),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  // A fresh embedded database with the demo data takes over a minute when both cores are busy (CI beside other
  // work): wait long enough, and never leave the server running when giving up.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('server did not become healthy in 240 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', base);
  project.provide('pgliteDir', path.join(dir, 'pglite'));
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    pgliteDir: string;
  }
}
