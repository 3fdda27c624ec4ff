// A year of e-Order activity up to a reference day (`today`, WIB): RUP packages per agency, unit, category and
// quarter; carts placed as linked orders (one per seller) priced from the sellers' own e-Order products; each
// order's timeline (accept or decline, delivery, BAST, payment — about a third after the 30-day SLA —, close)
// cut at the reference instant, so the state is where the order stands that day. A share of orders is drawn
// backwards from that day in each open state, so every state exists at any scale. Spending outside the platform
// per agency and month (the last months partly unreported) and the yearly budgets are sized from the same draw.
//
// Loaded with the rollup triggers disabled, then procurement_rollups_rebuild() (migration 0071) posts the rollups
// set-based. Same seed + same reference day = same rows.
import type { Queryable } from '../platform/db/types.ts';
import { ORDER_STATES, type OrderState } from '../procurement/order-states.ts';
import { ColumnBuffer, insertColumns, Pipeline } from './bulk.ts';
import type { Member } from './context.ts';
import type { Agency } from './procurement-parties.ts';
import { orderMoney, type SeedMoney, type SellerTax } from './procurement-money.ts';
import type { Progress } from './progress.ts';
import { mulberry32, type Rng, streamSeed } from './prng.ts';
import { lines as businessLines, people } from './vocabulary.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WIB = 7 * HOUR;

type State = OrderState;

/** Orders per member at every scale: 385,000 members (jakarta) → 240,000 orders. */
export const ORDERS_PER_MEMBER = 240_000 / 385_000;

// Budget absorption: slow in the first quarter, peaking in November–December (Q4).
const MONTH_WEIGHT = [0.5, 0.7, 0.9, 0.9, 0.95, 1.0, 0.95, 1.05, 1.1, 1.3, 1.55, 1.75];
const DECLINE_REASONS = [
  'Stok bahan baku sedang kosong',
  'Jadwal produksi penuh pada tanggal pengiriman',
  'Lokasi pengiriman di luar jangkauan kami',
  'Jumlah pesanan melebihi kapasitas produksi',
  'Harga bahan naik, belum bisa memenuhi harga katalog',
];
const PACKAGE_NAMES: Record<string, string> = {
  'makanan-ringan': 'Belanja Makanan dan Minuman Rapat (Kudapan)',
  'kue-roti': 'Belanja Makanan dan Minuman Rapat (Kue dan Roti)',
  'nasi-kotak': 'Belanja Makanan dan Minuman Rapat (Nasi Kotak)',
  'lauk-olahan': 'Belanja Makanan dan Minuman Kegiatan',
  'sambal-bumbu': 'Belanja Bahan Makanan Kegiatan',
  minuman: 'Belanja Minuman Rapat',
  'kopi-teh': 'Belanja Minuman Rapat (Kopi dan Teh)',
  'batik-kain': 'Belanja Pakaian Batik Tradisional',
  busana: 'Belanja Pakaian Dinas dan Atribut',
  'tas-alas-kaki': 'Belanja Perlengkapan Kegiatan (Tas Seminar)',
  kerajinan: 'Belanja Cinderamata Tamu',
  aksesoris: 'Belanja Cinderamata dan Atribut Kegiatan',
  'perawatan-diri': 'Belanja Perlengkapan Kebersihan dan Amenitas',
};
const FOOD = new Set([
  'makanan-ringan',
  'kue-roti',
  'nasi-kotak',
  'lauk-olahan',
  'sambal-bumbu',
  'minuman',
  'kopi-teh',
]);

const wibDate = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);
const wibMonth = (ms: number) => `${wibDate(ms).slice(0, 7)}-01`;
const iso = (ms: number) => new Date(ms).toISOString();
const dayNo = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

interface Product {
  id: number;
  name: string;
  unit: string;
  price: number;
  category: string;
}
interface Seller {
  id: number;
  kind: string;
  size: string | null;
  products: Product[];
  category: string;
  tax: SellerTax;
}
interface Pkg {
  id: number;
  agency: Agency;
  unit: number;
  ppk: number;
  pp: number;
  category: string;
  year: number;
  quarterStart: number; // ms, 00:00 WIB
  quarterEnd: number;
  value: number;
  open: boolean; // holds an order not yet finished
  address: string;
}
interface Payment {
  kind: 'transfer' | 'autodebit';
  status: 'paid' | 'requested';
  amount: number;
  tax: number;
  requestedAt: number;
  paidAt: number | null;
}
interface Order {
  id: number;
  group: number;
  pkg: Pkg;
  seller: Seller;
  status: State;
  total: number;
  money: SeedMoney;
  lines: [Product, number][];
  placedAt: number;
  acceptedAt: number | null;
  declinedAt: number | null;
  reason: string | null;
  deliveredAt: number | null;
  receivedAt: number | null;
  bastYear: number | null;
  bastSeq: number | null;
  dueDate: string | null;
  paidAmount: number;
  paidAt: number | null;
  paymentDays: number | null;
  closedAt: number | null;
  cancelledAt: number | null;
  payments: Payment[];
}

