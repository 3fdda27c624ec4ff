// Which process runs an import, and what happens to an import whose process died (issue 12).
// The process that runs a job writes its name (host:pid:boot) into import_job.runner and renews a lease with every
// batch. A job `staged`, `importing` or `reverting` is orphaned when its runner is gone: on this host, its process
// no longer exists (or is this very process under a new boot, e.g. pid 1 in a restarted container); elsewhere,
// its lease has expired. A server takes orphaned jobs over at start-up and then every minute: an import continues
// after the last committed batch (rows are idempotent by NIK/NIB), a revert continues with the batches not yet
// undone, and a dry run (whose uploaded file lived only in the dead process's memory) fails, asking for the file again.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { AuditActor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/types.ts';

const BOOT = randomUUID().slice(0, 8);
export const RUNNER = `${os.hostname()}:${process.pid}:${BOOT}`;

/** A batch takes well under a second; a minute without one means the runner is stuck or gone. */
export const LEASE_SECONDS = 60;
const SWEEP_MS = 60_000;

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Whether a job's runner can no longer be running it: on this host, its process; elsewhere, its lease. */
export function runnerGone(runner: string | null, leaseUntil: Date | null, now = new Date()): boolean {
  if (!runner) return true;
  const [host, pid, boot] = runner.split(':');
  if (host !== os.hostname()) return !leaseUntil || leaseUntil < now;
  if (Number(pid) === process.pid) return boot !== BOOT;
  return processGone(Number(pid));
}

interface Orphan {
  id: number;
  status: 'staged' | 'importing' | 'reverting';
  runner: string | null;
  lease_until: Date | null;
  created_by: number;
}

/**
 * Takes over every orphaned job (atomically: of two servers starting at once, one gets each job) and runs it in
 * the background with `run`. Returns the ids taken over.
 */
export async function resumeOrphanedJobs(
  db: Db,
  run: (job: { id: number; status: Orphan['status'] }, who: AuditActor) => void,
): Promise<number[]> {
  const candidates = await db.query<Orphan>(
    `select id, status, runner, lease_until, created_by from import_job where status in ('staged', 'importing', 'reverting') order by id`,
  );
  const taken: number[] = [];
  for (const c of candidates) {
    if (!runnerGone(c.runner, c.lease_until)) continue;
    const [claimed] = await db.query<{ id: number }>(
      `update import_job set runner = $2, lease_until = now() + make_interval(secs => $3)
        where id = $1 and status = $4 and runner is not distinct from $5 returning id`,
      [c.id, RUNNER, LEASE_SECONDS, c.status, c.runner],
    );
    if (!claimed) continue;
    // The admin who started the job stays the one its members are registered by; the label says who resumed it.
    const [start] = await db.query<{ actor_account_id: number | null }>(
      `select actor_account_id from audit_log where entity_type = 'import_job' and entity_id = $1 and action in ('import.start', 'import.revert') order by id desc limit 1`,
      [String(c.id)],
    );
    run(
      { id: c.id, status: c.status },
      {
        accountId: start?.actor_account_id ?? c.created_by,
        role: 'platform_admin',
        label: 'system:import-resume',
        requestId: null,
      },
    );
    taken.push(c.id);
  }
  return taken;
}

/** At start-up and every minute after: resume what a dead server left behind. Stops with the returned function. */
export function watchOrphanedJobs(
  db: Db,
  log: FastifyBaseLogger,
  run: Parameters<typeof resumeOrphanedJobs>[1],
): () => void {
  const sweep = () =>
    resumeOrphanedJobs(db, run).then(
      (ids) => ids.length && log.info({ jobIds: ids }, 'resumed import jobs left by a stopped server'),
      (err: unknown) => log.error({ err }, 'could not resume interrupted import jobs'),
    );
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
