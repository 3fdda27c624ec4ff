// The import of a checked file. All or nothing per file, without making other users wait:
//  - the dry run already found every bad row; a file with one bad row never starts (startImport refuses it);
//  - the staged rows are committed in short batches (batchSize rows, one transaction each, ≈0.1–0.5 s), so neither
//    PostgreSQL row/key locks nor PGlite's single connection are held long enough to make anyone wait ~1 s;
//  - each batch writes one audit entry listing the businesses it created and the links it added, in the same
//    transaction; if a later batch fails, revertImport() undoes the earlier batches from those entries (audited
//    too) and the job ends `failed` — so the register ends with all of the file or none of it.
// While an import runs, its members appear batch by batch (the job's status says `importing`).
// Idempotent by NIK/NIB: each batch re-resolves its rows against the register inside its own transaction.
import type { AuditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Db, Queryable, Tx } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { localDate } from '../../platform/time.ts';
import { sizeClassOf, thresholdsOn } from '../size-class.ts';
import type { StagedMember } from './check-file.ts';
import { type JobMessage, type JobRow, loadJob, messageText } from './jobs.ts';
import { LEASE_SECONDS, RUNNER } from './runner.ts';

/**
 * Rows per committed batch: PGlite runs queries in this thread, so its batches are smaller (≈0.25 s each).
 * PL_IMPORT_BATCH_ROWS overrides it (smaller batches: shorter transactions, a slower import).
 */
export const batchSize = (engine: Db['engine']) =>
  Number(process.env.PL_IMPORT_BATCH_ROWS) || (engine === 'pglite' ? 500 : 1_000);

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

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

interface BatchOutcome {
  rows: number;
  created: number[];
  linked: number[];
  lastRow: number;
}

const OWNER_COLS =
  'full_name, nik_enc, nik_hash, nik_last4, nik_region, phone_enc, phone_hash, email, gender, birth_date';

async function reserve(tx: Tx, table: string, n: number): Promise<number[]> {
  if (!n) return [];
  const rows = await tx.query<{ id: number }>(
    `select nextval(pg_get_serial_sequence($1, 'id')) as id from generate_series(1, $2::int) order by 1`,
    [table, n],
  );
  return rows.map((r) => r.id);
}

