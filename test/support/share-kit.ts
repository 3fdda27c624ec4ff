// A UMK-share data set built with SQL, as the generator would leave it but small: two new agencies with units, four
// sellers (micro, small, medium, a koperasi) in four kecamatan, a few hundred orders of one year in every state —
// placed, declined, accepted, delivered, received and unpaid (BAST days ago), partly paid across months, paid in two
// payments in different months, closed, cancelled after acceptance — with payment rows turned 'paid' so realisation
// posts through the 0071 trigger, and outside-platform spending reported for some months only.
import type { Db } from '../../src/platform/db/types.ts';
import { makeAccount, makeUmkm, unique } from './factories.ts';

export interface ShareKit {
  year: number;
  agencies: [number, number];
  units: number[];
  sellers: number[];
  orders: number;
}

const one = async (db: Db, sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0]!.id;

export async function makeShareKit(db: Db, year = 2025, n = 320): Promise<ShareKit> {
  const villages = await db.query<{ code: string }>(
    `select distinct on (parent_code) code from region where level = 'village' order by parent_code, code limit 4`,
  );
  const sellers: number[] = [];
  for (const v of villages) sellers.push((await makeUmkm(db, v.code)).umkmId);
  const by = (await makeAccount(db)).id;
  const agencies: number[] = [];
  const units: number[] = [];
  for (const i of [1, 2]) {
    const a = await one(db, `insert into agency (code, name, kind) values ($1, $2, 'opd') returning id`, [
      `S${unique()}`,
      `Dinas Uji Porsi ${i} ${unique()}`,
    ]);
    agencies.push(a);
    for (const u of i === 1 ? ['A', 'B'] : ['A'])
      units.push(
        await one(db, 'insert into agency_unit (agency_id, code, name) values ($1, $2, $3) returning id', [
          a,
          u,
          `Bidang ${u}`,
        ]),
      );
    await db.query(`insert into agency_official (account_id, agency_id, role, name) values ($1, $2, 'bendahara', $3)`, [
      by,
      a,
      `Bendahara Uji ${i}`,
    ]);
  }
  const [a1, a2] = agencies as [number, number];
  const groups: number[] = [];
  for (const a of agencies) {
    const p = await one(
      db,
      `insert into procurement_package (rup_code, agency_id, year, name, pagu, kind, method, category_code, reserved_small, status, delivery_address)
       values ($1, $2, $3, 'Konsumsi rapat', 900000000000, 'barang', 'e_purchasing', 'kue-roti', true, 'ready', 'Jl. Uji 1') returning id`,
      [`K${unique()}`, a, year],
    );
    groups.push(
      await one(db, 'insert into order_group (package_id, agency_id, placed_by) values ($1, $2, $3) returning id', [
        p,
        a,
        by,
      ]),
    );
  }
  // State by g % 8: 0 placed, 1 declined, 2 accepted, 3 delivered, 4 received unpaid, 5 received partly paid,
  // 6 paid in full (closed when g % 16 = 14), 7 accepted then cancelled. Acceptance times straddle WIB month ends.
  await db.query(
    `insert into eorder (group_id, package_id, agency_id, unit_id, umkm_id, seller_kind, seller_size, counts_umk, status,
                         total, money, delivery_address, placed_at, accepted_at, declined_at, delivered_at, received_at,
                         bast_year, bast_seq, bast_number, due_date)
     select grp, (select package_id from order_group where id = grp), ag, un, s.id, s.kind, s.size, s.umk,
            case st when 0 then 'placed' when 1 then 'declined' when 2 then 'accepted' when 7 then 'accepted'
                    when 3 then 'delivered' else 'received' end,
            100000 + (g * 7919 % 50) * 25000, '{}', 'Jl. Uji 1', acc - interval '2 days',
            case when st <> 0 and st <> 1 then acc end, case when st = 1 then acc end,
            case when st >= 3 and st <> 7 then acc + interval '3 days' end,
            case when st in (4, 5) then now() - make_interval(days => (g * 13) % 130)
                 when st = 6 then acc + interval '5 days' end,
            case when st in (4, 5, 6) then $5::integer end, case when st in (4, 5, 6) then g end,
            case when st in (4, 5, 6) then 'BAST/' || ag || '/' || g end,
            case when st in (4, 5) then wib_today() - (g * 13) % 130 + 30 when st = 6 then (acc + interval '35 days')::date end
       from (select g, g % 8 as st,
                    case when g % 3 = 0 then $2::integer else $1::integer end as ag,
                    case when g % 3 = 0 then $4::bigint else $3::bigint end as grp,
                    make_timestamptz($5, 1 + g % 12, case when g % 5 = 0 then 28 else 1 + g % 27 end,
                                     case when g % 5 = 0 then 20 else g % 24 end, 0, 0, 'UTC') as acc
               from generate_series(1, $6::integer) g) x
       cross join lateral (select (array[$7, $8, $9, $10]::bigint[])[1 + x.g % 4] as id) sel
       join lateral (select sel.id, k.kind, k.size, k.umk
                       from (values (1, 'jakpreneur', 'micro', true), (2, 'jakpreneur', 'small', true),
                                    (3, 'non_jakpreneur', 'medium', false), (4, 'cooperative', null, true)) k(i, kind, size, umk)
                      where k.i = 1 + x.g % 4) s on true
       cross join lateral (select case when x.ag = $1 then (array[$11, $12, null]::integer[])[1 + (x.g / 3) % 3]
                                       else (array[$13, null]::integer[])[1 + (x.g / 3) % 2] end as un) u`,
    [a1, a2, groups[0], groups[1], year, n, ...sellers, ...units],
  );
  const mine = `agency_id in (${a1}, ${a2})`;
  // Cancelled after acceptance: commitment is taken back by the order trigger.
  await db.query(`update eorder set status = 'cancelled', cancelled_at = accepted_at + interval '1 day'
                   where ${mine} and status = 'accepted' and bast_seq is null and id % 2 = 1`);
  // Partly paid: a payment requested, then marked paid in the month after acceptance (the trigger's update path).
  await db.query(
    `insert into eorder_payment (order_id, umkm_id, kind, status, amount, tax_withheld, requested_by, requested_at)
     select id, umkm_id, 'transfer', 'requested', total * 3 / 10 - 1000, 1000, $1::bigint, received_at
       from eorder where ${mine} and status = 'received' and bast_seq % 8 = 5`,
    [by],
  );
  await db.query(
    `update eorder_payment p set status = 'paid', paid_at = o.accepted_at + interval '33 days'
       from eorder o where o.id = p.order_id and o.${mine} and o.status = 'received'`,
  );
  // Paid in full in two payments in different months, the second late for some (SLA 30 days).
  await db.query(
    `insert into eorder_payment (order_id, umkm_id, kind, stage, status, amount, tax_withheld, requested_by, paid_at)
     select id, umkm_id, 'transfer', 'advance', 'paid', total * 4 / 10, 0, $1::bigint, accepted_at + interval '1 day'
       from eorder where ${mine} and bast_seq % 8 = 6
     union all
     select id, umkm_id, 'autodebit', 'final', 'paid', total - total * 4 / 10 - total / 100, total / 100, $1::bigint,
            received_at + make_interval(days => 10 + bast_seq % 50)
       from eorder where ${mine} and bast_seq % 8 = 6`,
    [by],
  );
  await db.query(
    `update eorder o set paid_amount = p.paid, paid_at = case when p.paid = o.total then p.last end,
            status = case when p.paid = o.total then (case when o.bast_seq % 16 = 14 then 'closed' else 'paid' end) else o.status end,
            closed_at = case when p.paid = o.total and o.bast_seq % 16 = 14 then p.last end,
            payment_days = case when p.paid = o.total
                                then (p.last at time zone 'Asia/Jakarta')::date - (o.received_at at time zone 'Asia/Jakarta')::date end
       from (select order_id, sum(amount + tax_withheld)::bigint as paid, max(paid_at) as last
               from eorder_payment where status = 'paid' group by order_id) p
      where p.order_id = o.id and o.${mine}`,
  );
  // Outside spending: the first agency reported five months, the second none.
  await db.query(
    `insert into outside_spending (agency_id, month, total_amount, umk_amount)
     select $1, make_date($2, m, 1), 50000000 * m, 9000000 * m from generate_series(1, 5) m`,
    [a1, year],
  );
  return { year, agencies: [a1, a2], units, sellers, orders: n };
}
