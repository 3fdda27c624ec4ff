// How an import job is shown: its phase, counts, progress and what may be done next (JobOut).
import type { Queryable } from '../../platform/db/types.ts';
import { type JobRow, parseMessage, previewCounts } from './jobs.ts';
import type * as S from './schema.ts';

/** One job as the admin sees it. */
export async function presentJob(db: Queryable, j: JobRow): Promise<S.JobOut> {
  const [agency] = j.fostering_agency_id
    ? await db.query<{ id: number; code: string; name: string }>(
        'select id, code, name from fostering_agency where id = $1',
        [j.fostering_agency_id],
      )
    : [];
  const phase: S.JobOut['phase'] =
    j.status === 'staged' ? 'checking' : j.status === 'checked' ? (j.rows_bad > 0 ? 'has_errors' : 'ready') : j.status;
  // A failed import that was not fully undone (or whose revert failed) can be reverted again.
  const canRevert =
    j.status === 'importing' ||
    (j.status === 'failed' && ['import_failed_partial', 'revert_failed'].includes(parseMessage(j.message)?.code ?? ''));
  const canImport =
    (j.status === 'checked' || j.status === 'failed') &&
    j.rows_bad === 0 &&
    j.rows_total > 0 &&
    (await db.query('select 1 from import_row where job_id = $1 limit 1', [j.id])).length > 0;
  return {
    id: j.id,
    fileName: j.file_name,
    fileKind: j.file_kind,
    fosteringAgency: agency ?? null,
    status: j.status,
    phase,
    rowsTotal: j.rows_total,
    rowsBad: j.rows_bad,
    rowsDone: j.rows_done,
    rowsNew: j.rows_new,
    rowsLinked: j.rows_linked,
    rowsUnchanged: j.status === 'imported' ? j.rows_total - j.rows_new - j.rows_linked : 0,
    progress: j.rows_total ? Math.min(1, j.rows_done / j.rows_total) : j.status === 'staged' ? 0 : 1,
    canImport,
    canRevert,
    preview: canImport ? await previewCounts(db, j.id) : null,
    message: parseMessage(j.message),
    createdAt: j.created_at.toISOString(),
    finishedAt: j.finished_at?.toISOString() ?? null,
  };
}

/** The recent jobs, newest first. */
export async function listJobs(db: Queryable, limit: number): Promise<S.JobOut[]> {
  const jobs = await db.query<JobRow>('select * from import_job order by id desc limit $1', [limit]);
  return Promise.all(jobs.map((j) => presentJob(db, j)));
}
