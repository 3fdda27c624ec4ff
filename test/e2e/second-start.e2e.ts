import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { baseUrl } from './browser.ts';

describe('a second npm start on the same data directory', () => {
  it('exits at once with a message naming the lock file and PID, while the first keeps serving', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const started = Date.now();
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', PGLITE_DIR: inject('pgliteDir'), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).not.toBe(0);
    // "At once": well before the first start's 20 s budget, even when tsx starts slowly on a loaded machine.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(output).toContain(`${inject('pgliteDir')}.lock`);
    expect(output).toMatch(/process \d+/);
    const health = await fetch(`${baseUrl()}/api/health`);
    expect(health.status).toBe(200);
  });
});
