// Starting an import: a checked, clean job moves to `importing` for the runner (see import-file.ts).
import type { AuditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { JobRow } from './jobs.ts';
import { LEASE_SECONDS, RUNNER } from './runner.ts';

/** Moves a checked, clean job to `importing` (atomically: two clicks start one import). */
export async function startImport(db: Db, who: AuditActor, jobId: number, confirmRows: number): Promise<JobRow> {
  return db.transaction(async (tx) => {
    const [job] = await tx.query<JobRow>('select * from import_job where id = $1 for update', [jobId]);
    if (!job) throw new AppError(404, 'not_found', { id: 'Impor tidak ditemukan.', en: 'Import not found.' });
    const staged = await tx.query('select 1 from import_row where job_id = $1 limit 1', [jobId]);
    if (job.status === 'importing')
      throw new AppError(409, 'import_running', {
        id: 'Impor ini sedang berjalan.',
        en: 'This import is already running.',
      });
    if (job.status === 'imported')
      throw new AppError(409, 'import_done', {
        id: 'Berkas ini sudah diimpor.',
        en: 'This file has already been imported.',
      });
    if (job.status === 'staged')
      throw new AppError(409, 'import_checking', {
        id: 'Berkas masih diperiksa; tunggu sampai selesai.',
        en: 'The file is still being checked; wait until it is done.',
      });
    if (job.rows_bad > 0)
      throw new AppError(409, 'import_has_errors', {
        id: `Ada ${job.rows_bad} baris bermasalah: tidak ada yang diimpor. Perbaiki berkas dan unggah ulang.`,
        en: `${job.rows_bad} rows have problems: nothing is imported. Fix the file and upload it again.`,
      });
    if (!staged.length || job.rows_total === 0)
      throw new AppError(409, 'import_empty', {
        id: 'Tidak ada baris untuk diimpor.',
        en: 'There are no rows to import.',
      });
    if (confirmRows !== job.rows_total)
      throw new AppError(409, 'import_confirm_mismatch', {
        id: `Konfirmasi jumlah baris (${job.rows_total}) tidak cocok.`,
        en: `The confirmed row count does not match (${job.rows_total}).`,
      });
    const [next] = await tx.query<JobRow>(
      `update import_job set status = 'importing', rows_done = 0, rows_new = 0, rows_linked = 0, rows_through = 0, message = null, finished_at = null,
              runner = $2, lease_until = now() + make_interval(secs => $3) where id = $1 returning *`,
      [jobId, RUNNER, LEASE_SECONDS],
    );
    await audit(tx, who, {
      action: 'import.start',
      entityType: 'import_job',
      entityId: jobId,
      before: { status: job.status },
      after: { status: 'importing' },
    });
    return next!;
  });
}
