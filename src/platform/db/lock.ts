import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite does not lock its data directory, and two processes on one directory corrupt it.
 * We take a lock file beside the directory holding our PID; a lock whose process is gone is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `Database directory is in use: lock file ${lockFile} is held by process ${pid}. ` +
        `Stop that process first (or set PGLITE_DIR to another directory). ` +
        `Direktori basis data sedang dipakai oleh proses ${pid} (berkas kunci ${lockFile}).`,
    );
  }
}

export interface DirLock {
  readonly file: string;
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): DirLock {
  const file = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readPid(file) === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { file, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = readPid(file);
      if (pid !== undefined && pid !== process.pid && processAlive(pid)) throw new DataDirLockedError(file, pid);
      // Stale lock from a dead process (or unreadable): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take lock file ${file}`);
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isFinite(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
