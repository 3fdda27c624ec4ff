// The dry run: read the file, check every row, encrypt NIK and phone, and stage every row in import_row with its
// problems. Nothing in the register changes. Runs in the background after the upload; progress is rows_done.
import type { AuditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Db, Queryable } from '../../platform/db/types.ts';
import { personalDataKeys } from '../../platform/personal-data.ts';
import { fieldError, validationFailed } from '../../platform/http/problem.ts';
import { messageText } from './jobs.ts';
import { LEASE_SECONDS, RUNNER } from './runner.ts';
import { type FileKind, FileProblem, type FileRow, readMemberFile } from './read-file.ts';
import { loadReference } from './reference.ts';
import { type CleanMember, type RowError, validateRow } from './validate-row.ts';

const CHUNK = 2_000;

/** A good row as staged: personal data only as ciphertext (base64) and keyed hash (hex). */
export interface StagedMember {
  o: {
    full_name: string;
    nik_enc: string;
    nik_hash: string;
    nik_last4: string;
    nik_region: string;
    phone_enc: string;
    phone_hash: string;
    email: string | null;
    gender: 'male' | 'female';
    birth_date: string;
  };
  u: Omit<CleanMember, 'fullName' | 'nik' | 'gender' | 'birthDate' | 'phone' | 'email'>;
  /** The registered business with the same NIK or NIB at the time of the dry run (a preview; rechecked on import). */
  match: number | null;
  /** …and it is already fostered by the chosen pengampu (importing the row changes nothing). */
  linked: boolean;
}

