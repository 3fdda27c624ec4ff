import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDb } from '../../test/support/db.ts';
import { createDemoAccounts } from '../access/demo-accounts.ts';
import type { Db } from '../platform/db/types.ts';
import { ORDER_STATES } from '../procurement/order-states.ts';
import { runSeed, type SeedReport } from './index.ts';
import { createDemoProcurement, DEMO_SELLERS } from './procurement-demo.ts';

// A small seed of its own (the generator needs an empty register), then the demo slice on top of it.
let db: Db;
let closeDb: (() => Promise<void>) | undefined;
let report: SeedReport;
const TODAY = '2026-06-15';

beforeAll(async () => {
  ({ db, close: closeDb } = await ownDb('procurement'));
  report = await runSeed(db, { scale: { umkm: 400 }, seed: 11, today: TODAY, analyze: false });
}, 180_000);

afterAll(async () => {
  await closeDb?.();
});

/** The three rollups as sorted rows, to compare before and after a rebuild. */
async function rollups(): Promise<string[]> {
  const rows = await db.query<{ r: string }>(
    `select 'share|' || agency_id || '|' || unit_id || '|' || month || '|' || umk || '|' || committed || '|' || realised || '|' || orders as r
       from share_month where committed <> 0 or realised <> 0 or orders <> 0
     union all
     select 'district|' || district_code || '|' || month || '|' || umk || '|' || committed || '|' || realised
       from share_district_month where committed <> 0 or realised <> 0
     union all
     select 'days|' || agency_id || '|' || year || '|' || days || '|' || within_sla || '|' || n from payment_days_count where n <> 0
     order by 1`,
  );
  return rows.map((r) => r.r);
}

async function expectRollupsExact(): Promise<void> {
  const before = await rollups();
  expect(before.length).toBeGreaterThan(0);
  await db.query('select procurement_rollups_rebuild()');
  expect(await rollups()).toEqual(before);
}

