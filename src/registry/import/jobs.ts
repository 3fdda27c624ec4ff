// The import job record: status, counts and the message of a failure, as the API shows it.
import type { Db, Queryable } from '../../platform/db/types.ts';
import type { Bilingual } from '../../platform/http/problem.ts';
import type { RowError } from './validate-row.ts';

export type JobStatus = 'staged' | 'checked' | 'importing' | 'imported' | 'failed' | 'reverting' | 'reverted';

export interface JobRow {
  id: number;
  created_by: number;
  file_name: string;
  file_kind: 'csv' | 'xlsx';
  fostering_agency_id: number | null;
  status: JobStatus;
  rows_total: number;
  rows_bad: number;
  rows_done: number;
  rows_new: number;
  rows_linked: number;
  message: string | null;
  created_at: Date;
  finished_at: Date | null;
  /** The process running the import or revert (runner.ts), and until when its lease holds without renewal. */
  runner: string | null;
  lease_until: Date | null;
  /** The last staged row committed: a resumed import continues after it. */
  rows_through: number;
}

/** A failure message is stored as JSON {code, id, en} in import_job.message (a text column). */
export interface JobMessage extends Bilingual {
  code: string;
}

export const messageText = (m: JobMessage) => JSON.stringify(m);

export function parseMessage(text: string | null): JobMessage | null {
  if (!text) return null;
  try {
    const m = JSON.parse(text) as JobMessage;
    if (typeof m.id === 'string' && typeof m.en === 'string') return m;
  } catch {
    /* a plain text message */
  }
  return { code: 'message', id: text, en: text };
}

export async function loadJob(db: Queryable, id: number): Promise<JobRow | undefined> {
  const [j] = await db.query<JobRow>('select * from import_job where id = $1', [id]);
  return j;
}

/** A failed job keeps no staged rows: their encrypted NIKs have no further use. */
export async function setJobFailed(db: Db, id: number, m: JobMessage): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `update import_job set status = 'failed', message = $2, finished_at = now(), runner = null, lease_until = null where id = $1`,
      [id, messageText(m)],
    );
    await tx.query('delete from import_row where job_id = $1', [id]);
  });
}

export interface RowErrorItem extends RowError {
  row: number;
}

/** Every problem of every bad row, in row order: one item per (row, column, message). */
export async function listRowErrors(
  db: Queryable,
  jobId: number,
  opts: { afterRow?: number; limit?: number } = {},
): Promise<{ items: RowErrorItem[]; rows: number; lastRow?: number }> {
  const rows = await db.query<{ row_no: number; errors: RowError[] }>(
    `select row_no, errors from import_row where job_id = $1 and errors is not null and row_no > $2 order by row_no limit $3`,
    [jobId, opts.afterRow ?? 0, opts.limit ?? 1000],
  );
  return {
    items: rows.flatMap((r) => r.errors.map((e) => ({ row: r.row_no, ...e }))),
    rows: rows.length,
    lastRow: rows[rows.length - 1]?.row_no,
  };
}

/** What an import of a checked file would do, from the matches found during the dry run. */
export async function previewCounts(
  db: Queryable,
  jobId: number,
): Promise<{ create: number; link: number; unchanged: number }> {
  const [r] = await db.query<{ create: number; link: number; unchanged: number }>(
    `select count(*) filter (where data->'match' = 'null'::jsonb)::int as create,
            count(*) filter (where data->'match' <> 'null'::jsonb and not (data->>'linked')::boolean)::int as link,
            count(*) filter (where (data->>'linked')::boolean)::int as unchanged
       from import_row where job_id = $1 and errors is null`,
    [jobId],
  );
  return { create: r?.create ?? 0, link: r?.link ?? 0, unchanged: r?.unchanged ?? 0 };
}