/** Index drawn from cumulative weights by binary search (the generator draws hundreds of thousands). */
function drawCumulative(rng: Rng, cum: readonly number[]): number {
  const r = rng.next() * (cum[cum.length - 1] ?? 0);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] as number) > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const cumulate = (w: readonly number[]) => {
  let s = 0;
  return w.map((x) => (s += x));
};

/** A moment in office hours (08:00–16:00 WIB) of the WIB day containing `ms`. */
const officeHours = (rng: Rng, ms: number) => Date.parse(`${wibDate(ms)}T01:00:00Z`) + rng.int(0, 8 * 60) * 60_000;

/** Days from BAST to payment in full: most within the 30-day SLA, about a third later, a long tail. */
function paymentDelay(rng: Rng): number {
  if (rng.chance(0.68)) return 3 + Math.floor(27 * rng.next() ** 0.8);
  return Math.min(200, 31 + Math.floor(-Math.log(1 - rng.next()) * 28));
}

async function reserveRange(q: Queryable, table: string, n: number): Promise<number> {
  const [r] = await q.query<{ first: number }>(`select nextval(pg_get_serial_sequence($1, 'id')) as first`, [table]);
  const first = Number(r?.first);
  if (n > 1) await q.query(`select setval(pg_get_serial_sequence($1, 'id'), $2::int8)`, [table, first + n - 1]);
  return first;
}

export interface ProcurementActivityOptions {
  seed: number;
  /** The reference day (WIB, YYYY-MM-DD): the orders' year ends that morning. */
  today: string;
  /** The members the registry generated (sellers are drawn from them, in generation order). */
  members: readonly Member[];
  orders: number;
  parallel?: number;
  batch?: number;
  progress?: Progress;
  /** Where the time went, phase by phase. */
  log?: (msg: string) => void;
}

