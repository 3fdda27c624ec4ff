// The import of a checked file. All or nothing per file, without making other users wait:
//  - the dry run already found every bad row; a file with one bad row never starts (startImport refuses it);
//  - the staged rows are committed in short batches (batchSize rows, one transaction each, ≈0.1–0.5 s), so neither
//    PostgreSQL row/key locks nor PGlite's single connection are held long enough to make anyone wait ~1 s;
//  - each batch writes one audit entry listing the businesses it created and the links it added, in the same
//    transaction; if a later batch fails, revertImport() undoes the earlier batches from those entries (audited
//    too) and the job ends `failed` — so the register ends with all of the file or none of it.
// While an import runs, its members appear batch by batch (the job's status says `importing`).
import type { AuditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/types.ts';
import { localDate } from '../../platform/time.ts';
import { thresholdsOn } from '../size-class.ts';
import { type BatchOutcome, importBatch } from './import-batch.ts';
import { type JobRow, loadJob } from './jobs.ts';
import { endJob, revertImport } from './revert-import.ts';
import { RUNNER } from './runner.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const UNIQUE_VIOLATION = '23505';

/**
 * Imports every staged row of a job that startImport() moved to `importing` (and this process runs), from the row
 * after the last committed batch: a job resumed after a crash continues where it stopped. On failure the batches
 * already committed are reverted, the job is marked failed with the reason, and the error is rethrown for the log.
 */
export async function importFile(db: Db, who: AuditActor, jobId: number): Promise<void> {
  const job = await loadJob(db, jobId);
  if (job?.status !== 'importing' || job.runner !== RUNNER) return;
  const now = new Date();
  const ctx = { today: localDate(now), year: Number(localDate(now).slice(0, 4)), thresholds: await thresholdsOn(db) };
  let afterRow = job.rows_through;
  try {
    for (;;) {
      let outcome: BatchOutcome | 'stopped' | undefined;
      for (let attempt = 1; ; attempt++) {
        try {
          outcome = await db.transaction((tx) => importBatch(tx, who, job, afterRow, ctx));
          break;
        } catch (e) {
          // Someone registered one of these NIKs/NIBs a moment ago: the retry re-resolves it into a link.
          if ((e as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 3) throw e;
        }
      }
      if (outcome === 'stopped') return; // reverted meanwhile: the revert finishes the job
      if (!outcome) break;
      afterRow = outcome.lastRow;
      await tick();
    }
    await db.transaction(async (tx) => {
      const [done] = await tx.query<JobRow>(
        `update import_job set status = 'imported', finished_at = now(), runner = null, lease_until = null where id = $1 and status = 'importing' returning *`,
        [jobId],
      );
      if (!done) return; // reverted between the last batch and now
      await tx.query('delete from import_row where job_id = $1', [jobId]); // the staged personal data has served its purpose
      await audit(tx, who, {
        action: 'import.complete',
        entityType: 'import_job',
        entityId: jobId,
        after: { rowsNew: done?.rows_new, rowsLinked: done?.rows_linked, rowsTotal: done?.rows_total },
      });
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    let reverted = true;
    try {
      await revertImport(db, who, jobId);
    } catch {
      reverted = false;
    }
    await endJob(
      db,
      jobId,
      'failed',
      reverted
        ? {
            code: 'import_failed',
            id: `Impor gagal dan dibatalkan seluruhnya; tidak ada yang berubah. Sebab: ${reason}`,
            en: `The import failed and was undone entirely; nothing changed. Cause: ${reason}`,
          }
        : {
            code: 'import_failed_partial',
            id: `Impor gagal dan pembatalan tidak selesai; hubungi admin teknis. Sebab: ${reason}`,
            en: `The import failed and could not be fully undone; contact technical support. Cause: ${reason}`,
          },
    );
    throw e;
  }
}