describe('the e-Order generator', () => {
  it('loads over 100 agencies with units, officials, budgets and outside spending (recent months partly unreported)', async () => {
    const [a] = await db.query<{ agencies: number; bare: number; officials: number; budgets: number; last: string }>(
      `select (select count(*) from agency)::int8 as agencies,
              (select count(*) from agency a where not exists (select 1 from agency_unit u where u.agency_id = a.id)
                  or not exists (select 1 from agency_official o where o.agency_id = a.id and o.role = 'bendahara'))::int8 as bare,
              (select count(*) from agency_official)::int8 as officials,
              (select count(*) from agency_budget where goods_services_budget > 0)::int8 as budgets,
              (select max(month)::text from outside_spending) as last`,
    );
    expect(a!.agencies).toBeGreaterThanOrEqual(100);
    expect(a!.bare).toBe(0);
    expect(a!.officials).toBeGreaterThanOrEqual(4 * a!.agencies);
    expect(a!.budgets).toBeGreaterThanOrEqual(a!.agencies);
    expect(a!.last < '2026-06-01').toBe(true); // the current month is never reported yet
    const [u] = await db.query<{ behind: number }>(
      `select count(*)::int8 as behind from agency a
        where not exists (select 1 from outside_spending s where s.agency_id = a.id and s.month = '2026-05-01')`,
    );
    expect(u!.behind).toBeGreaterThan(0);
  });

  it('makes orders in every state, priced from the sellers’ own e-Order products', async () => {
    const states = await db.query<{ status: string; n: number }>(
      'select status, count(*)::int8 as n from eorder group by status',
    );
    const byState = Object.fromEntries(states.map((s) => [s.status, Number(s.n)]));
    for (const s of ORDER_STATES) expect(byState[s], s).toBeGreaterThan(0);
    for (const s of ORDER_STATES) expect(report.rows[`eorder_${s}`], s).toBe(byState[s]);
    const [bad] = await db.query<{ total: number; product: number; late_stamp: number; umk: number; n: number }>(
      `select count(*) filter (where o.total <> (select sum(l.amount) from eorder_line l where l.order_id = o.id))::int8 as total,
              count(*) filter (where exists (select 1 from eorder_line l join product p on p.id = l.product_id
                 where l.order_id = o.id and (p.umkm_id <> o.umkm_id or not p.channel_e_order or l.amount <> l.quantity * l.unit_price)))::int8 as product,
              count(*) filter (where o.placed_at > $1::timestamptz or o.closed_at > $1::timestamptz or o.paid_at > $1::timestamptz)::int8 as late_stamp,
              count(*) filter (where o.counts_umk)::int8 as umk,
              count(*)::int8 as n
         from eorder o`,
      [`${TODAY}T03:00:00Z`],
    );
    expect(bad).toMatchObject({ total: 0, product: 0, late_stamp: 0 });
    expect(bad!.umk / bad!.n).toBeGreaterThan(0.6);
    expect(bad!.umk).toBeLessThan(bad!.n); // some medium sellers too
  });

  it('numbers BASTs without gaps per agency and year, the counters agreeing', async () => {
    const rows = await db.query<{
      agency_id: number;
      year: number;
      n: number;
      lo: number;
      hi: number;
      distinct_n: number;
      last: number | null;
    }>(
      `select o.agency_id, o.bast_year as year, count(*)::int8 as n, min(o.bast_seq) as lo, max(o.bast_seq) as hi,
              count(distinct o.bast_number)::int8 as distinct_n, (select c.last from bast_counter c where c.agency_id = o.agency_id and c.year = o.bast_year) as last
         from eorder o where o.received_at is not null group by o.agency_id, o.bast_year`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.lo).toBe(1);
      expect(Number(r.hi)).toBe(Number(r.n));
      expect(Number(r.distinct_n)).toBe(Number(r.n));
      expect(r.last).toBe(r.hi);
    }
    const [c] = await db.query<{ stray: number }>(
      `select count(*)::int8 as stray from bast_counter c
        where not exists (select 1 from eorder o where o.agency_id = c.agency_id and o.bast_year = c.year)`,
    );
    expect(c!.stray).toBe(0);
  });

  it('pays paid orders in full (payments sum to the total), some late, some received orders partly', async () => {
    const [p] = await db.query<{
      unpaid: number;
      no_days: number;
      late: number;
      paid: number;
      partial: number;
      over: number;
    }>(
      `select count(*) filter (where o.status in ('paid', 'closed') and (o.paid_amount <> o.total
                 or o.total <> (select sum(y.amount + y.tax_withheld) from eorder_payment y where y.order_id = o.id and y.status = 'paid')))::int8 as unpaid,
              count(*) filter (where o.status in ('paid', 'closed') and (o.payment_days is null or o.paid_at is null or o.due_date is null))::int8 as no_days,
              count(*) filter (where o.status in ('paid', 'closed') and (o.paid_at at time zone 'Asia/Jakarta')::date > o.due_date)::int8 as late,
              count(*) filter (where o.status in ('paid', 'closed'))::int8 as paid,
              count(*) filter (where o.status = 'received' and o.paid_amount > 0)::int8 as partial,
              count(*) filter (where o.paid_amount <> coalesce((select sum(y.amount + y.tax_withheld) from eorder_payment y where y.order_id = o.id and y.status = 'paid'), 0))::int8 as over
         from eorder o`,
    );
    expect(p).toMatchObject({ unpaid: 0, no_days: 0, over: 0 });
    expect(p!.late / p!.paid).toBeGreaterThan(0.1);
    expect(p!.late / p!.paid).toBeLessThan(0.6);
    expect(p!.partial).toBeGreaterThan(0);
  });

  it('leaves the rollups equal to procurement_rollups_rebuild()', async () => {
    await expectRollupsExact();
  });

  it('dates nothing after the reference moment (10:00 WIB of the day): plans for the coming quarter are already made', async () => {
    const [late] = await db.query<{ n: number }>(
      `select count(*)::integer as n from procurement_package
        where greatest(created_at, assigned_at, ready_at) > $1::timestamptz`,
      [`${TODAY}T10:00:00+07:00`],
    );
    expect(late!.n).toBe(0);
    const [coming] = await db.query<{ n: number }>(
      'select count(*)::integer as n from procurement_package where selection_from > $1::date',
      [TODAY],
    );
    expect(coming!.n).toBeGreaterThan(0);
  });
});