/** Loads the orders and everything around them; returns row counts per table (and per order state). */
export async function seedProcurementActivity(
  q: Queryable,
  agencies: readonly Agency[],
  opts: ProcurementActivityOptions,
): Promise<Record<string, number>> {
  const rng = mulberry32(streamSeed(opts.seed, 'procurement-activity'));
  const now = Date.parse(`${opts.today}T03:00:00Z`); // 10:00 WIB
  const from = now - 365 * DAY;
  if (!agencies.length) return {};

  // ── Sellers: mostly micro and small members, some medium ones, with their e-Order products ──
  const chance = { micro: 0.045, small: 0.22, medium: 0.3 };
  const boost = Math.max(1, 40 / Math.max(1, opts.members.length * 0.06));
  const picked = opts.members.filter((m) => rng.chance(Math.min(1, chance[m.sizeClass] * boost))).map((m) => m.id);
  const productRows = await q.query<{
    id: number;
    umkm_id: number;
    name: string;
    unit: string;
    price: number;
    category_code: string;
    kind: string;
    size_class: string | null;
  }>(
    `select p.id, p.umkm_id, p.name, p.unit, p.price, p.category_code, u.kind, u.size_class
       from product p join umkm u on u.id = p.umkm_id
      where p.umkm_id = any($1::int8[]) and p.channel_e_order and p.status = 'published'
        and p.curation_status = 'curated' and u.status = 'active'
      order by p.umkm_id, p.id`,
    [picked],
  );
  const sellerById = new Map<number, Seller>();
  for (const r of productRows) {
    let s = sellerById.get(r.umkm_id);
    if (!s) {
      s = {
        id: r.umkm_id,
        kind: r.kind,
        size: r.size_class,
        products: [],
        category: r.category_code,
        tax: { pkp: false, pp55Until: null },
      };
      sellerById.set(r.umkm_id, s);
    }
    s.products.push({ id: r.id, name: r.name, unit: r.unit, price: Number(r.price), category: r.category_code });
  }
  const sellers = picked.map((id) => sellerById.get(id)).filter((s): s is Seller => s !== undefined);
  const started = performance.now();
  const phase = (what: string) =>
    opts.log?.(`procurement: ${what} at ${Math.round(performance.now() - started) / 1000} s`);
  phase(`${sellers.length} sellers and their products read`);
  if (!sellers.length) return {};
  const certificateUntil = `${Number(opts.today.slice(0, 4)) + 1}-12-31`;
  for (const s of sellers) {
    s.tax.pkp = s.size === 'medium' ? true : s.size === 'small' ? rng.chance(0.35) : rng.chance(0.03);
    s.tax.pp55Until = !s.tax.pkp && rng.chance(0.6) ? certificateUntil : null;
  }
  const sizeWeight = (s: Seller) => (s.size === 'medium' ? 2.5 : s.size === 'small' ? 2 : 1);
  const sellerCum = cumulate(sellers.map((s) => sizeWeight(s) * (0.3 + 1.4 * rng.next())));
  const foodSellers = sellers.filter((s) => FOOD.has(s.category));
  const foodCum = cumulate(foodSellers.map((s) => sizeWeight(s) * (0.3 + 1.4 * rng.next())));

  // ── Agencies: how much each buys ──
  const agencyCum = cumulate(
    agencies.map((a) => {
      const base = a.code.startsWith('SUDIN-') ? 0.5 : a.kind === 'bumd' ? 0.7 : a.code.startsWith('KOTA-') ? 1.3 : 1;
      return base * (0.3 + 2.5 * rng.next() ** 2);
    }),
  );
  const cities = new Map(
    (await q.query<{ code: string; name: string }>(`select code, name from region where level = 'city'`)).map((r) => [
      r.code,
      r.name,
    ]),
  );
  const addressOf = (a: Agency) =>
    `Kantor ${a.name}, ${rng.pick(people.streets)} No. ${rng.int(1, 120)}, ${(a.regionCode && cities.get(a.regionCode)) || 'Kota Administrasi Jakarta Pusat'}`;
  const addresses = new Map(agencies.map((a) => [a.id, addressOf(a)]));

  // ── Days of the year, weighted by season and weekday ──
  const firstDay = dayNo(wibDate(from));
  const days: number[] = [];
  const dayWeights: number[] = [];
  for (let d = firstDay; d <= dayNo(wibDate(now)); d++) {
    const date = new Date(d * DAY);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    days.push(d);
    dayWeights.push((MONTH_WEIGHT[date.getUTCMonth()] as number) * (weekend ? 0.12 : 1));
  }
  const dayCum = cumulate(dayWeights);
  const seasonalInstant = () => {
    const d = days[drawCumulative(rng, dayCum)] as number;
    return Math.min(now - HOUR, d * DAY - WIB + 8 * HOUR + rng.int(0, 8 * 60) * 60_000);
  };

  // ── Packages (one per agency, unit, category and quarter) and carts ──
  const packages: Pkg[] = [];
  const packageKey = new Map<string, Pkg>();
  const packageFor = (agency: Agency, category: string, at: number): Pkg => {
    const date = wibDate(at);
    const year = Number(date.slice(0, 4));
    const qm = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3;
    const unit = agency.units[Math.floor(rng.next() * Math.min(3, agency.units.length))] as number;
    const key = `${agency.id}|${unit}|${category}|${year}|${qm}`;
    let p = packageKey.get(key);
    if (!p) {
      p = {
        id: 0,
        agency,
        unit,
        ppk: rng.pick(agency.ppk),
        pp: rng.pick(agency.pp),
        category,
        year,
        quarterStart: Date.UTC(year, qm, 1) - WIB,
        quarterEnd: Date.UTC(year, qm + 3, 1) - WIB,
        value: 0,
        open: false,
        address: addresses.get(agency.id) as string,
      };
      packageKey.set(key, p);
      packages.push(p);
    }
    return p;
  };

  const orders: Order[] = [];
  let groups = 0;
  const groupPlacedBy: number[] = [];
  const groupPackage: Pkg[] = [];
  const groupAt: number[] = [];
  const forcedStates: State[] = ['placed', 'accepted', 'delivered', 'received', 'paid'];
  const forcedCum = cumulate([0.15, 0.2, 0.2, 0.3, 0.15]);
  while (orders.length < opts.orders) {
    const agency = agencies[drawCumulative(rng, agencyCum)] as Agency;
    const first = sellers[drawCumulative(rng, sellerCum)] as Seller;
    const food = FOOD.has(first.category);
    const cart = [first];
    if (food && foodSellers.length > 2 && rng.chance(0.35)) {
      for (let k = rng.int(1, 2); k > 0; k--) {
        const s = foodSellers[drawCumulative(rng, foodCum)] as Seller;
        if (!cart.includes(s)) cart.push(s);
      }
    }
    // The state the order stands in at `now`: forced for the first few (every state at any scale) and for a share
    // drawn backwards from now; otherwise a seasonal placement and its timeline.
    const i = orders.length;
    const forced: State | null =
      i < ORDER_STATES.length * 2
        ? (ORDER_STATES[i % ORDER_STATES.length] as State)
        : rng.chance(0.1)
          ? (forcedStates[drawCumulative(rng, forcedCum)] as State)
          : null;
    const acceptDelay = rng.int(1, 48) * HOUR + (rng.chance(0.1) ? rng.int(1, 4) * DAY : 0);
    const lead = (food ? rng.int(1, 4) : rng.int(3, 14)) * DAY + rng.int(0, 6) * HOUR;
    const bastDelay = rng.chance(0.6) ? rng.int(1, 20) * HOUR : rng.int(1, 6) * DAY;
    let payDays = paymentDelay(rng);
    let placedAt: number;
    if (forced === 'placed') placedAt = now - rng.int(1, rng.chance(0.85) ? 72 : 300) * HOUR;
    else if (forced === 'accepted') placedAt = now - rng.int(4, 8 * 24) * HOUR - acceptDelay;
    else if (forced === 'delivered') placedAt = now - rng.int(4, 10 * 24) * HOUR - lead - acceptDelay;
    else if (forced === 'received') {
      payDays = 200; // not yet paid in full
      placedAt = now - rng.int(0, 75) * DAY - rng.int(1, 20) * HOUR - bastDelay - lead - acceptDelay;
    } else if (forced === 'paid')
      placedAt = now - rng.int(1, 6) * DAY - payDays * DAY - bastDelay - lead - acceptDelay - rng.int(1, 20) * HOUR;
    else if (forced === 'closed') {
      payDays = Math.min(payDays, 25);
      placedAt = now - rng.int(90, 300) * DAY;
    } else if (forced === 'declined' || forced === 'cancelled') placedAt = now - rng.int(3, 200) * DAY;
    else placedAt = seasonalInstant();
    placedAt = Math.max(from, placedAt);
    const declined = forced === 'declined' || (forced === null && rng.chance(0.04));
    const cancelled = !declined && (forced === 'cancelled' || (forced === null && rng.chance(0.025)));
    const pkg = packageFor(agency, first.category, placedAt);
    const group = groups++;
    groupPlacedBy.push(pkg.pp);
    groupPackage.push(pkg);
    groupAt.push(placedAt);

    for (const seller of cart) {
      // Lines: 1–4 of the seller's products, quantities a meeting or an office would order.
      const chosen = new Set<Product>();
      const nLines = rng.int(1, Math.min(4, seller.products.length));
      while (chosen.size < nLines) chosen.add(rng.pick(seller.products));
      const big = seller.size === 'medium' ? rng.int(2, 4) : 1;
      let total = 0;
      const lines: [Product, number][] = [];
      for (const p of chosen) {
        let qty = (FOOD.has(p.category) ? rng.int(10, 250) : rng.int(3, 60)) * big;
        qty = Math.max(1, Math.min(qty, Math.floor(150_000_000 / p.price)));
        lines.push([p, qty]);
        total += qty * p.price;
      }
      const money = orderMoney(total, wibDate(placedAt), seller.size, seller.kind, seller.tax);
      const o: Order = {
        id: 0,
        group,
        pkg,
        seller,
        status: 'placed',
        total,
        money,
        lines,
        placedAt,
        acceptedAt: null,
        declinedAt: null,
        reason: null,
        deliveredAt: null,
        receivedAt: null,
        bastYear: null,
        bastSeq: null,
        dueDate: null,
        paidAmount: 0,
        paidAt: null,
        paymentDays: null,
        closedAt: null,
        cancelledAt: null,
        payments: [],
      };
      orders.push(o);
      const at = (t: number) => t <= now;
      if (declined) {
        const t = placedAt + acceptDelay;
        if (at(t) || forced === 'declined') {
          o.status = 'declined';
          o.declinedAt = Math.min(t, now - HOUR);
          o.reason = rng.pick(DECLINE_REASONS);
        }
        continue;
      }
      if (cancelled) {
        const t = placedAt + rng.int(1, 60) * HOUR;
        if (at(t) || forced === 'cancelled') {
          o.status = 'cancelled';
          o.cancelledAt = Math.min(t, now - HOUR);
        }
        continue;
      }
      if (forced === 'placed') continue;
      const accepted = placedAt + acceptDelay + rng.int(0, 3) * HOUR;
      if (!at(accepted)) continue;
      o.status = 'accepted';
      o.acceptedAt = accepted;
      const delivered = accepted + lead;
      if (forced === 'accepted' || !at(delivered)) continue;
      o.status = 'delivered';
      o.deliveredAt = delivered;
      const received = delivered + bastDelay;
      if (forced === 'delivered' || !at(received)) continue;
      o.status = 'received';
      o.receivedAt = received;
      o.dueDate = new Date((dayNo(wibDate(received)) + 30) * DAY).toISOString().slice(0, 10);
      const paidAt = officeHours(rng, received + payDays * DAY);
      const money1 = money;
      if (!at(paidAt)) {
        // Still unpaid: some orders have a partial payment, some an autodebit waiting for the PA/KPA.
        const since = Math.floor((now - received) / DAY);
        if (since > 7 && rng.chance(0.2)) {
          const share = 0.3 + 0.4 * rng.next();
          const tax = Math.floor(money1.withheld * share);
          const amount = Math.floor(total * share) - tax;
          const t = officeHours(rng, received + rng.int(2, since - 1) * DAY);
          o.payments.push({
            kind: 'transfer',
            status: 'paid',
            amount,
            tax,
            requestedAt: t - rng.int(1, 30) * HOUR,
            paidAt: t,
          });
          o.paidAmount = amount + tax;
        } else if (since > 3 && rng.chance(0.06)) {
          o.payments.push({
            kind: 'autodebit',
            status: 'requested',
            amount: money1.net,
            tax: money1.withheld,
            requestedAt: now - rng.int(2, 48) * HOUR,
            paidAt: null,
          });
        }
        continue;
      }
      o.status = 'paid';
      o.paidAt = paidAt;
      o.paidAmount = total;
      o.paymentDays = dayNo(wibDate(paidAt)) - dayNo(wibDate(received));
      const kind = rng.chance(0.18) ? 'autodebit' : 'transfer';
      if (payDays > 6 && rng.chance(0.1)) {
        const share = 0.3 + 0.4 * rng.next();
        const tax = Math.floor(money1.withheld * share);
        const amount = Math.floor(total * share) - tax;
        const t = officeHours(rng, received + rng.int(1, payDays - 2) * DAY);
        o.payments.push({
          kind: 'transfer',
          status: 'paid',
          amount,
          tax,
          requestedAt: t - rng.int(1, 30) * HOUR,
          paidAt: t,
        });
        o.payments.push({
          kind,
          status: 'paid',
          amount: money1.net - amount,
          tax: money1.withheld - tax,
          requestedAt: paidAt - rng.int(1, 48) * HOUR,
          paidAt,
        });
      } else
        o.payments.push({
          kind,
          status: 'paid',
          amount: money1.net,
          tax: money1.withheld,
          requestedAt: paidAt - rng.int(1, 48) * HOUR,
          paidAt,
        });
      const closed = paidAt + rng.int(1, 14) * DAY + rng.int(0, 6) * HOUR;
      if (forced === 'paid' || !at(closed)) continue;
      o.status = 'closed';
      o.closedAt = closed;
    }
  }

  // ── BAST numbers: gapless per agency and WIB year, in the order the BASTs were signed ──
  const signed = orders.filter((o) => o.receivedAt !== null);
  signed.sort((a, b) => a.pkg.agency.id - b.pkg.agency.id || (a.receivedAt as number) - (b.receivedAt as number));
  const counters = new Map<string, number>();
  for (const o of signed) {
    const year = Number(wibDate(o.receivedAt as number).slice(0, 4));
    const key = `${o.pkg.agency.id}|${year}`;
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    o.bastYear = year;
    o.bastSeq = seq;
  }

  // ── Package values and states, ids ──
  for (const o of orders) {
    if (o.status !== 'declined' && o.status !== 'cancelled') o.pkg.value += o.total;
    if (o.status !== 'declined' && o.status !== 'cancelled' && o.status !== 'closed') o.pkg.open = true;
  }
  const firstPackage = await reserveRange(q, 'procurement_package', packages.length);
  packages.forEach((p, k) => {
    p.id = firstPackage + k;
  });
  const firstGroup = await reserveRange(q, 'order_group', groups);
  const firstOrder = await reserveRange(q, 'eorder', orders.length);
  orders.forEach((o, k) => {
    o.id = firstOrder + k;
  });

  phase(`${orders.length} orders drawn`);
  const counts: Record<string, number> = {};
  const kbliOf = new Map<string, string[]>();
  for (const l of businessLines) kbliOf.set(l.category, [...new Set([...(kbliOf.get(l.category) ?? []), l.kbli])]);
  const rupBase = 90_000_000; // Kode RUP: 8 digits, in a range SiRUP has not used

  // Packages that hold orders, then each agency's coming ones: planned, and assigned to a PPK.
  const pkgBuf = new ColumnBuffer(PACKAGE_COLUMNS);
  const pushPackage = (
    p: Pkg,
    name: string,
    pagu: number,
    status: string,
    assigned: boolean,
    ready: boolean,
    code: number,
  ) => {
    // Planned 20–60 days before the quarter, never after `now`: the coming quarter's plans are already announced.
    const created = Math.min(p.quarterStart - rng.int(20, 60) * DAY, now - (2 + (code % 70)) * HOUR);
    const assignedAt = Math.min(created + rng.int(2, 10) * DAY, now - HOUR);
    const readyAt = Math.min(assignedAt + rng.int(1, 5) * DAY, now - HOUR);
    pkgBuf.push(
      p.id || null,
      String(rupBase + code),
      p.agency.id,
      p.unit,
      p.year,
      name,
      pagu,
      'barang',
      'penyedia',
      'e_purchasing',
      p.category,
      p.agency.regionCode,
      'APBD',
      wibDate(p.quarterStart),
      wibDate(p.quarterStart + 14 * DAY),
      wibDate(p.quarterStart),
      wibDate(p.quarterEnd - DAY),
      true,
      status,
      assigned ? p.agency.pa : null,
      assigned ? p.ppk : null,
      ready ? p.pp : null,
      assigned ? iso(assignedAt) : null,
      ready ? iso(readyAt) : null,
      ready ? p.address : null,
      'seed',
      iso(created),
    );
  };
  const unitNames = new Map(
    (await q.query<{ id: number; name: string }>('select id, name from agency_unit')).map((r) => [r.id, r.name]),
  );
  const quarterName = (p: Pkg) =>
    `Triwulan ${['I', 'II', 'III', 'IV'][Math.floor(new Date(p.quarterStart + WIB).getUTCMonth() / 3)]} ${p.year}`;
  packages.forEach((p, k) => {
    const pagu = Math.ceil((p.value * (1.05 + 0.45 * rng.next())) / 100_000) * 100_000;
    const closed = !p.open && p.quarterEnd < now;
    pushPackage(
      p,
      `${PACKAGE_NAMES[p.category] ?? 'Belanja Barang'} ${unitNames.get(p.unit) ?? ''} ${quarterName(p)}`.replace(
        /\s+/g,
        ' ',
      ),
      Math.max(pagu, 1_000_000),
      closed ? 'closed' : 'ready',
      true,
      true,
      k,
    );
  });
  // The coming quarter: packages planned or assigned, not yet ordered (the opportunities list and PA/PPK queues).
  let coming = packages.length;
  const nextQuarter = (() => {
    const d = wibDate(now);
    const qm = Math.floor((Number(d.slice(5, 7)) - 1) / 3) * 3 + 3;
    return Date.UTC(Number(d.slice(0, 4)), qm, 1) - WIB;
  })();
  const categories = Object.keys(PACKAGE_NAMES);
  for (const a of agencies) {
    for (let k = rng.int(1, 4); k > 0; k--) {
      const start = new Date(nextQuarter + WIB);
      const p: Pkg = {
        id: 0,
        agency: a,
        unit: rng.pick(a.units),
        ppk: rng.pick(a.ppk),
        pp: rng.pick(a.pp),
        category: rng.pick(categories),
        year: start.getUTCFullYear(),
        quarterStart: nextQuarter,
        quarterEnd: Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1) - WIB,
        value: 0,
        open: true,
        address: addresses.get(a.id) as string,
      };
      const assigned = rng.chance(0.4);
      pushPackage(
        p,
        `${PACKAGE_NAMES[p.category]} ${unitNames.get(p.unit) ?? ''} ${quarterName(p)}`.replace(/\s+/g, ' '),
        rng.int(10, 500) * 1_000_000,
        assigned ? 'assigned' : 'planned',
        assigned,
        false,
        coming++,
      );
    }
  }
  // Packages with ids first (ids reserved), then the coming ones (identity default).
  const withIds = pkgBuf.values.map((col) => col.slice(0, packages.length));
  const withoutIds = pkgBuf.values.map((col) => col.slice(packages.length));
  await insertColumns(q, 'procurement_package', PACKAGE_COLUMNS, withIds, { withIds: true });
  await insertColumns(q, 'procurement_package', PACKAGE_COLUMNS.slice(1), withoutIds.slice(1));
  // KBLI of the category's business lines (an array column: set after the unnest insert, which flattens arrays).
  await q.query(
    `update procurement_package p set kbli_codes = string_to_array(m.k, ',')
       from unnest($1::text[], $2::text[]) m(c, k)
      where p.category_code = m.c and p.source = 'seed' and p.kbli_codes = '{}'`,
    [[...kbliOf.keys()], [...kbliOf.values()].map((k) => k.join(','))],
  );
  counts.procurement_package = pkgBuf.length;

  // Sellers' tax standing.
  await q.query(
    `insert into seller_tax_profile (umkm_id, pkp, pp55_certificate_until, updated_at)
     select * from unnest($1::int8[], $2::bool[], $3::date[], $4::timestamptz[]) on conflict (umkm_id) do nothing`,
    [
      sellers.map((s) => s.id),
      sellers.map((s) => s.tax.pkp),
      sellers.map((s) => s.tax.pp55Until),
      sellers.map(() => iso(from)),
    ],
  );
  counts.seller_tax_profile = sellers.length;

  const batch = opts.batch ?? 5_000;
  const pipeline = new Pipeline(opts.parallel ?? 1);
  for (let start = 0; start < groups; start += batch * 2) {
    const buf = new ColumnBuffer(GROUP_COLUMNS);
    for (let g = start; g < Math.min(groups, start + batch * 2); g++) {
      const p = groupPackage[g] as Pkg;
      buf.push(firstGroup + g, p.id, p.agency.id, groupPlacedBy[g], iso(groupAt[g] as number));
    }
    await pipeline.add(() => buf.flush(q, 'order_group', { withIds: true }));
  }
  await pipeline.drain();
  counts.order_group = groups;
  phase('packages and carts inserted');

  await q.exec(
    'alter table eorder disable trigger eorder_rollup; alter table eorder_payment disable trigger eorder_payment_rollup',
  );
  const foreignKeys = await dropForeignKeys(q, ['eorder', 'eorder_line', 'eorder_payment']);
  try {
    let lineRows = 0;
    let paymentRows = 0;
    for (let start = 0; start < orders.length; start += batch) {
      const ob = new ColumnBuffer(ORDER_COLUMNS);
      const lb = new ColumnBuffer(LINE_COLUMNS);
      const pb = new ColumnBuffer(PAYMENT_COLUMNS);
      const chunk = orders.slice(start, start + batch);
      for (const o of chunk) {
        const a = o.pkg.agency;
        const t = (x: number | null) => (x === null ? null : iso(x));
        ob.push(
          o.id,
          firstGroup + o.group,
          o.pkg.id,
          a.id,
          o.pkg.unit,
          o.seller.id,
          o.seller.kind,
          o.seller.size,
          o.seller.kind === 'cooperative' || o.seller.size === 'micro' || o.seller.size === 'small',
          o.status,
          o.total,
          JSON.stringify(o.money),
          o.pkg.address,
          t(o.placedAt),
          t(o.acceptedAt),
          t(o.declinedAt),
          o.reason,
          t(o.deliveredAt),
          t(o.receivedAt),
          o.bastYear,
          o.bastSeq,
          o.bastSeq === null ? null : `BAST/${a.code}/${o.bastYear}/${String(o.bastSeq).padStart(5, '0')}`,
          o.receivedAt === null ? null : o.pkg.ppk,
          o.dueDate,
          o.paidAmount,
          t(o.paidAt),
          o.paymentDays,
          t(o.closedAt),
          t(o.cancelledAt),
        );
        o.lines.forEach(([p, qty], k) => {
          lb.push(o.id, k + 1, o.seller.id, p.id, p.name, p.unit, qty, p.price, qty * p.price);
        });
        for (const y of o.payments) {
          const ref =
            y.paidAt === null
              ? null
              : `${y.kind === 'autodebit' ? 'AD' : 'TRF'}${wibDate(y.paidAt).replaceAll('-', '')}${String(o.id).padStart(8, '0')}`;
          pb.push(
            o.id,
            o.seller.id,
            y.kind,
            'final',
            y.status,
            y.amount,
            y.tax,
            y.tax === 0 ? '[]' : JSON.stringify(o.money.lines.filter((l) => l.item !== 'advance')),
            ref,
            a.bendahara,
            iso(y.requestedAt),
            y.kind === 'autodebit' && y.status === 'paid' ? a.pa : null,
            t(y.paidAt),
          );
        }
        counts[`eorder_${o.status}`] = (counts[`eorder_${o.status}`] ?? 0) + 1;
      }
      lineRows += lb.length;
      paymentRows += pb.length;
      await pipeline.add(async () => {
        await ob.flush(q, 'eorder', { withIds: true });
        await lb.flush(q, 'eorder_line');
        await pb.flush(q, 'eorder_payment');
        opts.progress?.tick(chunk.length);
      });
    }
    await pipeline.drain();
    counts.eorder = orders.length;
    counts.eorder_line = lineRows;
    counts.eorder_payment = paymentRows;
  } finally {
    await q.exec(
      'alter table eorder enable trigger eorder_rollup; alter table eorder_payment enable trigger eorder_payment_rollup',
    );
    await restoreForeignKeys(q, foreignKeys);
  }

  await q.query(
    `insert into bast_counter (agency_id, year, last) select * from unnest($1::int4[], $2::int4[], $3::int4[])
     on conflict (agency_id, year) do update set last = excluded.last`,
    [...counters.keys()].reduce<number[][]>(
      (cols, key) => {
        const [a, y] = key.split('|').map(Number);
        cols[0]!.push(a as number);
        cols[1]!.push(y as number);
        cols[2]!.push(counters.get(key) as number);
        return cols;
      },
      [[], [], []],
    ),
  );
  counts.bast_counter = counters.size;

  phase('orders, lines and payments inserted');
  Object.assign(counts, await seedSpending(q, rng, agencies, orders, now, from));
  await q.query('select procurement_rollups_rebuild()');
  phase('rollups rebuilt');
  return counts;
}

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/**
 * The foreign keys of the order tables, dropped for the load: each checked row would lock its parent rows (hot
 * agency and package rows shared by concurrent batches) one by one. They are added back and validated set-based
 * afterwards (as pg_restore does), so the loaded rows are checked all the same.
 */
