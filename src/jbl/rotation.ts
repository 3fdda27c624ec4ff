// The line-up's fair rotation, as a pure function of the eligible products and each seller's history (the SQL that
// feeds it and the write are in build-lineup.ts). The rules, in order:
//
// 1. Rounds per kota. A seller's round is the last rotation round they were featured in (0: never). The kota's round
//    R is the highest round among its eligible sellers; the sellers still due are those below R. When nobody is due,
//    a new round R+1 starts with everyone. A seller joining late (round 0) is due at once, and joins the current
//    round rather than replaying the old ones.
// 2. Nobody is featured twice before every eligible seller of the kota has had a turn: sellers of the next round are
//    picked only when every due seller fits in this edition. A kecamatan whose due sellers outnumber its quota keeps
//    the others waiting, and the other kecamatan leave their slots empty rather than feature someone again early.
// 3. Within a kecamatan's quota, sellers featured longest ago come first (never featured before anyone); among sellers
//    equally long ago, the next one is the one who brings the category the kecamatan has fewest of (categories in
//    round-robin), then a fixed shuffle per edition (so no seller always wins ties by registration order).
// 4. One product per seller per edition (its category the kecamatan's least used, then the product featured longest
//    ago). Only a kecamatan with fewer eligible sellers than its quota fills its remaining slots with more products of
//    the sellers it features this edition, one each in turn: the quota is meant to be used, but never by featuring
//    someone out of turn.
// 5. An item the admin took out does not count as a turn (build-lineup.ts reads history without removed items): the
//    seller is due again and, featured longest ago, near the front. The city office's picks are outside the rotation:
//    they count as having been featured (the date in the reasons) but not as a turn.

export interface Candidate {
  productId: number;
  umkmId: number;
  kecamatan: string;
  category: string;
  /** The day the product was last in a line-up (held_on), or null. */
  lastFeatured: string | null;
}

export interface SellerHistory {
  /** The last rotation round the seller was featured in; 0 when never. */
  round: number;
  /** The day the seller was last in a line-up (any pick), or null. */
  lastFeatured: string | null;
}

export interface Pick {
  productId: number;
  umkmId: number;
  kecamatan: string;
  category: string;
  round: number;
  kind: 'turn' | 'extra';
  /** The seller's last line-up before this one (for the reason). */
  sellerLastFeatured: string | null;
}

export interface RotationInput {
  seed: number; // the edition's id: the tie-break shuffle
  quota: number; // products per kecamatan
  candidates: Candidate[]; // eligible products, not yet in this edition, of sellers not yet in it
  history: Map<number, SellerHistory>;
  /** Eligible sellers per kecamatan (including those already in the edition by a city pick). */
  sellersPerKecamatan: Map<string, number>;
}

