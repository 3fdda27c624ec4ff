// `npm run seed -- --scale demo|jakarta|<number of UMKM> [--seed N]`: migrates, then loads generated data into an
// EMPTY database (DATABASE_URL, or PGlite at PGLITE_DIR). Progress and ETA on stderr, a summary on stdout.
// `--today YYYY-MM-DD` fixes the reference day (permit expiry, the year of e-Order orders) for reproducible rows.
// `--only registry-activity [--today YYYY-MM-DD]`: adds the journey, size-class history and permits to members an
// earlier seed loaded without them (a database seeded before that module existed), leaving everything else as is.
import { parseArgs } from 'node:util';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openDb } from '../platform/db/open.ts';
import { parseScale } from '../seed/context.ts';
import { countMembers, DEFAULT_SEED, runSeed } from '../seed/index.ts';
import { stderrProgress } from '../seed/progress.ts';
import { membersWithoutActivity, seedRegistryActivity } from '../seed/registry-activity.ts';
import { localDate } from '../platform/time.ts';

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      only: { type: 'string' },
      today: { type: 'string' },
    },
  });
  if (values.only !== undefined && values.only !== 'registry-activity') {
    console.error(`--only: the only module that can run alone is registry-activity (got "${values.only}")`);
    process.exit(1);
  }
  let scale: ReturnType<typeof parseScale>;
  try {
    scale = parseScale(values.scale);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const db = await openDb().catch((e: unknown) => {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  });
  try {
    const applied = await migrate(db);
    if (applied.length) console.error(`migrations applied: ${applied.join(', ')}`);
    const existing = await countMembers(db);
    if (values.only) {
      const ids = await membersWithoutActivity(db);
      const today = values.today ?? localDate(new Date());
      console.error(
        `registry-activity for ${ids.length.toLocaleString('en')} of ${existing.toLocaleString('en')} UMKM (reference day ${today}) in ${db.engine} ${db.location}`,
      );
      const started = performance.now();
      const progress = stderrProgress('registry-activity', ids.length);
      const rows = await seedRegistryActivity(db, ids, {
        seed: values.seed ? Number(values.seed) : DEFAULT_SEED,
        today,
        batch: values.batch ? Number(values.batch) : undefined,
        parallel: db.engine === 'postgres' ? 2 : 1,
        progress,
      });
      progress.done();
      const seconds = Math.round(performance.now() - started) / 1000;
      await db.exec('analyze journey_stage; analyze permit; analyze size_class_history');
      console.log(
        JSON.stringify({ engine: db.engine, only: 'registry-activity', today, members: ids.length, rows, seconds }),
      );
      return;
    }
    if (existing > 0) {
      console.error(
        `Basis data sudah berisi ${existing} UMKM; seed hanya dimuat ke basis data kosong.\n` +
          `The database already holds ${existing} UMKM; the seed loads only into an empty database (${db.location}). ` +
          'Use a new database (createdb …, or another PGLITE_DIR).',
      );
      process.exitCode = 2;
      return;
    }
    console.error(
      `seeding scale ${scale.name} (${scale.umkm.toLocaleString('en')} UMKM, ${scale.products.toLocaleString('en')} products) into ${db.engine} ${db.location}`,
    );
    const report = await runSeed(db, {
      scale,
      seed: values.seed ? Number(values.seed) : DEFAULT_SEED,
      batch: values.batch ? Number(values.batch) : undefined,
      today: values.today,
      progress: (total) => stderrProgress('seed', total),
      log: (m) => console.error(m),
    });
    console.log(JSON.stringify({ engine: db.engine, ...report }));
  } catch (e) {
    console.error('Seed failed; the database may hold a partial load: drop it (or delete PGLITE_DIR) before retrying.');
    throw e;
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
