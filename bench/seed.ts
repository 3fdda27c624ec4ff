// `npm run bench -- seed [--scale jakarta]`: loads the jakarta scale into the EMPTY database and times it.
// Goal (issue): ≤ 5 minutes on the local PostgreSQL. The data stays for the benchmarks that read it.
import { parseArgs } from 'node:util';
import { parseScale } from '../src/seed/context.ts';
import { countMembers, runSeed } from '../src/seed/index.ts';
import { stderrProgress } from '../src/seed/progress.ts';
import type { Bench } from './run.ts';
import { openBenchDb } from './harness.ts';

const GOAL_SECONDS = 300;

const bench: Bench = async (args) => {
  const { values } = parseArgs({ args, options: { scale: { type: 'string', default: 'jakarta' } } });
  const scale = parseScale(values.scale);
  const { db, engine, location } = await openBenchDb();
  try {
    const existing = await countMembers(db);
    if (existing > 0) {
      throw new Error(
        `The database at ${location} already holds ${existing} UMKM: the seed benchmark needs an empty one (createdb a new one).`,
      );
    }
    console.error(`bench seed: ${scale.name} into ${engine} ${location}`);
    const started = performance.now();
    const report = await runSeed(db, { scale, progress: (total) => stderrProgress('seed', total) });
    const seconds = Math.round(performance.now() - started) / 1000;
    const [counts] = await db.query<{ umkm: number; products: number; owners: number; links: number }>(
      `select (select count(*) from umkm)::int8 as umkm, (select count(*) from product)::int8 as products,
              (select count(*) from owner)::int8 as owners, (select count(*) from fostering_link)::int8 as links`,
    );
    const [names] = await db.query<{ business: number; product: number }>(
      `select (select count(distinct name) from umkm)::int8 as business, (select count(distinct name) from product)::int8 as product`,
    );
    return {
      bench: 'seed',
      engine,
      seconds,
      rows: { umkm: counts?.umkm, products: counts?.products, owners: counts?.owners, fostering_links: counts?.links },
      scale: scale.name,
      goal_seconds: GOAL_SECONDS,
      goal_met: seconds <= GOAL_SECONDS,
      module_seconds: report.moduleSeconds,
      distinct_names: names,
      location,
    };
  } finally {
    await db.close();
  }
};

export default bench;
