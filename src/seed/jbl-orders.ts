// Jumat Beli Lokal seed, part 2: one edition's orders, drawn in memory. Carts of 1–3 sellers (a child order each,
// 1–4 lines, amount = price × quantity) placed in the pre-order window (busier in the evenings, on Monday and on the
// closing Thursday) or in the live session, whose rush peaks in the first minutes and is mostly over after fifteen.
// Most children are paid within the hold (to the seller's own QRIS merchant, confirmed by the seller, or to the
// aggregator, confirmed by its webhook) and handed over on the day; some expire unpaid and release their stock.
import { encodeQris, type QrisMerchant } from '../platform/qris/encode-qris.ts';
import type { Rng } from './prng.ts';
import { people } from './vocabulary.ts';
import type { SeedEdition } from './jbl-lineup.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const WIB = 7 * HOUR;
// Orders per hour of the day (WIB) in the pre-order window: lunch break and the evening after work.
const HOUR_WEIGHT = [
  0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 0.6, 0.9, 1, 1.1, 1.2, 1.3, 1.7, 1.4, 1.1, 1, 1.1, 1.2, 1.4, 1.8, 2, 1.7, 1, 0.5,
];
// Orders per minute of a one-hour live session: a peak in the third minute, most within fifteen, a long tail.
const LIVE_MINUTE = Array.from(
  { length: 60 },
  (_, m) => 6 * Math.exp(-((m - 3) ** 2) / 8) + 3 * Math.exp(-m / 8) + 0.15,
);
export const LIVE_SHARE = 0.42;
export const EXPIRED_SHARE = 0.07;

export interface OrderItem {
  id: number; // jbl_lineup_item id
  productId: number;
  umkmId: number;
  price: number;
  weight: number;
}
export interface OrderSeller {
  umkmId: number;
  kecamatan: string;
  merchant: QrisMerchant | null; // its own QRIS merchant, or null: buyers pay the aggregator
  items: OrderItem[];
}
export interface Buyers {
  asn: { id: number; name: string; agency: number }[];
  public: { id: number; name: string }[];
}
export interface DrawnLine {
  item: OrderItem;
  qty: number;
}
export interface DrawnChild {
  seller: OrderSeller;
  lines: DrawnLine[];
  total: number;
  status: 'paid' | 'handed_over' | 'expired';
  pickup: 'hub' | 'seller';
  hub: string | null;
  paidAt: number | null;
  paidVia: 'seller' | 'webhook' | null;
  handedAt: number | null;
}
export interface DrawnOrder {
  at: number;
  session: 'preorder' | 'live';
  kind: 'guest' | 'asn' | 'public';
  account: number | null;
  agency: number | null;
  name: string;
  phone: string | null;
  token: string;
  children: DrawnChild[];
  total: number;
}

