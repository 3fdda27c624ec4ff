// `npm run bench -- ocds`: does every OCDS package the API returns validate at this scale? Through the platform's
// own HTTP server it pages through ALL releases by links.next (`--limit` per page, 500 by default), validating each
// release package against the OCDS 1.1 schema with formats and each release against the checks beyond it
// (test/support/ocds-walk.ts: IDR, closed codelists, parties, supplier scale, WIB dates, ids once, dates in order);
// the releases must number what the tables hold (counted in SQL before and after: others may write meanwhile).
// Then it fetches and validates the record package of every ocid (`--clients` at a time) and checks it holds
// exactly the releases the pages listed for it (and any of events after the walk began, counted apart).
// `--stride N` checks every Nth ocid instead, plus the ocids of the first orders in every order state (the result
// says so in `records_mode`). Reads only; the server writes nothing on these public GETs.
import { parseArgs } from 'node:util';
import type { Db } from '../src/platform/db/types.ts';
import { SOURCES } from '../src/procurement/ocds/events.ts';
import { packagesById } from '../src/procurement/ocds/load-releases.ts';
import { ORDER_STATES } from '../src/procurement/order-states.ts';
import { runSeed } from '../src/seed/index.ts';
import { stderrProgress } from '../src/seed/progress.ts';
import { checkRecords, emptyReport, walkReleases } from '../test/support/ocds-walk.ts';
import { openBenchDb, startServer } from './harness.ts';
import type { Bench } from './run.ts';

/** Orders per state whose processes are always checked in stride mode. */
const PER_STATE = 20;

/** Every release the tables should publish, counted kind by kind from the same sources as the pages. */
async function expectedReleases(db: Db): Promise<number> {
  let n = 0;
  for (const s of Object.values(SOURCES)) {
    const [row] = await db.query<{ n: number }>(`select count(*)::int8 as n from ${s.table} where ${s.where}`);
    n += Number(row?.n ?? 0);
  }
  return n;
}

/** The ocids of the processes of the first PER_STATE orders (by id) in each order state. */
async function ocidsOfEveryState(db: Db): Promise<string[]> {
  const rows = await db.query<{ packageId: number }>(
    `select distinct s.package_id as "packageId" from unnest($1::text[]) st (status)
       cross join lateral (select package_id from eorder o where o.status = st.status order by o.id limit $2) s`,
    [[...ORDER_STATES], PER_STATE],
  );
  const packages = await packagesById(
    db,
    rows.map((r) => Number(r.packageId)),
  );
  return [...packages.values()].map((p) => p.ocid);
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const bench: Bench = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      limit: { type: 'string', default: '500' },
      clients: { type: 'string', default: '2' },
      stride: { type: 'string', default: '1' },
      seed: { type: 'string' },
    },
  });
  const stride = Math.max(1, Number(values.stride));
  const { db, engine, location } = await openBenchDb();
  try {
    let expected = await expectedReleases(db);
    if (expected === 0 && values.seed) {
      console.error(`bench ocds: seeding ${values.seed} members into ${engine} ${location} first`);
      await runSeed(db, { scale: values.seed, progress: (total) => stderrProgress('seed', total) });
      expected = await expectedReleases(db);
    }
    if (expected === 0) throw new Error(`no plans or orders at ${location}: seed it first, or pass --seed <scale>`);
    console.error(`bench ocds: ${expected} releases expected at ${engine} ${location}`);
    const server = await startServer(db);
    try {
      const report = emptyReport();
      const started = performance.now();
      await walkReleases(`${server.url}/api/ocds/releases?limit=${Number(values.limit)}`, report, (r) => {
        if (r.packages % 100 === 0) {
          const s = (performance.now() - started) / 1000;
          console.error(
            `bench ocds: ${r.packages} pages, ${r.releases}/${expected} releases, ${r.invalid} invalid, ${round(s)} s`,
          );
        }
      });
      console.error(
        `bench ocds: paged ${report.releases} releases in ${report.packages} packages, ${round(report.pageSeconds)} s`,
      );
      // Others may write while the walk runs (a payment through the API): the pages must hold at least the
      // releases counted before and at most those counted after, each once.
      const expectedAfter = await expectedReleases(db);
      const all = [...report.byOcid.keys()];
      const chosen =
        stride === 1
          ? all
          : [...new Set([...all.filter((_, i) => i % stride === 0), ...(await ocidsOfEveryState(db))])];
      const recordsStarted = performance.now();
      await checkRecords(server.url, chosen, report, Number(values.clients), (r) => {
        if (r.recordsChecked % 1000 === 0) {
          const s = (performance.now() - recordsStarted) / 1000;
          console.error(
            `bench ocds: ${r.recordsChecked}/${chosen.length} records, ${r.invalid} invalid, ${round(s)} s`,
          );
        }
      });
      const coverage =
        report.releases === expected && report.duplicates.length === 0
          ? []
          : [
              `paging gave ${report.releases} releases (${report.duplicates.length} repeated), the tables hold ${expected}`,
            ];
      return {
        bench: 'ocds',
        engine,
        releases: report.releases,
        releases_expected: expected,
        ...(expectedAfter !== expected ? { releases_expected_after_paging: expectedAfter } : {}),
        duplicates: report.duplicates.length,
        packages: report.packages,
        ocids: all.length,
        records_checked: report.recordsChecked,
        releases_dated_in_future: report.futureDated,
        ...(report.lateReleases ? { releases_after_walk_began: report.lateReleases } : {}),
        records_mode:
          stride === 1
            ? 'every ocid'
            : `every ${stride}th ocid of ${all.length} plus the processes of the first ${PER_STATE} orders in every state`,
        invalid: report.invalid + coverage.length,
        first_error: coverage[0] ?? report.problems[0] ?? null,
        releases_per_s: round(report.releases / report.pageSeconds, 0),
        records_per_s: round(report.recordsChecked / report.recordSeconds, 1),
        page_seconds: round(report.pageSeconds),
        record_seconds: round(report.recordSeconds),
        page_limit: Number(values.limit),
        clients: Number(values.clients),
        location,
      };
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
  }
};

export default bench;
