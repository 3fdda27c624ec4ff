// Imports and dry runs run after the request that started them has answered (202). A failure never reaches
// the process: it is logged and the job is marked failed with a message the admin can read.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/types.ts';
import { loadJob, setJobFailed } from './jobs.ts';

const running = new Set<Promise<void>>();

export function runInBackground(
  db: Db,
  log: FastifyBaseLogger,
  jobId: number,
  what: string,
  task: () => Promise<void>,
): void {
  const p: Promise<void> = (async () => {
    await new Promise<void>((resolve) => setImmediate(resolve)); // answer the request first
    try {
      await task();
    } catch (e) {
      log.error({ err: e, jobId }, `import job ${what} failed`);
      try {
        const job = await loadJob(db, jobId);
        if (job && job.status !== 'failed') {
          const reason = e instanceof Error ? e.message : String(e);
          await setJobFailed(db, jobId, {
            code: `${what}_failed`,
            id: `Proses gagal: ${reason}`,
            en: `The process failed: ${reason}`,
          });
        }
      } catch (e2) {
        log.error({ err: e2, jobId }, 'could not mark the import job failed');
      }
    }
  })().finally(() => running.delete(p));
  running.add(p);
}

/** For a clean shutdown (and tests): resolves when every background job of this process has ended. */
export async function backgroundIdle(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}
