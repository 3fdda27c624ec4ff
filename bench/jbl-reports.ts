// Times the Jumat Beli Lokal report reads on DATABASE_URL (the generator's jakarta seed, or bench/jbl-reports-bulk.sql):
// the public province trend from the rollup and by a full scan, an edition report, the ASN ranking and an agency's
// trend, and the busiest seller's payout statement. Median of 5 runs after one warm-up. Run:
//   DATABASE_URL=postgres://… npx tsx bench/jbl-reports.ts
import { readAgencyParticipation } from '../src/jbl/reports/asn-participation.ts';
import { readEditionReport } from '../src/jbl/reports/edition-report.ts';
import { readParticipationRanking } from '../src/jbl/reports/participation-ranking.ts';
import { readProvinceTrend, scanProvinceTrend } from '../src/jbl/reports/province-trend.ts';
import { readSellerPayout } from '../src/jbl/reports/seller-payout.ts';
import type { AccountActor } from '../src/platform/auth/actor.ts';
import { openBenchDb, printResult } from './harness.ts';

const admin: AccountActor = {
  kind: 'account',
  accountId: 0,
  displayName: 'bench',
  ownerId: null,
  grants: [{ role: 'platform_admin', scopeKind: 'province', scopeId: '' }],
  sessionHash: Buffer.alloc(0),
  csrfToken: '',
  mustEnrolTotp: false,
};

async function time(f: () => Promise<unknown>): Promise<number> {
  await f();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await f();
    runs.push(performance.now() - t);
  }
  return Math.round(runs.sort((a, b) => a - b)[2]! * 10) / 10;
}

const { db, engine } = await openBenchDb();
const [n] = await db.query<{ orders: number; children: number }>(
  'select (select count(*) from jbl_order) as orders, (select count(*) from jbl_child_order) as children',
);
const [e] = await db.query<{ id: number }>(
  `select c.edition_id as id from jbl_child_order c group by 1 order by count(*) desc limit 1`,
);
const [a] = await db.query<{ id: number }>(
  `select agency_id as id from jbl_order where agency_id is not null group by 1 order by count(*) desc limit 1`,
);
const [s] = await db.query<{ id: number }>(
  `select umkm_id as id from jbl_child_order group by 1 order by count(*) desc limit 1`,
);
printResult({
  bench: 'jbl-reports',
  engine,
  orders: Number(n?.orders),
  child_orders: Number(n?.children),
  trend_rollup_ms: await time(() => readProvinceTrend(db)),
  trend_full_scan_ms: await time(() => scanProvinceTrend(db)),
  edition_report_ms: e ? await time(() => readEditionReport(db, Number(e.id))) : null,
  asn_ranking_ms: await time(() => readParticipationRanking(db, admin, undefined)),
  agency_participation_ms: a ? await time(() => readAgencyParticipation(db, admin, Number(a.id))) : null,
  seller_payout_ms: s ? await time(() => readSellerPayout(db, admin, Number(s.id), undefined)) : null,
});
await db.close();
