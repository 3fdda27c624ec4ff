// One committed batch of an import: re-resolves its staged rows against the register, creates the new members,
// links the existing ones, and writes the batch's audit entry (which revert-import.ts undoes from).
import type { AuditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Db, Tx } from '../../platform/db/types.ts';
import { sizeClassOf, type thresholdsOn } from '../size-class.ts';
import type { StagedMember } from './check-file.ts';
import type { JobRow } from './jobs.ts';
import { LEASE_SECONDS, RUNNER } from './runner.ts';

/**
 * Rows per committed batch: PGlite runs queries in this thread, so its batches are smaller (≈0.25 s each).
 * PL_IMPORT_BATCH_ROWS overrides it (smaller batches: shorter transactions, a slower import).
 */
export const batchSize = (engine: Db['engine']) =>
  Number(process.env.PL_IMPORT_BATCH_ROWS) || (engine === 'pglite' ? 500 : 1_000);

export interface BatchOutcome {
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
export async function importBatch(
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