describe('the demo e-Order slice', () => {
  it('gives the demo officials their agency, a ready meeting-food package, three cake sellers and orders in every state, once', async () => {
    await createDemoAccounts(db);
    const created = await createDemoProcurement(db);
    expect(created).toBeGreaterThanOrEqual(12);
    expect(await createDemoProcurement(db)).toBe(0);

    const officials = await db.query<{ email: string; role: string; same: boolean }>(
      `select a.email, o.role, (o.agency_id::text = g.scope_id) as same from agency_official o
         join account a on a.id = o.account_id join role_grant g on g.account_id = a.id and g.role = o.role
        where a.email like '%@demo.pasarlokal.id' order by a.email`,
    );
    expect(officials.map((o) => o.email).sort()).toEqual(
      ['bendahara', 'pa', 'pengadaan', 'ppk'].map((w) => `${w}@demo.pasarlokal.id`),
    );
    expect(officials.every((o) => o.same)).toBe(true);

    const [pkg] = await db.query<{ id: number; agency_id: number; address: string | null; ppk: string; pp: string }>(
      `select p.id, p.agency_id, p.delivery_address as address, k.email as ppk, e.email as pp from procurement_package p
         join account k on k.id = p.ppk_account_id join account e on e.id = p.pp_account_id
        where p.name like 'Konsumsi rapat%' and p.status = 'ready'`,
    );
    expect(pkg).toMatchObject({ ppk: 'ppk@demo.pasarlokal.id', pp: 'pengadaan@demo.pasarlokal.id' });
    expect(pkg!.address).toBeTruthy();

    const [sellers] = await db.query<{ n: number }>(
      `select count(distinct u.id)::int8 as n from umkm u join product p on p.umkm_id = u.id
        where u.kind = 'jakpreneur' and u.size_class in ('micro', 'small') and p.channel_e_order and p.status = 'published'
          and p.curation_status = 'curated' and p.name ilike '%kue%'
          and exists (select 1 from eorder o where o.umkm_id = u.id and o.agency_id = $1)`,
      [pkg!.agency_id],
    );
    expect(sellers!.n).toBeGreaterThanOrEqual(3);
    // The three cake sellers' owners have the README's demo logins (role umkm_owner), one seller each.
    const logins = await db.query<{ email: string; role: string; umkm: number; orders: number }>(
      `select a.email, g.role, u.id as umkm,
              (select count(*) from eorder o where o.umkm_id = u.id and o.agency_id = $2)::int8 as orders
         from account a join role_grant g on g.account_id = a.id join umkm u on u.owner_id = a.owner_id
        where a.email = any($1::text[]) and u.kind = 'jakpreneur' and u.size_class in ('micro', 'small')
          and exists (select 1 from product p where p.umkm_id = u.id and p.channel_e_order and p.name ilike 'kue%')
        order by a.email`,
      [DEMO_SELLERS.map((s) => s.login), pkg!.agency_id],
    );
    expect(logins.map((l) => l.email)).toEqual(DEMO_SELLERS.map((s) => s.login));
    expect(logins.every((l) => l.role === 'umkm_owner' && l.orders > 0)).toBe(true);
    expect(new Set(logins.map((l) => l.umkm)).size).toBe(3);
    // Found by the catalogue search narrowed to e-Order: the word "kue" among searchable e-Order products.
    const [found] = await db.query<{ n: number }>(
      `select count(distinct s.umkm_id)::int8 as n from catalog_search s join umkm u on u.id = s.umkm_id
        where s.channel_e_order and s.tsv @@ to_tsquery('indonesian', 'kue') and u.kind = 'jakpreneur'
          and u.size_class in ('micro', 'small') and exists (select 1 from eorder o where o.umkm_id = u.id and o.agency_id = $1)`,
      [pkg!.agency_id],
    );
    expect(found!.n).toBeGreaterThanOrEqual(3);

    const states = await db.query<{ status: string }>(
      `select distinct o.status from eorder o join procurement_package p on p.id = o.package_id
        where p.agency_id = $1 and p.source = 'seed' and p.name like 'Belanja makanan dan minuman rapat Tahun%'`,
      [pkg!.agency_id],
    );
    expect(states.map((s) => s.status).sort()).toEqual([...ORDER_STATES].sort());
    const [own] = await db.query<{ n: number }>(
      `select count(*)::int8 as n from eorder o join umkm u on u.id = o.umkm_id join account a on a.owner_id = u.owner_id
        where a.email = 'umkm@demo.pasarlokal.id'`,
    );
    expect(own!.n).toBeGreaterThanOrEqual(5);
    await expectRollupsExact();
  }, 60_000);
});
