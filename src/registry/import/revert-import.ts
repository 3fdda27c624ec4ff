// Undoing an import: startRevert() moves a job to `reverting`, runRevert() undoes it; revertImport() undoes the
// committed batches from their audit entries (also used by importFile() when an import fails part-way).
import type { AuditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Db, Queryable } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { type JobMessage, type JobRow, loadJob, messageText } from './jobs.ts';
import { LEASE_SECONDS, RUNNER } from './runner.ts';

/** Ends a job (failed or reverted) and deletes its staged rows: the encrypted NIKs are not kept past the job. */
export async function endJob(
  db: Db,
  jobId: number,
  status: 'failed' | 'reverted',
  m: JobMessage | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `update import_job set status = $2, finished_at = now(), message = $3, runner = null, lease_until = null where id = $1`,
      [jobId, status, m && messageText(m)],
    );
    await tx.query('delete from import_row where job_id = $1', [jobId]);
  });
}

/** Moves an interrupted or running import (or a failed one not fully undone) to `reverting`, for runRevert(). */
export async function startRevert(db: Db, who: AuditActor, jobId: number): Promise<JobRow> {
  return db.transaction(async (tx) => {
    const [job] = await tx.query<JobRow>('select * from import_job where id = $1 for update', [jobId]);
    if (!job) throw new AppError(404, 'not_found', { id: 'Impor tidak ditemukan.', en: 'Import not found.' });
    if (job.status === 'reverting')
      throw new AppError(409, 'revert_running', {
        id: 'Impor ini sedang dibatalkan.',
        en: 'This import is already being reverted.',
      });
    const partial = job.status === 'failed' && (await unrevertedBatches(tx, jobId)).length > 0;
    if (job.status !== 'importing' && !partial)
      throw new AppError(409, 'import_not_revertable', {
        id: 'Hanya impor yang sedang berjalan, terputus, atau gagal sebagian yang dapat dibatalkan.',
        en: 'Only an import that is running, was interrupted, or failed part-way can be reverted.',
      });
    const [next] = await tx.query<JobRow>(
      `update import_job set status = 'reverting', runner = $2, lease_until = now() + make_interval(secs => $3) where id = $1 returning *`,
      [jobId, RUNNER, LEASE_SECONDS],
    );
    await audit(tx, who, {
      action: 'import.revert',
      entityType: 'import_job',
      entityId: jobId,
      before: { status: job.status, rowsDone: job.rows_done, rowsNew: job.rows_new },
      after: { status: 'reverting' },
    });
    return next!;
  });
}

/** Undoes a job in `reverting` that this process runs, then ends it `reverted` without its staged rows. */
export async function runRevert(db: Db, who: AuditActor, jobId: number): Promise<void> {
  const job = await loadJob(db, jobId);
  if (job?.status !== 'reverting' || job.runner !== RUNNER) return;
  const { removed, unlinked } = await revertImport(db, who, jobId);
  await endJob(db, jobId, 'reverted', null);
  await db.transaction((tx) =>
    audit(tx, who, {
      action: 'import.reverted',
      entityType: 'import_job',
      entityId: jobId,
      after: { removed, unlinked },
    }),
  );
}

const unrevertedBatches = (q: Queryable, jobId: number) =>
  q.query<{ id: number; after: { created: number[]; linked: number[]; fosteringAgencyId: number; rows: number } }>(
    `select a.id, a.after from audit_log a where a.entity_type = 'import_job' and a.entity_id = $1 and a.action = 'import.batch'
        and not exists (select 1 from audit_log r where r.entity_type = 'import_job' and r.entity_id = $1 and r.action = 'import.revert_batch' and r.after->>'batchAuditId' = a.id::text)
      order by a.id desc`,
    [String(jobId)],
  );

/**
 * Undoes a job's committed batches, newest first, from their audit entries: deletes the businesses it created
 * (with their owner, KBLI codes, links, journey and size history) and the fostering links it added to existing
 * members. Each batch's undo is one transaction with its own audit entry. Used when an import fails part-way.
 */
export async function revertImport(
  db: Db,
  who: AuditActor,
  jobId: number,
): Promise<{ removed: number; unlinked: number }> {
  const batches = await unrevertedBatches(db, jobId);
  let removed = 0;
  let unlinked = 0;
  for (const batch of batches) {
    const b = batch.after;
    await db.transaction(async (tx) => {
      const c = b.created;
      const un = b.linked.length
        ? await tx.query('delete from fostering_link where agency_id = $1 and umkm_id = any($2::int8[]) returning 1', [
            b.fosteringAgencyId,
            b.linked,
          ])
        : [];
      if (c.length) {
        const owners = (
          await tx.query<{ owner_id: number }>('select owner_id from umkm where id = any($1::int8[])', [c])
        ).map((r) => r.owner_id);
        for (const t of ['journey_stage', 'size_class_history', 'umkm_kbli', 'fostering_link'])
          await tx.query(`delete from ${t} where umkm_id = any($1::int8[])`, [c]);
        await tx.query('delete from umkm where id = any($1::int8[])', [c]);
        await tx.query(
          'delete from owner o where id = any($1::int8[]) and not exists (select 1 from umkm u where u.owner_id = o.id)',
          [owners],
        );
      }
      await tx.query(
        `update import_job set rows_done = greatest(rows_done - $2, 0), rows_new = greatest(rows_new - $3, 0), rows_linked = greatest(rows_linked - $4, 0),
                lease_until = case when runner is null then null else now() + make_interval(secs => $5) end where id = $1`,
        [jobId, b.rows, c.length, un.length, LEASE_SECONDS],
      );
      await audit(tx, who, {
        action: 'import.revert_batch',
        entityType: 'import_job',
        entityId: jobId,
        after: { batchAuditId: String(batch.id), removed: c.length, unlinked: un.length },
      });
      removed += c.length;
      unlinked += un.length;
    });
  }
  return { removed, unlinked };
}
