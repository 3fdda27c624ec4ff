// Shared by the database CLIs: open the configured database (taking the embedded database's lock), always close
// it, and show a refusal as its message only — a stack trace is for bugs, not for "the server is running".
import { BackupError } from '../platform/db/backup.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { openDb } from '../platform/db/open.ts';
import type { Db } from '../platform/db/types.ts';

export async function withCliDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Runs a CLI's main; expected refusals print their message and exit 1, anything else prints the error. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      if (e instanceof DataDirLockedError || e instanceof BackupError || e instanceof UsageError)
        console.error(e.message);
      else console.error(e);
      process.exit(e instanceof UsageError ? 2 : 1);
    },
  );
}

export class UsageError extends Error {}

/** The one positional argument of `npm run backup -- <file>` / `npm run restore -- <file>`. */
export function fileArgument(usage: string): string {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError(`Usage: ${usage}`);
  return args[0]!;
}

/** Progress goes to stderr so that stdout's last line stays the JSON result. */
export const progress = (msg: string) => console.error(msg);
