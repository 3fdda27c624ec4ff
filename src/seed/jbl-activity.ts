// Jumat Beli Lokal seed (issue 15, item 9): a year of closed weekly editions before the reference day, each with its
// line-up (jbl-lineup.ts) and its orders (jbl-orders.ts): ≥ 500,000 checkouts at jakarta scale. Buyers are guests
// (name, phone encrypted like the owners' phones), ASN of the procurement agencies (asn_buyer accounts, bulk-made
// without passwords, scoped to their agency) and public buyer accounts. A third of the featured sellers get their
// own QRIS merchant; the others are paid through the aggregator. Stock balances per line-up item: sold = the paid
// quantities, nothing held (the editions are closed), some items sold out exactly.
//
// Only past editions are written: the demo loader (src/jbl/demo.ts) then plans the coming Fridays after them and
// opens the next one. The module runs only while jbl_edition is empty. Same seed + same reference day = same rows.
import type { Queryable } from '../platform/db/types.ts';
import type { PersonalDataKeys } from '../platform/personal-data.ts';
import type { QrisMerchant } from '../platform/qris/encode-qris.ts';
import { localDate } from '../platform/time.ts';
import { Pipeline } from './bulk.ts';
import type { SeedModule } from './context.ts';
import { seedJblBuyers } from './jbl-buyers.ts';
import { EditionBatch, editionRows, idBlock } from './jbl-load.ts';
import { buildLineup, type QueuePointers, pastEditions, sellerQueues } from './jbl-lineup.ts';
import { drawEditionOrders, type OrderSeller } from './jbl-orders.ts';
import { mulberry32, streamSeed } from './prng.ts';

/** Parent orders per member: 385,000 members (jakarta) → 520,000 checkouts over the year. */
export const JBL_ORDERS_PER_MEMBER = 520_000 / 385_000;
export const jblOrdersFor = (members: number) => Math.max(200, Math.round(members * JBL_ORDERS_PER_MEMBER));
const OWN_MERCHANT_SHARE = 0.3;
const BATCH_LINES = 20_000; // order lines per set of insert statements (a jakarta edition has more on its own)
const ACQUIRERS = ['COM.GO-JEK.WWW', 'ID.DANA.WWW', 'ID.CO.SHOPEE.WWW', 'ID.CO.BANKDKI.WWW', 'ID.CO.BRI.WWW'];

async function setting<T>(q: Queryable, key: string, day: string, fallback: T): Promise<T> {
  const [r] = await q.query<{ value: T }>(
    `select value from setting where key = $1 and effective_from <= $2 order by effective_from desc limit 1`,
    [key, day],
  );
  return r?.value ?? fallback;
}

export interface JblActivityOptions {
  seed: number;
  /** The reference day (WIB): editions whose live session ended before 00:00 WIB that day. */
  today: string;
  members: number;
  keys: PersonalDataKeys;
  parallel?: number;
  progress?: { tick(n: number): void };
  log?: (msg: string) => void;
}