function cumulate(w: readonly number[]): number[] {
  let s = 0;
  return w.map((x) => (s += x));
}
function draw(rng: Rng, cum: readonly number[]): number {
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
const hex = (rng: Rng) =>
  Math.floor(rng.next() * 0x100000000)
    .toString(16)
    .padStart(8, '0');

/** Hour slots of the pre-order window weighted by hour of day and by day (Monday's opening, Thursday's close). */
function preorderSlots(e: SeedEdition): { start: number[]; cum: number[] } {
  const start: number[] = [];
  const w: number[] = [];
  const days = Math.max(1, Math.ceil((e.closes - e.opens) / (24 * HOUR)));
  for (let t = e.opens; t < e.closes; t += HOUR) {
    const day = Math.floor((t - e.opens) / (24 * HOUR));
    const dayWeight = day === 0 ? 1.3 : day === days - 1 ? 1.6 : 0.8;
    start.push(t);
    w.push(HOUR_WEIGHT[new Date(t + WIB).getUTCHours()]! * dayWeight);
  }
  return { start, cum: cumulate(w) };
}

function quantity(rng: Rng, asn: boolean): number {
  const r = rng.next();
  if (r < (asn ? 0.45 : 0.6)) return 1;
  if (r < (asn ? 0.75 : 0.85)) return 2;
  if (r < 0.93) return 3;
  return rng.int(4, 6);
}

const GUEST_PHONE_PREFIXES = ['811', '812', '813', '821', '822', '852', '853', '857', '858', '878', '896', '881'];

/**
 * The orders of one edition (`n` of them), in the order they were placed. `hubs`: the kecamatan of the host kota
 * (pickup points). Deterministic for a given rng.
 */
export function drawEditionOrders(
  rng: Rng,
  e: SeedEdition,
  n: number,
  sellers: OrderSeller[],
  buyers: Buyers,
  hubs: string[],
  holdMinutes: number,
): DrawnOrder[] {
  const sellerCum = cumulate(sellers.map((s) => s.items.reduce((a, i) => a + i.weight, 0)));
  const itemCums = sellers.map((s) => cumulate(s.items.map((i) => i.weight)));
  const slots = preorderSlots(e);
  const liveCum = cumulate(LIVE_MINUTE);
  const liveMinutes = Math.max(1, Math.round((e.liveEnd - e.liveStart) / MIN));
  const handDay = Date.parse(`${e.heldOn}T00:00:00Z`) - WIB;
  const orders: DrawnOrder[] = [];
  for (let o = 0; o < n; o++) {
    const session = rng.chance(LIVE_SHARE) ? 'live' : 'preorder';
    let at: number;
    if (session === 'live') {
      const m = Math.min(liveMinutes - 1, draw(rng, liveCum) % liveMinutes);
      at = e.liveStart + m * MIN + Math.floor(rng.next() * MIN);
    } else {
      const s = draw(rng, slots.cum);
      at = Math.min(e.closes - 1000, slots.start[s]! + Math.floor(rng.next() * HOUR));
    }
    const k = rng.next();
    const kind = k < 0.35 && buyers.asn.length ? 'asn' : k < 0.47 && buyers.public.length ? 'public' : 'guest';
    let account: number | null = null;
    let agency: number | null = null;
    let name: string;
    let phone: string | null = null;
    if (kind === 'asn') {
      const b = rng.pick(buyers.asn);
      [account, agency, name] = [b.id, b.agency, b.name];
    } else if (kind === 'public') {
      const b = rng.pick(buyers.public);
      [account, name] = [b.id, b.name];
    } else {
      const female = rng.chance(0.62);
      name = `${rng.pick(female ? people.female : people.male)[0]} ${rng.pick(people.family)}`.slice(0, 100);
      phone = `+62${rng.pick(GUEST_PHONE_PREFIXES)}${String(rng.int(1_000_000, 99_999_999))}`;
    }
    const sellerCount = Math.min(sellers.length, [1, 1, 1, 1, 1, 2, 2, 2, 3, 3][rng.int(0, 9)]!);
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < sellerCount && tries < 20; tries++) chosen.add(draw(rng, sellerCum));
    const children: DrawnChild[] = [];
    for (const si of [...chosen].sort((a, b) => a - b)) {
      const seller = sellers[si]!;
      const lineCount = Math.min(seller.items.length, [1, 1, 1, 2, 2, 2, 3, 3, 4][rng.int(0, 8)]!);
      const picked = new Set<number>();
      for (let tries = 0; picked.size < lineCount && tries < 20; tries++) picked.add(draw(rng, itemCums[si]!));
      const lines = [...picked]
        .sort((a, b) => a - b)
        .map((ii) => ({ item: seller.items[ii]!, qty: quantity(rng, kind === 'asn') }));
      const total = lines.reduce((a, l) => a + l.item.price * l.qty, 0);
      const expired = rng.chance(EXPIRED_SHARE);
      const paidAt = expired ? null : at + rng.int(20, holdMinutes * 60 - 30) * 1000;
      const handed = !expired && rng.chance(0.96);
      const hub = rng.chance(0.7) ? rng.pick(hubs) : null;
      children.push({
        seller,
        lines,
        total,
        status: expired ? 'expired' : handed ? 'handed_over' : 'paid',
        pickup: hub ? 'hub' : 'seller',
        hub,
        paidAt,
        // The seller's own QRIS pays the seller, who confirms; the aggregator's webhook confirms its payments (a few by hand).
        paidVia: expired ? null : seller.merchant || rng.chance(0.08) ? 'seller' : 'webhook',
        // Handed over on the day, after the live session (hubs open 11:00–17:00 WIB), never before payment.
        handedAt: handed ? Math.max(paidAt! + 5 * MIN, handDay + (11 + rng.next() * 6) * HOUR) : null,
      });
    }
    orders.push({
      at,
      session,
      kind,
      account,
      agency,
      name,
      phone,
      token: `${hex(rng)}${hex(rng)}${hex(rng)}${hex(rng)}`,
      children,
      total: children.reduce((a, c) => a + c.total, 0),
    });
  }
  return orders.sort((a, b) => a.at - b.at);
}

/** The child order's dynamic QRIS: to the seller's own merchant, or to the aggregator. */
export function childQris(c: DrawnChild, number: string, aggregator: QrisMerchant): string {
  return encodeQris({ merchant: c.seller.merchant ?? aggregator, amount: c.total, reference: number });
}
