// The Jumat Beli Lokal generator at demo scale: what an analyst would check in the data — stock that balances,
// totals that add up, orders inside their edition's windows with a live-session rush, QRIS payloads that decode to
// the order, hosts in rotation, buyers as the schema wants them — then the same seed again gives the same rows, and
// the demo loader opens the coming Friday after the generated year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDb } from '../../test/support/db.ts';
import { createDemoAccounts } from '../access/demo-accounts.ts';
import { createDemoEditions } from '../jbl/demo.ts';
import { editionSchedule } from '../jbl/schedule.ts';
import { jblSettings } from '../jbl/settings.ts';
import type { Db } from '../platform/db/types.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import { decodeQris } from '../platform/qris/decode-qris.ts';
import { normalizePhone } from '../registry/identifiers.ts';
import { runSeed } from './index.ts';
import { jblOrdersFor, seedJblActivity } from './jbl-activity.ts';

let db: Db;
let close: (() => Promise<void>) | undefined;
const TODAY = '2026-12-06'; // a Sunday: the last generated edition is Friday 4 December
const SEED = 5;

beforeAll(async () => {
  ({ db, close } = await ownDb('jblgen'));
  await runSeed(db, { scale: 'demo', seed: SEED, today: TODAY, analyze: false });
}, 300_000);
afterAll(async () => {
  await close?.();
});

const one = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params))[0]!;

/** The generated activity as a user sees it: no ids, no ciphertexts. */
async function contentChecksum(): Promise<string> {
  const { h } = await one<{ h: string }>(
    `select md5(string_agg(x, E'\\n' order by x collate "C")) as h from (
       select e.friday::text || e.held_on::text || e.host_region_code || e.status || coalesce(e.decision_reason, '') as x from jbl_edition e
       union all
       select e.friday::text || p.name || i.kecamatan_code || i.price || '/' || i.stock_initial || '/' || i.sold || i.pick || i.reason_id
         from jbl_lineup_item i join jbl_edition e on e.id = i.edition_id join product p on p.id = i.product_id
       union all
       select o.number || o.buyer_kind || o.buyer_name || o.session || o.total || o.tracking_token || o.created_at
              || coalesce(a.email, '') from jbl_order o left join account a on a.id = o.buyer_account_id
       union all
       select c.number || c.status || c.pickup || coalesce(c.hub_code, '') || c.qris_payload || coalesce(c.paid_at::text, '')
              || coalesce(c.paid_via, '') || coalesce(c.handed_over_at::text, '') from jbl_child_order c
       union all
       select c.number || p.name || l.quantity || '/' || l.amount
         from jbl_order_line l join jbl_child_order c on c.id = l.child_order_id join product p on p.id = l.product_id
       union all
       select u.name || m.nmid || m.merchant_name from umkm_qris_merchant m join umkm u on u.id = m.umkm_id
     ) t`,
  );
  return h;
}