async function dropForeignKeys(q: Queryable, tables: string[]): Promise<ForeignKey[]> {
  const keys = await q.query<ForeignKey>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
       from pg_constraint c where c.contype = 'f' and c.conrelid = any($1::regclass[]) order by c.conrelid, c.conname`,
    [tables],
  );
  for (const k of keys) await q.exec(`alter table ${k.table} drop constraint ${k.name}`);
  return keys;
}

async function restoreForeignKeys(q: Queryable, keys: ForeignKey[]): Promise<void> {
  for (const k of keys) await q.exec(`alter table ${k.table} add constraint ${k.name} ${k.definition} not valid`);
  for (const k of keys) await q.exec(`alter table ${k.table} validate constraint ${k.name}`);
}

/**
 * Outside spending per agency and month (the month of `now` and, for most agencies, the one or two before it not
 * yet reported), sized against what the agency bought on the platform; then each year's goods-and-services budget.
 */
async function seedSpending(
  q: Queryable,
  rng: Rng,
  agencies: readonly Agency[],
  orders: readonly Order[],
  now: number,
  from: number,
): Promise<Record<string, number>> {
  const platform = new Map<string, number>(); // agency|month → committed value on the platform
  for (const o of orders)
    if (o.acceptedAt !== null && o.status !== 'declined' && o.status !== 'cancelled') {
      const key = `${o.pkg.agency.id}|${wibMonth(o.acceptedAt)}`;
      platform.set(key, (platform.get(key) ?? 0) + o.total);
    }
  const months: string[] = [];
  for (let m = wibMonth(from); m < wibMonth(now); ) {
    months.push(m);
    const d = new Date(`${m}T00:00:00Z`);
    m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  }
  const out = new ColumnBuffer(SPENDING_COLUMNS);
  const yearly = new Map<string, { sum: number; months: number }>();
  for (const a of agencies) {
    const unreported = rng.weighted([0.3, 0.45, 0.25]);
    const base = (20 + rng.next() * 200) * 1_000_000;
    months.forEach((m, k) => {
      const season = MONTH_WEIGHT[Number(m.slice(5, 7)) - 1] as number;
      const onPlatform = platform.get(`${a.id}|${m}`) ?? 0;
      const total =
        Math.round((onPlatform * (2 + 3 * rng.next()) + base * season * (0.7 + 0.6 * rng.next())) / 1000) * 1000;
      const y = yearly.get(`${a.id}|${m.slice(0, 4)}`) ?? { sum: 0, months: 0 };
      y.sum += total + onPlatform;
      y.months++;
      yearly.set(`${a.id}|${m.slice(0, 4)}`, y);
      if (k >= months.length - unreported) return; // not reported yet
      const endOfMonth = Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 1) - WIB;
      const entered = rng.chance(0.4);
      out.push(
        a.id,
        m,
        total,
        Math.round((total * (0.03 + 0.12 * rng.next())) / 1000) * 1000,
        entered ? 'entered' : 'import',
        iso(Math.min(now - HOUR, endOfMonth + rng.int(5, 20) * DAY + rng.int(1, 8) * HOUR)),
        entered ? a.bendahara : null,
      );
    });
  }
  await out.flush(q, 'outside_spending');
  const budgets = new ColumnBuffer(BUDGET_COLUMNS);
  for (const [key, y] of yearly) {
    const [agency, year] = key.split('|').map(Number);
    const full = (y.sum * 12) / Math.max(1, y.months);
    budgets.push(agency, year, Math.round((full * (1.05 + 0.25 * rng.next())) / 1_000_000) * 1_000_000);
  }
  // The current year too when the window ends in January (no month of it reported yet).
  await q.query(
    `insert into agency_budget (agency_id, year, goods_services_budget)
     select * from unnest($1::int4[], $2::int4[], $3::int8[]) on conflict do nothing`,
    budgets.values,
  );
  return { outside_spending: out.length, agency_budget: budgets.length };
}

const PACKAGE_COLUMNS = [
  ['id', 'int4'],
  ['rup_code', 'text'],
  ['agency_id', 'int4'],
  ['unit_id', 'int4'],
  ['year', 'int4'],
  ['name', 'text'],
  ['pagu', 'int8'],
  ['kind', 'text'],
  ['supply', 'text'],
  ['method', 'text'],
  ['category_code', 'text'],
  ['region_code', 'text'],
  ['funding_source', 'text'],
  ['selection_from', 'date'],
  ['selection_to', 'date'],
  ['execution_from', 'date'],
  ['execution_to', 'date'],
  ['reserved_small', 'bool'],
  ['status', 'text'],
  ['pa_account_id', 'int8'],
  ['ppk_account_id', 'int8'],
  ['pp_account_id', 'int8'],
  ['assigned_at', 'timestamptz'],
  ['ready_at', 'timestamptz'],
  ['delivery_address', 'text'],
  ['source', 'text'],
  ['created_at', 'timestamptz'],
] as const;
const GROUP_COLUMNS = [
  ['id', 'int8'],
  ['package_id', 'int4'],
  ['agency_id', 'int4'],
  ['placed_by', 'int8'],
  ['placed_at', 'timestamptz'],
] as const;
const ORDER_COLUMNS = [
  ['id', 'int8'],
  ['group_id', 'int8'],
  ['package_id', 'int4'],
  ['agency_id', 'int4'],
  ['unit_id', 'int4'],
  ['umkm_id', 'int8'],
  ['seller_kind', 'text'],
  ['seller_size', 'text'],
  ['counts_umk', 'bool'],
  ['status', 'text'],
  ['total', 'int8'],
  ['money', 'jsonb'],
  ['delivery_address', 'text'],
  ['placed_at', 'timestamptz'],
  ['accepted_at', 'timestamptz'],
  ['declined_at', 'timestamptz'],
  ['decline_reason', 'text'],
  ['delivered_at', 'timestamptz'],
  ['received_at', 'timestamptz'],
  ['bast_year', 'int4'],
  ['bast_seq', 'int4'],
  ['bast_number', 'text'],
  ['bast_by', 'int8'],
  ['due_date', 'date'],
  ['paid_amount', 'int8'],
  ['paid_at', 'timestamptz'],
  ['payment_days', 'int4'],
  ['closed_at', 'timestamptz'],
  ['cancelled_at', 'timestamptz'],
] as const;
const LINE_COLUMNS = [
  ['order_id', 'int8'],
  ['line_no', 'int4'],
  ['umkm_id', 'int8'],
  ['product_id', 'int8'],
  ['name', 'text'],
  ['unit', 'text'],
  ['quantity', 'int4'],
  ['unit_price', 'int8'],
  ['amount', 'int8'],
] as const;
const PAYMENT_COLUMNS = [
  ['order_id', 'int8'],
  ['umkm_id', 'int8'],
  ['kind', 'text'],
  ['stage', 'text'],
  ['status', 'text'],
  ['amount', 'int8'],
  ['tax_withheld', 'int8'],
  ['tax_lines', 'jsonb'],
  ['reference', 'text'],
  ['requested_by', 'int8'],
  ['requested_at', 'timestamptz'],
  ['approved_by', 'int8'],
  ['paid_at', 'timestamptz'],
] as const;
const SPENDING_COLUMNS = [
  ['agency_id', 'int4'],
  ['month', 'date'],
  ['total_amount', 'int8'],
  ['umk_amount', 'int8'],
  ['source', 'text'],
  ['reported_at', 'timestamptz'],
  ['reported_by', 'int8'],
] as const;
const BUDGET_COLUMNS = [
  ['agency_id', 'int4'],
  ['year', 'int4'],
  ['goods_services_budget', 'int8'],
] as const;
