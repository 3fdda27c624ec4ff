import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

const holder = (dir: string) =>
  spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import('${path.resolve('src/platform/db/lock.ts')}').then(m => { m.lockDataDir(${JSON.stringify(dir)}); console.log('held'); setInterval(() => {}, 1000); })`,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );

describe('data directory lock', () => {
  it('refuses a second holder naming the lock file and PID, and takes over a lock left by a dead process', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pl-lock-')), 'pglite');
    const child = holder(dir);
    await new Promise<void>((resolve) => child.stdout!.on('data', (d) => String(d).includes('held') && resolve()));
    let err: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as DataDirLockedError).pid).toBe(child.pid);
    expect((err as Error).message).toContain(`${dir}.lock`);
    child.kill('SIGKILL'); // a crash: the lock file stays behind
    await new Promise((r) => child.once('exit', r));
    expect(fs.existsSync(`${dir}.lock`)).toBe(true);
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(lock.file, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