export interface CheckInput {
  jobId: number;
  file: Buffer;
  kind: FileKind;
  fosteringAgencyId: number;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The pengampu a whole file is imported under must exist (400 naming the query parameter). */
export async function requireAgency(db: Queryable, fosteringAgencyId: number): Promise<void> {
  const [agency] = await db.query('select 1 from fostering_agency where id = $1', [fosteringAgencyId]);
  if (!agency)
    throw validationFailed([
      fieldError(
        'querystring.fosteringAgencyId',
        'unknown_agency',
        'Pengampu tidak dikenal.',
        'Unknown fostering agency.',
      ),
    ]);
}

export async function createJob(
  db: Queryable,
  who: AuditActor,
  accountId: number,
  fileName: string,
  kind: FileKind,
  fosteringAgencyId: number,
): Promise<number> {
  const [j] = await db.query<{ id: number }>(
    `insert into import_job (created_by, file_name, file_kind, fostering_agency_id, runner, lease_until)
     values ($1, $2, $3, $4, $5, now() + make_interval(secs => $6)) returning id`,
    [accountId, fileName.slice(0, 200), kind, fosteringAgencyId, RUNNER, LEASE_SECONDS],
  );
  await audit(db, who, {
    action: 'import.upload',
    entityType: 'import_job',
    entityId: j!.id,
    after: { fileName, kind, fosteringAgencyId },
  });
  return j!.id;
}

/**
 * Checks and stages the file. A file that cannot be read fails as a whole (status failed, message). Otherwise the
 * job ends `checked` with rows_bad; when any row is bad the good rows' staged data is dropped again, because such
 * a file can never be imported (all or nothing) and personal data should not linger.
 */
export async function checkFile(db: Db, who: AuditActor, input: CheckInput): Promise<void> {
  const { jobId } = input;
  let rows: FileRow[];
  try {
    rows = await readMemberFile(input.file, input.kind);
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    await db.transaction(async (tx) => {
      await tx.query(
        `update import_job set status = 'failed', message = $2, finished_at = now(), runner = null, lease_until = null where id = $1`,
        [jobId, messageText({ code: e.code, ...e.bilingual })],
      );
      await audit(tx, who, {
        action: 'import.check',
        entityType: 'import_job',
        entityId: jobId,
        after: { status: 'failed', code: e.code },
      });
    });
    return;
  }
  await db.query(
    'update import_job set rows_total = $2, rows_done = 0, lease_until = now() + make_interval(secs => $3) where id = $1',
    [jobId, rows.length, LEASE_SECONDS],
  );
  const ref = await loadReference(db);
  const keys = personalDataKeys();
  const seenNik = new Map<string, number>();
  const seenNib = new Map<string, number>();
  let bad = 0;

  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const rowNos: number[] = [];
    const datas: (StagedMember | { label: string })[] = [];
    const errs: (RowError[] | null)[] = [];
    const good: { i: number; m: CleanMember; nikHash: Buffer }[] = [];
    for (const row of chunk) {
      const r = validateRow(row, ref);
      const errors = r.ok ? [] : r.errors;
      if (r.ok) {
        const first = seenNik.get(r.member.nik);
        if (first !== undefined)
          errors.push({
            column: 'nik',
            code: 'duplicate_in_file',
            message: { id: `NIK sama dengan baris ${first}.`, en: `Same NIK as row ${first}.` },
          });
        else seenNik.set(r.member.nik, row.rowNo);
        if (r.member.nib) {
          const firstNib = seenNib.get(r.member.nib);
          if (firstNib !== undefined)
            errors.push({
              column: 'nib',
              code: 'duplicate_in_file',
              message: { id: `NIB sama dengan baris ${firstNib}.`, en: `Same NIB as row ${firstNib}.` },
            });
          else seenNib.set(r.member.nib, row.rowNo);
        }
      }
      rowNos.push(row.rowNo);
      errs.push(errors.length ? errors : null);
      if (r.ok && !errors.length) {
        good.push({ i: datas.length, m: r.member, nikHash: keys.hash(r.member.nik) });
        datas.push({ label: '' }); // replaced below once matched
      } else datas.push({ label: String(row.cells.nama_usaha ?? '').slice(0, 200) });
    }

    // Members already in the register, by NIK (keyed hash) or NIB; both pointing at different businesses is an error.
    const byNik = new Map<string, number>();
    const byNib = new Map<string, number>();
    if (good.length) {
      for (const r of await db.query<{ h: Buffer; id: number }>(
        `select o.nik_hash as h, u.id from owner o join umkm u on u.owner_id = o.id where o.nik_hash = any($1::bytea[])`,
        [good.map((g) => g.nikHash)],
      ))
        byNik.set(Buffer.from(r.h).toString('hex'), r.id);
      const nibs = good.map((g) => g.m.nib).filter((n): n is string => n !== null);
      if (nibs.length)
        for (const r of await db.query<{ nib: string; id: number }>(
          'select nib, id from umkm where nib = any($1::text[])',
          [nibs],
        ))
          byNib.set(r.nib, r.id);
    }
    const matches = good.map((g) => {
      const a = byNik.get(g.nikHash.toString('hex'));
      const b = g.m.nib ? byNib.get(g.m.nib) : undefined;
      return { a, b };
    });
    const matchIds = [...new Set(matches.flatMap((m) => [m.a ?? m.b]).filter((x): x is number => x !== undefined))];
    const alreadyLinked = new Set(
      matchIds.length
        ? (
            await db.query<{ umkm_id: number }>(
              'select umkm_id from fostering_link where agency_id = $1 and umkm_id = any($2::int8[])',
              [input.fosteringAgencyId, matchIds],
            )
          ).map((r) => r.umkm_id)
        : [],
    );
    good.forEach((g, k) => {
      const { a, b } = matches[k]!;
      if (a !== undefined && b !== undefined && a !== b) {
        errs[g.i] = [
          {
            column: 'nib',
            code: 'nik_nib_conflict',
            message: {
              id: 'NIB ini terdaftar untuk usaha lain daripada NIK di baris ini.',
              en: 'This NIB is registered to a different business than the NIK on this row.',
            },
          },
        ];
        datas[g.i] = { label: g.m.name.slice(0, 200) };
        return;
      }
      const match = a ?? b ?? null;
      const { fullName, nik, gender, birthDate, phone, email, ...u } = g.m;
      datas[g.i] = {
        o: {
          full_name: fullName,
          nik_enc: keys.encrypt(nik).toString('base64'),
          nik_hash: g.nikHash.toString('hex'),
          nik_last4: nik.slice(12),
          nik_region: nik.slice(0, 6),
          phone_enc: keys.encrypt(phone).toString('base64'),
          phone_hash: keys.hash(phone).toString('hex'),
          email,
          gender,
          birth_date: birthDate,
        },
        u,
        match,
        linked: match !== null && alreadyLinked.has(match),
      };
    });
    bad += errs.filter(Boolean).length;
    await db.query(
      `insert into import_row (job_id, row_no, data, errors) select $1, * from unnest($2::int[], $3::jsonb[], $4::jsonb[])
       on conflict (job_id, row_no) do update set data = excluded.data, errors = excluded.errors`,
      [jobId, rowNos, datas.map((d) => JSON.stringify(d)), errs.map((e) => (e ? JSON.stringify(e) : null))],
    );
    await db.query(
      'update import_job set rows_done = $2, rows_bad = $3, lease_until = now() + make_interval(secs => $4) where id = $1',
      [jobId, start + chunk.length, bad, LEASE_SECONDS],
    );
    await tick(); // let other requests in between chunks
  }

  await db.transaction(async (tx) => {
    if (bad) await tx.query('delete from import_row where job_id = $1 and errors is null', [jobId]);
    await tx.query(
      `update import_job set status = 'checked', rows_bad = $2, rows_done = $3, finished_at = now(), runner = null, lease_until = null where id = $1`,
      [jobId, bad, rows.length],
    );
    await audit(tx, who, {
      action: 'import.check',
      entityType: 'import_job',
      entityId: jobId,
      after: { status: 'checked', rowsTotal: rows.length, rowsBad: bad },
    });
  });
}
