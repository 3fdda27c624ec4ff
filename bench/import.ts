// `npm run bench -- import [--rows 100000] [--existing 2000]`: a generated member list (XLSX) is checked (dry run)
// and imported into the database at DATABASE_URL (the jakarta scale: pl_bench_seed). Goal (issue 4): ≤ 60 s each.
// `--existing` rows repeat members already in the register (their NIK), to exercise linking to another pengampu.
// While importing, a probe plays another user (a read, and a write on a member the import links) and reports its
// longest wait. Afterwards the import is undone with the same revert the import uses when it fails (audited), so
// the seeded data stays as it was and the benchmark can run again; the audit log keeps the whole story.
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { createAccount, grantRole } from '../src/access/create-account.ts';
import { SYSTEM } from '../src/platform/auth/actor.ts';
import { personalDataKeys } from '../src/platform/personal-data.ts';
import { checkFile, createJob } from '../src/registry/import/check-file.ts';
import { generateList } from '../test/support/generate-list.ts';
import { listToXlsx } from '../test/support/generate-list.ts';
import { importFile } from '../src/registry/import/import-file.ts';
import { revertImport } from '../src/registry/import/revert-import.ts';
import { startImport } from '../src/registry/import/start-import.ts';
import { listRowErrors, loadJob, messageText } from '../src/registry/import/jobs.ts';
import { openBenchDb } from './harness.ts';
import type { Bench } from './run.ts';

const GOAL_SECONDS = 60;
const BENCH_EMAIL = 'bench-import@bench.pasarlokal.id';
const secondsSince = (t: number) => Math.round(performance.now() - t) / 1000;

const bench: Bench = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '100000' },
      existing: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const rows = Number(values.rows);
  const { db, engine, location } = await openBenchDb();
  try {
    const [acc] = await db.query<{ id: number }>('select id from account where email = $1', [BENCH_EMAIL]);
    const accountId =
      acc?.id ??
      (await db.transaction(async (tx) => {
        const id = await createAccount(tx, SYSTEM('bench'), {
          displayName: 'Benchmark impor',
          email: BENCH_EMAIL,
          password: crypto.randomBytes(18).toString('base64url'),
        });
        await grantRole(tx, SYSTEM('bench'), id, 'platform_admin');
        return id;
      }));
    const who = {
      accountId,
      role: 'platform_admin',
      label: 'Benchmark impor',
      requestId: `bench-import-${Date.now()}`,
    };
    let [agency] = await db.query<{ id: number }>(
      'select id from fostering_agency order by (select count(*) from fostering_link f where f.agency_id = fostering_agency.id) limit 1',
    );
    agency ??= (
      await db.query<{ id: number }>(
        `insert into fostering_agency (code, name) values ('BENCH', 'Pengampu benchmark') returning id`,
      )
    )[0];

    // Members already registered (under some pengampu): their rows must link, not duplicate.
    const wanted = Math.min(Number(values.existing ?? Math.round(rows * 0.02)), rows);
    const keys = personalDataKeys();
    const existing = (
      await db.query<{ nik_enc: Buffer; nib: string | null }>(
        `select o.nik_enc, u.nib from umkm u tablesample system (5) join owner o on o.id = u.owner_id where o.nik_enc is not null limit $1`,
        [wanted],
      )
    ).map((r) => ({ nik: keys.decrypt(r.nik_enc), nib: r.nib }));

    let t = performance.now();
    const list = await generateList(db, { rows, seed: crypto.randomInt(1, 2 ** 31), existing });
    const file = await listToXlsx(list);
    const generateS = secondsSince(t);
    console.error(
      `bench import: ${rows} rows (${existing.length} already registered), ${(file.length / 1e6).toFixed(1)} MB XLSX in ${generateS} s, into ${engine} ${location}`,
    );

    t = performance.now();
    const jobId = await createJob(db, who, accountId, 'bench-anggota.xlsx', 'xlsx', agency!.id);
    await checkFile(db, who, { jobId, file, kind: 'xlsx', fosteringAgencyId: agency!.id });
    const dryRunS = secondsSince(t);
    const checked = (await loadJob(db, jobId))!;
    console.error(`dry run: ${dryRunS} s, status ${checked.status}, ${checked.rows_bad} bad rows`);
    if (checked.status !== 'checked' || checked.rows_bad > 0) {
      const sample = (await listRowErrors(db, jobId, { limit: 5 })).items;
      throw new Error(`the generated file did not pass the dry run: ${checked.message ?? JSON.stringify(sample)}`);
    }

    // Another user meanwhile: reads the register and updates a member the import is linking.
    const [probeTarget] = await db.query<{ id: number }>(
      `select (data->>'match')::int8 as id from import_row where job_id = $1 and data->>'match' is not null limit 1`,
      [jobId],
    );
    let probing = true;
    let longest = 0;
    let probes = 0;
    const probe = (async () => {
      while (probing) {
        const s = performance.now();
        await new Promise((r) => setTimeout(r, 20));
        await db.query(`select count(*) from umkm where village_code = (select village_code from umkm where id = $1)`, [
          probeTarget?.id ?? 1,
        ]);
        await db.transaction(async (tx) => {
          await tx.query(`set local lock_timeout = '10s'`);
          await tx.query('select 1 from umkm where id = $1 for update', [probeTarget?.id ?? 1]);
        });
        longest = Math.max(longest, performance.now() - s - 20);
        probes++;
      }
    })();

    t = performance.now();
    await startImport(db, who, jobId, checked.rows_total);
    await importFile(db, who, jobId);
    const importS = secondsSince(t);
    probing = false;
    await probe;
    const done = (await loadJob(db, jobId))!;
    console.error(
      `import: ${importS} s, ${done.rows_new} new, ${done.rows_linked} linked; another user's longest wait ${Math.round(longest)} ms over ${probes} probes`,
    );

    let revertS: number | null = null;
    if (!values.keep) {
      t = performance.now();
      const undone = await revertImport(db, who, jobId);
      revertS = secondsSince(t);
      await db.query('update import_job set status = $2, message = $3 where id = $1', [
        jobId,
        'failed',
        messageText({
          code: 'reverted_by_benchmark',
          id: 'Dibatalkan oleh benchmark setelah diukur.',
          en: 'Undone by the benchmark after measuring.',
        }),
      ]);
      console.error(`reverted in ${revertS} s: ${undone.removed} members removed, ${undone.unlinked} links removed`);
    }
    return {
      bench: 'import',
      engine,
      rows,
      dry_run_s: dryRunS,
      import_s: importS,
      rows_new: done.rows_new,
      rows_linked: done.rows_linked,
      rows_unchanged: done.rows_total - done.rows_new - done.rows_linked,
      other_user_longest_wait_ms: Math.round(longest),
      generate_s: generateS,
      file_mb: Math.round(file.length / 1e5) / 10,
      revert_s: revertS,
      goal_seconds: GOAL_SECONDS,
      goal_met: dryRunS <= GOAL_SECONDS && importS <= GOAL_SECONDS,
      location,
    };
  } finally {
    await db.close();
  }
};

export default bench;