describe('the Jumat Beli Lokal generator', () => {
  it('makes a year of closed weekly editions, hosts in rotation, holiday Fridays moved or skipped with a reason', async () => {
    const eds = await db.query<{
      friday: string;
      held_on: string;
      host_region_code: string;
      status: string;
      holiday_name: string | null;
      decision: string | null;
      decision_reason: string | null;
      preorder_opens_at: Date;
      preorder_closes_at: Date;
      live_starts_at: Date;
      live_ends_at: Date;
    }>(
      `select friday::text as friday, held_on::text as held_on, host_region_code, status, holiday_name, decision,
              decision_reason, preorder_opens_at, preorder_closes_at, live_starts_at, live_ends_at from jbl_edition order by 1`,
    );
    expect(eds.length).toBeGreaterThanOrEqual(50);
    expect(eds.at(-1)!.friday).toBe('2026-12-04');
    expect(eds[0]!.friday > '2025-12-06').toBe(true);
    expect(eds.every((e) => e.status === 'closed' || e.status === 'skipped')).toBe(true);
    const settingsOn = await jblSettings(db);
    const rotation = settingsOn(TODAY).hostRotation;
    const held = eds.filter((e) => e.status === 'closed');
    held.forEach((e, i) => {
      if (i > 0)
        expect(rotation.indexOf(e.host_region_code)).toBe(
          (rotation.indexOf(held[i - 1]!.host_region_code) + 1) % rotation.length,
        );
      const s = editionSchedule(e.held_on, settingsOn(e.friday));
      expect(new Date(e.preorder_closes_at).toISOString()).toBe(s.preorderClosesAt.toISOString());
      expect(new Date(e.live_starts_at).toISOString()).toBe(s.liveStartsAt.toISOString());
    });
    const holidays = eds.filter((e) => e.holiday_name);
    expect(holidays.length).toBeGreaterThan(0);
    for (const e of holidays) {
      expect(e.decision_reason).toContain(e.holiday_name);
      expect(e.decision === 'skip' ? e.status === 'skipped' : e.held_on < e.friday).toBe(true);
    }
    expect(held.some((e) => e.holiday_name && e.held_on !== e.friday)).toBe(true);
  });

  it('builds line-ups of curated-for-JBL products of host-kota sellers within the kecamatan quota, with reasons', async () => {
    const bad = await one<{ n: number }>(
      `select count(*)::int as n from jbl_lineup_item i join jbl_edition e on e.id = i.edition_id
         join product p on p.id = i.product_id join umkm u on u.id = i.umkm_id join region v on v.code = u.village_code
        where not (p.channel_jbl and p.curation_status = 'curated' and p.status = 'published') or p.umkm_id <> i.umkm_id
           or v.parent_code <> i.kecamatan_code or left(i.kecamatan_code, 4) <> e.host_region_code or i.price <> p.price`,
    );
    expect(bad.n).toBe(0);
    const over = await one<{ n: number }>(
      `select count(*)::int as n from (select edition_id, kecamatan_code from jbl_lineup_item where pick = 'rotation'
         group by 1, 2 having count(*) > (select value::text::int from setting where key = 'jbl.kecamatan_quota' order by effective_from desc limit 1)) t`,
    );
    expect(over.n).toBe(0);
    const reasons = await db.query<{ pick: string; reason_id: string; reason_en: string }>(
      `select distinct on (pick) pick, reason_id, reason_en from jbl_lineup_item order by pick, id`,
    );
    expect(reasons.find((r) => r.pick === 'rotation')).toMatchObject({
      reason_id: expect.stringContaining('Giliran tampil'),
      reason_en: expect.stringContaining('Rotation turn'),
    });
    expect(reasons.some((r) => r.pick === 'city_pick')).toBe(true);
  });

  it('balances stock per item: sold = paid quantities, nothing held, never below zero, some sold out exactly', async () => {
    const s = await one<{ wrong: number; soldout: number; items: number }>(
      `select count(*) filter (where i.sold <> coalesce(q.paid, 0) or i.held <> 0 or i.stock <> i.stock_initial - i.sold or i.stock < 0)::int as wrong,
              count(*) filter (where i.stock = 0 and i.sold > 0)::int as soldout, count(*)::int as items
         from jbl_lineup_item i left join (
           select l.lineup_item_id, sum(l.quantity) as paid from jbl_order_line l join jbl_child_order c on c.id = l.child_order_id
            where c.status in ('paid', 'handed_over') group by 1) q on q.lineup_item_id = i.id`,
    );
    expect(s.wrong).toBe(0);
    expect(s.soldout).toBeGreaterThanOrEqual(1);
    // Ids were handed out by the generator: the next checkout still gets a fresh one.
    for (const table of ['jbl_lineup_item', 'jbl_order', 'jbl_child_order', 'jbl_edition']) {
      const ids = await one<{ next: number; max: number }>(
        `select nextval(pg_get_serial_sequence('${table}', 'id'))::int8 as next, (select max(id) from ${table})::int8 as max`,
      );
      expect(Number(ids.next), table).toBeGreaterThan(Number(ids.max));
    }
  });

  it('adds up: lines = price × quantity at the item price, child = Σ lines, parent = Σ children; carts of 1–3 sellers', async () => {
    const t = await one<{
      orders: number;
      badchild: number;
      badparent: number;
      badprice: number;
      maxsellers: number;
      maxlines: number;
    }>(
      `select (select count(*) from jbl_order)::int as orders,
              (select count(*) from jbl_child_order c where c.total <> (select sum(amount) from jbl_order_line l where l.child_order_id = c.id))::int as badchild,
              (select count(*) from jbl_order o where o.total <> (select sum(total) from jbl_child_order c where c.order_id = o.id))::int as badparent,
              (select count(*) from jbl_order_line l join jbl_lineup_item i on i.id = l.lineup_item_id
                where l.price <> i.price or l.product_id <> i.product_id or l.umkm_id <> i.umkm_id)::int as badprice,
              (select max(n) from (select count(*) as n from jbl_child_order group by order_id) x)::int as maxsellers,
              (select max(n) from (select count(*) as n from jbl_order_line group by child_order_id) x)::int as maxlines`,
    );
    expect(t).toMatchObject({ orders: jblOrdersFor(2000), badchild: 0, badparent: 0, badprice: 0 });
    expect(t.maxsellers).toBe(3);
    expect(t.maxlines).toBeLessThanOrEqual(4);
  });

  it('places every order inside its edition: pre-orders in the window, live orders in the session with an early rush', async () => {
    const w = await one<{ outside: number; live: number; early: number; peak: number }>(
      `select count(*) filter (where o.session = 'preorder' and not (o.created_at >= e.preorder_opens_at and o.created_at < e.preorder_closes_at)
                                 or o.session = 'live' and not (o.created_at >= e.live_starts_at and o.created_at < e.live_ends_at))::int as outside,
              count(*) filter (where o.session = 'live')::int as live,
              count(*) filter (where o.session = 'live' and o.created_at < e.live_starts_at + interval '15 minutes')::int as early,
              (select m from (select floor(extract(epoch from o2.created_at - e2.live_starts_at) / 60) as m, count(*) as n
                 from jbl_order o2 join jbl_edition e2 on e2.id = o2.edition_id where o2.session = 'live'
                group by 1 order by n desc limit 1) pk)::int as peak
         from jbl_order o join jbl_edition e on e.id = o.edition_id`,
    );
    expect(w.outside).toBe(0);
    expect(w.live).toBeGreaterThan(0);
    expect(w.early / w.live).toBeGreaterThan(0.6);
    expect(w.peak).toBeLessThan(15);
  });

  it('gives every child order a QRIS that decodes to its amount and number, paid to the own merchant of the seller or the aggregator', async () => {
    const rows = await db.query<{
      number: string;
      total: number;
      qris_payload: string;
      paid_to: string;
      nmid: string | null;
    }>(
      `select c.number, c.total, c.qris_payload, c.paid_to, m.nmid from jbl_child_order c left join umkm_qris_merchant m on m.umkm_id = c.umkm_id`,
    );
    for (const r of rows) {
      const d = decodeQris(r.qris_payload);
      expect(d.crcValid, r.number).toBe(true);
      expect(d.errors, r.number).toEqual([]);
      expect(d.amount).toBe(Number(r.total));
      expect((d.fields['62'] as Record<string, string>)['01']).toBe(r.number);
      expect(r.paid_to).toBe(r.nmid ? 'seller' : 'aggregator');
      if (r.nmid) expect((d.fields['51'] as Record<string, string>)['02']).toBe(r.nmid);
    }
    const states = await db.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from jbl_child_order group by 1`,
    );
    const by = Object.fromEntries(states.map((s) => [s.status, s.n]));
    expect(by.handed_over).toBeGreaterThan(by.expired ?? 0);
    expect(by.expired).toBeGreaterThan(0);
    const webhook = await one<{ paid: number; events: number }>(
      `select count(*) filter (where paid_via = 'webhook')::int as paid,
              (select count(*) from jbl_payment_event ev join jbl_child_order c on c.id = ev.child_order_id
                where ev.outcome = 'paid' and c.paid_via = 'webhook' and ev.amount = c.total and ev.reference = c.number)::int as events
         from jbl_child_order`,
    );
    expect(webhook.events).toBe(webhook.paid);
  });

  it('has guests with encrypted phones, ASN counted for their agency, public buyers — accounts without passwords', async () => {
    const kinds = await db.query<{ buyer_kind: string; n: number }>(
      `select buyer_kind, count(*)::int as n from jbl_order group by 1`,
    );
    expect(kinds.map((k) => k.buyer_kind).sort()).toEqual(['asn', 'guest', 'public']);
    const asn = await one<{ wrong: number; passwords: number }>(
      `select (select count(*) from jbl_order o where o.buyer_kind = 'asn' and not exists (
                 select 1 from role_grant g where g.account_id = o.buyer_account_id and g.role = 'asn_buyer'
                    and g.scope_kind = 'agency' and g.scope_id = o.agency_id::text))::int as wrong,
              (select count(*) from account a join role_grant g on g.account_id = a.id
                where g.role in ('asn_buyer', 'public_buyer') and a.password_hash is not null)::int as passwords`,
    );
    expect(asn).toEqual({ wrong: 0, passwords: 0 });
    const keys = personalDataKeys();
    const guests = await db.query<{ buyer_phone_enc: Uint8Array; buyer_phone_hash: Uint8Array }>(
      `select buyer_phone_enc, buyer_phone_hash from jbl_order where buyer_kind = 'guest' order by number limit 50`,
    );
    for (const g of guests) {
      const phone = keys.decrypt(g.buyer_phone_enc);
      expect(normalizePhone(phone, { mobileOnly: true }).ok, phone).toBe(true);
      expect(Buffer.from(g.buyer_phone_hash).equals(keys.hash(phone))).toBe(true);
    }
  });

  it('makes the same rows from the same seed and reference day', async () => {
    const before = await contentChecksum();
    await db.exec(
      `delete from jbl_payment_event; delete from jbl_order_line; delete from jbl_child_order; delete from jbl_order;
       delete from jbl_lineup_item; delete from jbl_edition_rollup; delete from jbl_edition; delete from umkm_qris_merchant;
       delete from role_grant where role in ('asn_buyer', 'public_buyer');
       delete from account where email like '%@asn.seed.pasarlokal.id' or email like '%@pembeli.seed.pasarlokal.id';`,
    );
    await seedJblActivity(db, { seed: SEED, today: TODAY, members: 2000, keys: personalDataKeys() });
    expect(await contentChecksum()).toBe(before);
  }, 120_000);

  it('lets the demo loader plan the coming Fridays after the generated year and open the next one, rotation continuing', async () => {
    await createDemoAccounts(db);
    const last = await one<{ host: string }>(
      `select host_region_code as host from jbl_edition where status = 'closed' order by friday desc limit 1`,
    );
    expect(await createDemoEditions(db, new Date('2026-12-06T03:00:00Z'))).toBeGreaterThan(50);
    const open = await db.query<{ held_on: string; host: string }>(
      `select held_on::text, host_region_code as host from jbl_edition where status = 'open'`,
    );
    expect(open.map((o) => o.held_on)).toEqual(['2026-12-11']);
    const rotation = (await jblSettings(db))(TODAY).hostRotation;
    expect(open[0]!.host).toBe(rotation[(rotation.indexOf(last.host) + 1) % rotation.length]);
    expect(await createDemoEditions(db, new Date('2026-12-06T03:00:00Z'))).toBe(0);
  });
});