/** The batch's outcome; 'stopped' when the job is no longer this process's import (an admin reverts it). */
async function importBatch(
  tx: Tx,
  who: AuditActor,
  job: JobRow,
  afterRow: number,
  ctx: { today: string; year: number; thresholds: Awaited<ReturnType<typeof thresholdsOn>> },
): Promise<BatchOutcome | 'stopped' | undefined> {
  // The job row's lock orders this batch against a revert: a batch commits before the revert starts, or not at all.
  const [now] = await tx.query<{ status: string; runner: string | null }>(
    'select status, runner from import_job where id = $1 for update',
    [job.id],
  );
  if (now?.status !== 'importing' || now.runner !== RUNNER) return 'stopped';
  const staged = await tx.query<{ row_no: number; data: StagedMember }>(
    'select row_no, data from import_row where job_id = $1 and row_no > $2 and errors is null order by row_no limit $3',
    [job.id, afterRow, batchSize(tx.engine)],
  );
  if (!staged.length) return undefined;
  const agency = job.fostering_agency_id!;

  // Re-resolve against the register now (it may have changed since the dry run): same NIK or NIB → existing member.
  const hashes = staged.map((s) => Buffer.from(s.data.o.nik_hash, 'hex'));
  const nibs = staged.map((s) => s.data.u.nib).filter((n): n is string => n !== null);
  const byNik = new Map(
    (
      await tx.query<{ h: Buffer; id: number }>(
        'select o.nik_hash as h, u.id from owner o join umkm u on u.owner_id = o.id where o.nik_hash = any($1::bytea[])',
        [hashes],
      )
    ).map((r) => [Buffer.from(r.h).toString('hex'), r.id]),
  );
  const byNib = new Map(
    nibs.length
      ? (
          await tx.query<{ nib: string; id: number }>('select nib, id from umkm where nib = any($1::text[])', [nibs])
        ).map((r) => [r.nib, r.id])
      : [],
  );
  const existing: number[] = [];
  const fresh: StagedMember[] = [];
  for (const s of staged) {
    const id = byNik.get(s.data.o.nik_hash) ?? (s.data.u.nib ? byNib.get(s.data.u.nib) : undefined);
    if (id !== undefined) existing.push(id);
    else fresh.push(s.data);
  }

  const linked = existing.length
    ? (
        await tx.query<{ umkm_id: number }>(
          `insert into fostering_link (umkm_id, agency_id, since) select u, $2, $3 from unnest($1::int8[]) u on conflict do nothing returning umkm_id`,
          [existing, agency, ctx.today],
        )
      ).map((r) => r.umkm_id)
    : [];

  const ownerIds = await reserve(tx, 'owner', fresh.length);
  const umkmIds = await reserve(tx, 'umkm', fresh.length);
  if (fresh.length) {
    const col = <T>(f: (m: StagedMember, i: number) => T) => fresh.map(f);
    await tx.query(
      `insert into owner (id, ${OWNER_COLS}) overriding system value
       select id, full_name, decode(nik_enc, 'base64'), decode(nik_hash, 'hex'), nik_last4, nik_region, decode(phone_enc, 'base64'), decode(phone_hash, 'hex'), email, gender, birth_date
         from unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::date[])
           as t(id, full_name, nik_enc, nik_hash, nik_last4, nik_region, phone_enc, phone_hash, email, gender, birth_date)`,
      [
        ownerIds,
        col((m) => m.o.full_name),
        col((m) => m.o.nik_enc),
        col((m) => m.o.nik_hash),
        col((m) => m.o.nik_last4),
        col((m) => m.o.nik_region),
        col((m) => m.o.phone_enc),
        col((m) => m.o.phone_hash),
        col((m) => m.o.email),
        col((m) => m.o.gender),
        col((m) => m.o.birth_date),
      ],
    );
    const sizes = fresh.map((m) =>
      sizeClassOf(
        { capital: m.u.capital, annualSales: m.u.annualSales, startYear: m.u.startYear },
        ctx.thresholds.thresholds,
        ctx.year,
      ),
    );
    await tx.query(
      `insert into umkm (id, owner_id, name, kind, nib, npwp, kbli_code, village_code, address, postal_code, start_year, workers, capital, annual_sales, size_class, registration_channel, registered_by)
       overriding system value
       select *, 'import', $16::int8 from unnest($1::int8[], $2::int8[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int4[], $12::int4[], $13::int8[], $14::int8[], $15::text[])`,
      [
        umkmIds,
        ownerIds,
        col((m) => m.u.name),
        col((m) => m.u.kind),
        col((m) => m.u.nib),
        col((m) => m.u.npwp),
        col((m) => m.u.kbli[0]),
        col((m) => m.u.villageCode),
        col((m) => m.u.address),
        col((m) => m.u.postalCode),
        col((m) => m.u.startYear),
        col((m) => m.u.workers),
        col((m) => m.u.capital),
        col((m) => m.u.annualSales),
        sizes.map((s) => s?.sizeClass ?? null),
        who.accountId,
      ],
    );
    const extra = fresh.flatMap((m, i) => m.u.kbli.slice(1).map((k) => [umkmIds[i], k] as const));
    if (extra.length)
      await tx.query('insert into umkm_kbli (umkm_id, kbli_code) select * from unnest($1::int8[], $2::text[])', [
        extra.map((e) => e[0]),
        extra.map((e) => e[1]),
      ]);
    await tx.query(
      'insert into fostering_link (umkm_id, agency_id, since) select u, $2, $3 from unnest($1::int8[]) u',
      [umkmIds, agency, ctx.today],
    );
    await tx.query(
      `insert into journey_stage (umkm_id, stage, reached_on, evidence, recorded_by) select u, 1, $2, $3, $4 from unnest($1::int8[]) u`,
      [umkmIds, ctx.today, JSON.stringify({ channel: 'import', importJobId: job.id }), who.accountId],
    );
    const withSize = fresh.map((m, i) => ({ m, i, s: sizes[i] })).filter((x) => x.s);
    if (withSize.length)
      await tx.query(
        `insert into size_class_history (umkm_id, size_class, basis, capital, annual_sales, rule_effective_from, changed_by)
         select *, $6::date, $7::int8 from unnest($1::int8[], $2::text[], $3::text[], $4::int8[], $5::int8[])`,
        [
          withSize.map((x) => umkmIds[x.i]),
          withSize.map((x) => x.s!.sizeClass),
          withSize.map((x) => x.s!.basis),
          withSize.map((x) => x.m.u.capital),
          withSize.map((x) => x.m.u.annualSales),
          ctx.thresholds.effectiveFrom,
          who.accountId,
        ],
      );
  }
  const lastRow = staged[staged.length - 1]!.row_no;
  await tx.query(
    `update import_job set rows_done = rows_done + $2, rows_new = rows_new + $3, rows_linked = rows_linked + $4, rows_through = $5,
            lease_until = now() + make_interval(secs => $6) where id = $1`,
    [job.id, staged.length, umkmIds.length, linked.length, lastRow, LEASE_SECONDS],
  );
  await audit(tx, who, {
    action: 'import.batch',
    entityType: 'import_job',
    entityId: job.id,
    after: {
      fromRow: staged[0]!.row_no,
      toRow: lastRow,
      rows: staged.length,
      fosteringAgencyId: agency,
      created: umkmIds,
      linked,
    },
  });
  return { rows: staged.length, created: umkmIds, linked, lastRow };
}

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

/** Ends a job (failed or reverted) and deletes its staged rows: the encrypted NIKs are not kept past the job. */
async function endJob(db: Db, jobId: number, status: 'failed' | 'reverted', m: JobMessage | null): Promise<void> {
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