/** A small deterministic hash (FNV-1a) of two integers: the tie-break shuffle. */
export function shuffleKey(seed: number, id: number): number {
  let h = 2166136261;
  for (const ch of `${seed}:${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Groups in first-seen order (Map.groupBy is not in Node 20). */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

const byOldest = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

interface Seller {
  umkmId: number;
  kecamatan: string;
  history: SellerHistory;
  products: Candidate[];
  key: number;
}

function sellersOf(input: RotationInput): Seller[] {
  const by = new Map<number, Seller>();
  for (const c of input.candidates) {
    const s = by.get(c.umkmId) ?? {
      umkmId: c.umkmId,
      kecamatan: c.kecamatan,
      history: input.history.get(c.umkmId) ?? { round: 0, lastFeatured: null },
      products: [],
      key: shuffleKey(input.seed, c.umkmId),
    };
    s.products.push(c);
    by.set(c.umkmId, s);
  }
  return [...by.values()];
}

/** Per kecamatan: how many products of each category it has in this edition so far. */
class Mix {
  private counts = new Map<string, Map<string, number>>();
  of(kec: string, cat: string): number {
    return this.counts.get(kec)?.get(cat) ?? 0;
  }
  add(kec: string, cat: string): void {
    const m = this.counts.get(kec) ?? new Map<string, number>();
    m.set(cat, (m.get(cat) ?? 0) + 1);
    this.counts.set(kec, m);
  }
}

/** The seller's product for the kecamatan's mix: least used category, then featured longest ago, then shuffled. */
function bestProduct(s: Seller, mix: Mix, seed: number, taken: Set<number>): Candidate | undefined {
  return s.products
    .filter((p) => !taken.has(p.productId))
    .sort(
      (a, b) =>
        mix.of(s.kecamatan, a.category) - mix.of(s.kecamatan, b.category) ||
        byOldest(a.lastFeatured, b.lastFeatured) ||
        shuffleKey(seed, a.productId) - shuffleKey(seed, b.productId),
    )[0];
}

/** How many products of its least used category the seller's kecamatan has in this edition so far. */
const leastUsed = (s: Seller, mix: Mix) => Math.min(...s.products.map((p) => mix.of(s.kecamatan, p.category)));

/** Fills each kecamatan's room from `pool` (the sellers of one round), oldest turn first, categories mixed. */
function fill(pool: Seller[], round: number, room: Map<string, number>, mix: Mix, out: Pick[], seed: number): Seller[] {
  const left: Seller[] = [];
  const byKec = groupBy(pool, (s) => s.kecamatan);
  for (const [kec, sellers] of byKec) {
    const waiting = sellers.sort((a, b) => byOldest(a.history.lastFeatured, b.history.lastFeatured) || a.key - b.key);
    const categories = new Set(sellers.flatMap((x) => x.products.map((p) => p.category)));
    while (waiting.length && (room.get(kec) ?? 0) > 0) {
      const oldest = waiting[0]!.history.lastFeatured;
      const group = waiting.filter((s) => s.history.lastFeatured === oldest);
      // The first (in shuffled order) who brings the kecamatan's least used category; nobody can do better than the
      // least used of the categories on offer, so the scan stops there (thousands of sellers per kecamatan in Jakarta).
      const floor = Math.min(...[...categories].map((c) => mix.of(kec, c)));
      let seller = group[0]!;
      let fewest = leastUsed(seller, mix);
      for (const s of group) {
        if (fewest === floor) break;
        const n = leastUsed(s, mix);
        if (n < fewest) [seller, fewest] = [s, n];
      }
      const product = bestProduct(seller, mix, seed, new Set())!;
      waiting.splice(waiting.indexOf(seller), 1);
      room.set(kec, (room.get(kec) ?? 0) - 1);
      mix.add(kec, product.category);
      out.push({ ...product, round, kind: 'turn', sellerLastFeatured: seller.history.lastFeatured });
    }
    left.push(...waiting);
  }
  return left;
}

/** Extra products for kecamatan with fewer eligible sellers than the quota: the featured sellers in turn. */
function fillExtras(input: RotationInput, sellers: Seller[], room: Map<string, number>, mix: Mix, out: Pick[]): void {
  const taken = new Set(out.map((p) => p.productId));
  const bySeller = new Map(sellers.map((s) => [s.umkmId, s]));
  const turns = groupBy(out, (p) => p.kecamatan);
  for (const [kec, picks] of turns) {
    if ((input.sellersPerKecamatan.get(kec) ?? 0) >= input.quota) continue;
    let added = true;
    while (added && (room.get(kec) ?? 0) > 0) {
      added = false;
      for (const turn of picks) {
        if ((room.get(kec) ?? 0) <= 0) break;
        const p = bestProduct(bySeller.get(turn.umkmId)!, mix, input.seed, taken);
        if (!p) continue;
        taken.add(p.productId);
        room.set(kec, (room.get(kec) ?? 0) - 1);
        mix.add(kec, p.category);
        out.push({ ...p, round: turn.round, kind: 'extra', sellerLastFeatured: turn.sellerLastFeatured });
        added = true;
      }
    }
  }
}

/** The rotation's picks for one edition, in the order they were chosen. */
export function rotate(input: RotationInput): { picks: Pick[]; round: number } {
  const sellers = sellersOf(input);
  if (!sellers.length) return { picks: [], round: 0 };
  const top = Math.max(...sellers.map((s) => s.history.round));
  let round = Math.max(top, 1);
  let due = sellers.filter((s) => s.history.round < round);
  if (!due.length) {
    round += 1;
    due = sellers;
  }
  const room = new Map([...new Set(sellers.map((s) => s.kecamatan))].map((k) => [k, input.quota]));
  const mix = new Mix();
  const picks: Pick[] = [];
  const waiting = fill(due, round, room, mix, picks, input.seed);
  // Everyone due has their turn in this edition: the next round may begin in the slots still free.
  if (!waiting.length) {
    const featured = new Set(picks.map((p) => p.umkmId));
    fill(
      sellers.filter((s) => !featured.has(s.umkmId)),
      round + 1,
      room,
      mix,
      picks,
      input.seed,
    );
  }
  fillExtras(input, sellers, room, mix, picks);
  return { picks, round };
}