export async function seedJblActivity(q: Queryable, opts: JblActivityOptions): Promise<Record<string, number>> {
  const log = opts.log ?? (() => {});
  if ((await q.query('select 1 from jbl_edition limit 1')).length) {
    log('jbl: editions exist, nothing generated');
    return {};
  }
  const t0 = performance.now();
  const ref = Date.parse(`${opts.today}T00:00:00+07:00`);
  const rng = mulberry32(streamSeed(opts.seed, 'jbl-activity'));
  const editions = await pastEditions(q, ref);
  if (!editions.length) return {};
  const quota = Number(await setting(q, 'jbl.kecamatan_quota', opts.today, 30));
  const hold = Number(await setting(q, 'jbl.hold_minutes', opts.today, 15));
  const aggregator = await setting<QrisMerchant>(q, 'jbl.aggregator_merchant', opts.today, {
    name: 'PASAR LOKAL JAKARTA',
    city: 'JAKARTA',
    postalCode: '10110',
    mcc: '5499',
    nmid: 'ID1021000000001',
    criteria: 'UMI',
  });

  // Editions: one row each, ids reserved so the line-ups and orders can point at them.
  const editionIds = await idBlock(q, 'jbl_edition');
  const first = editionIds.take(editions.length);
  await editionIds.close();
  const iso = (ms: number) => new Date(ms).toISOString();
  await q.query(
    `insert into jbl_edition (id, friday, held_on, host_region_code, preorder_opens_at, preorder_closes_at, live_starts_at,
       live_ends_at, status, holiday_name, decision, decision_reason, decided_at, created_at, updated_at)
     overriding system value
     select * from unnest($1::int8[], $2::date[], $3::date[], $4::text[], $5::timestamptz[], $6::timestamptz[],
       $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[],
       $14::timestamptz[], $15::timestamptz[])`,
    [
      editions.map((_, i) => first + i),
      editions.map((e) => e.friday),
      editions.map((e) => e.heldOn),
      editions.map((e) => e.host),
      editions.map((e) => iso(e.opens)),
      editions.map((e) => iso(e.closes)),
      editions.map((e) => iso(e.liveStart)),
      editions.map((e) => iso(e.liveEnd)),
      editions.map((e) => (e.decision === 'skip' ? 'skipped' : 'closed')),
      editions.map((e) => e.holiday),
      editions.map((e) => e.decision),
      editions.map((e) => e.reason),
      editions.map((e) => (e.decision ? iso(e.opens - 20 * 86_400_000) : null)),
      editions.map((e) => iso(e.opens - 28 * 86_400_000)),
      editions.map((e) => iso(e.decision === 'skip' ? e.opens - 20 * 86_400_000 : e.liveEnd + 3_600_000)),
    ],
  );

  // The host kota's kecamatan and their sellers in rotation order; a share of them with their own QRIS merchant.
  const hosts = [...new Set(editions.map((e) => e.host))];
  const kecRows = await q.query<{ code: string; name: string; city: string; city_name: string }>(
    `select d.code, d.name, d.parent_code as city, c.name as city_name from region d join region c on c.code = d.parent_code
      where d.level = 'district' and d.parent_code = any($1::text[]) order by d.code`,
    [hosts],
  );
  const turnsPerKota = Math.ceil(editions.length / Math.max(1, hosts.length)) + 1;
  const queues = await sellerQueues(q, hosts, opts.seed, (quota + 2) * turnsPerKota);
  const merchants = new Map<number, QrisMerchant>();
  const mRows: unknown[][] = [[], [], [], [], [], [], [], []];
  for (const list of queues.values())
    for (const s of list) {
      if (!rng.chance(OWN_MERCHANT_SHARE)) continue;
      const city = kecRows.find((k) => k.code === s.kecamatan)?.city_name ?? 'Jakarta';
      const m: QrisMerchant = {
        name:
          s.name
            .normalize('NFKD')
            .replace(/[^\x20-\x7E]/g, '')
            .toUpperCase()
            .slice(0, 25)
            .trim() || 'UMKM JAKARTA',
        city: city
          .replace(/^(Kota|Kabupaten)( Administrasi)? /, '')
          .toUpperCase()
          .slice(0, 15)
          .trim(),
        postalCode: s.postalCode,
        mcc: s.food ? '5814' : '5699',
        nmid: `ID10${String(rng.int(20, 25))}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
        criteria: 'UMI',
        acquirer: {
          guid: rng.pick(ACQUIRERS),
          pan: `93600${String(rng.int(100, 999))}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
          merchantId: `M${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        },
      };
      merchants.set(s.umkmId, m);
      for (const [i, v] of [s.umkmId, m.name, m.city, m.postalCode, m.mcc, m.nmid, m.criteria].entries())
        mRows[i]!.push(v);
      mRows[7]!.push(JSON.stringify(m.acquirer));
    }
  if (mRows[0]!.length)
    await q.query(
      `insert into umkm_qris_merchant (umkm_id, merchant_name, merchant_city, postal_code, mcc, nmid, criteria, acquirer)
       select * from unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[])`,
      mRows,
    );

  const buyers = await seedJblBuyers(q, rng, opts.members);
  log(
    `jbl: ${editions.length} editions, ${merchants.size} seller merchants, buyers ready in ${Math.round(performance.now() - t0) / 1000} s`,
  );

  // Orders per edition: growing over the year, varying by week; exact total.
  const total = jblOrdersFor(opts.members);
  const held = editions.map((e, i) =>
    e.decision === 'skip' ? 0 : (0.8 + (0.4 * i) / editions.length) * (0.75 + rng.next() * 0.5),
  );
  const sum = held.reduce((a, b) => a + b, 0);
  const counts = held.map((w) => Math.floor((w / sum) * total));
  const lastHeld = held.findLastIndex((w) => w > 0);
  counts[lastHeld] = (counts[lastHeld] ?? 0) + total - counts.reduce((a, b) => a + b, 0);

  const pointers: QueuePointers = new Map();
  const pipeline = new Pipeline(opts.parallel ?? 1);
  const rows: Record<string, number> = {
    jbl_edition: editions.length,
    umkm_qris_merchant: merchants.size,
    ...buyers.counts,
  };
  const add = (r: Record<string, number>) => {
    for (const [k, v] of Object.entries(r)) rows[k] = (rows[k] ?? 0) + v;
  };
  const blocks = {
    item: await idBlock(q, 'jbl_lineup_item'),
    order: await idBlock(q, 'jbl_order'),
    child: await idBlock(q, 'jbl_child_order'),
  };
  const batch = new EditionBatch();
  let pending = 0;
  const flush = async () => {
    const insert = batch.take(q);
    const n = pending;
    pending = 0;
    await pipeline.add(async () => {
      add(await insert());
      opts.progress?.tick(n);
    });
  };
  for (const [i, e] of editions.entries()) {
    if (e.decision === 'skip') continue;
    const erng = mulberry32(streamSeed(opts.seed, `jbl-edition-${e.friday}`));
    const kecs = kecRows.filter((k) => k.city === e.host);
    const cityName = kecs[0]?.city_name.replace(/^Kota Administrasi /, '') ?? e.host;
    const items = buildLineup(erng, kecs, queues, pointers, quota, cityName);
    if (!items.length) continue;
    const itemFirst = blocks.item.take(items.length);
    const bySeller = new Map<number, OrderSeller>();
    for (const [k, it] of items.entries()) {
      let s = bySeller.get(it.umkmId);
      if (!s) {
        s = { umkmId: it.umkmId, kecamatan: it.kecamatan, merchant: merchants.get(it.umkmId) ?? null, items: [] };
        bySeller.set(it.umkmId, s);
      }
      // Popularity with a long tail (a few products draw most of the buyers), leaning to what a Friday buyer can afford.
      s.items.push({
        id: itemFirst + k,
        productId: it.productId,
        umkmId: it.umkmId,
        price: it.price,
        weight: (0.1 + erng.next() ** 4 * 4) * Math.min(2, Math.sqrt(40_000 / it.price)),
      });
    }
    const orders = drawEditionOrders(
      erng,
      e,
      counts[i]!,
      [...bySeller.values()],
      buyers,
      kecs.map((k) => k.code),
      hold,
    );
    const ids = {
      order: blocks.order.take(orders.length),
      child: blocks.child.take(orders.reduce((a, o) => a + o.children.length, 0)),
    };
    batch.add(
      editionRows({
        edition: e,
        editionId: first + i,
        items,
        itemFirst,
        orders,
        ids,
        rng: erng,
        aggregator,
        hold,
        keys: opts.keys,
      }),
    );
    pending += orders.length;
    if (batch.lines >= BATCH_LINES) await flush();
  }
  if (pending) await flush();
  await pipeline.drain();
  for (const b of Object.values(blocks)) await b.close();
  log(`jbl: ${rows.jbl_order ?? 0} orders in ${Math.round(performance.now() - t0) / 1000} s`);
  return rows;
}

/** `today`: the reference day (WIB) the year of editions ends before; default today. */
export function jblActivityModule(today?: string): SeedModule {
  return {
    name: 'jbl-activity',
    units: (scale) => jblOrdersFor(scale.umkm),
    run: (ctx) =>
      seedJblActivity(ctx.q, {
        seed: ctx.seed,
        today: today ?? localDate(new Date()),
        members: ctx.members.length || ctx.scale.umkm,
        keys: ctx.keys,
        parallel: ctx.parallel,
        progress: ctx.progress,
        log: ctx.log,
      }),
  };
}
