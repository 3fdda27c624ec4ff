// Jumat Beli Lokal seed, part 1: the past editions and their line-ups. Editions are the Fridays of the year before the
// reference instant whose live session has ended, on the schedule src/jbl/schedule.ts computes from the settings in
// force on each Friday, hosted by the kota of jbl.host_rotation in turn. A holiday Friday of the shipped calendar is
// decided as an admin would: moved to the Thursday before (the whole schedule moves with it) when that day is not a
// holiday too, otherwise skipped (a skipped edition takes no turn). Line-ups follow the rotation: per kecamatan of the
// host kota, sellers of curated-for-JBL products in a seeded order, each featured before anyone comes back, up to the
// kecamatan quota (jbl.kecamatan_quota products), plus a few picks of the city office.
import type { Queryable } from '../platform/db/types.ts';
import { addDays } from '../platform/time.ts';
import { editionSchedule, fridaysOf } from '../jbl/schedule.ts';
import { jblSettings } from '../jbl/settings.ts';
import type { Rng } from './prng.ts';

export const CITY_PICKS = 10; // products the city office adds to each line-up (DOMAIN.md §4)
const MAX_PER_SELLER = 4; // products of one seller in one line-up

export interface SeedEdition {
  friday: string;
  heldOn: string;
  host: string;
  opens: number; // ms
  closes: number;
  liveStart: number;
  liveEnd: number;
  holiday: string | null;
  decision: 'skip' | 'move' | null;
  reason: string | null;
}

export interface SellerOffer {
  umkmId: number;
  name: string;
  postalCode: string | null;
  kecamatan: string;
  kota: string;
  food: boolean;
  products: { id: number; price: number; category: string }[];
  turns: number; // line-ups it has been in so far
}

export interface LineupItem {
  productId: number;
  umkmId: number;
  kecamatan: string;
  category: string;
  price: number;
  pick: 'rotation' | 'city_pick';
  /** The seller's turn in the kota's rotation (jbl_lineup_item.rotation_round); null for a city pick. */
  round: number | null;
  reasonId: string;
  reasonEn: string;
}

/** The editions of the year up to `ref` whose live session is over, oldest first. */
export async function pastEditions(q: Queryable, ref: number): Promise<SeedEdition[]> {
  const settingsOn = await jblSettings(q);
  const refDay = new Date(ref + 7 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(refDay.slice(0, 4));
  const fridays = [...fridaysOf(year - 1), ...fridaysOf(year)].filter(
    (f) => f > addDays(refDay, -365) && f < addDays(refDay, 1) && f >= '2021-09-10',
  );
  const holidays = new Map(
    (
      await q.query<{ date: string; names: string }>(
        `select date::text as date, string_agg(name, '; ' order by name) as names from holiday
          where date between $1 and $2 group by date`,
        [addDays(refDay, -372), refDay],
      )
    ).map((h) => [h.date, h.names]),
  );
  const out: SeedEdition[] = [];
  let turn = 0;
  for (const friday of fridays) {
    const s = settingsOn(friday);
    const holiday = holidays.get(friday) ?? null;
    let decision: SeedEdition['decision'] = null;
    let reason: string | null = null;
    let heldOn = friday;
    if (holiday) {
      const thursday = addDays(friday, -1);
      if (holidays.has(thursday)) {
        decision = 'skip';
        reason = `${holiday}: libur panjang, edisi ditiadakan.`;
      } else {
        decision = 'move';
        heldOn = thursday;
        reason = `${holiday}: dimajukan ke Kamis ${thursday}.`;
      }
    }
    const sc = editionSchedule(heldOn, s);
    if (sc.liveEndsAt.getTime() > ref) continue;
    const host = s.hostRotation[turn % s.hostRotation.length]!;
    if (decision !== 'skip') turn++;
    out.push({
      friday,
      heldOn,
      host,
      opens: sc.preorderOpensAt.getTime(),
      closes: sc.preorderClosesAt.getTime(),
      liveStart: sc.liveStartsAt.getTime(),
      liveEnd: sc.liveEndsAt.getTime(),
      holiday,
      decision,
      reason,
    });
  }
  return out;
}

/**
 * The sellers of the host kota with published, curated-for-JBL products, per kecamatan in a seeded order (by name and
 * kelurahan, not ids: ids depend on load concurrency), at most `perKecamatan` each. Products in name order.
 */
export async function sellerQueues(
  q: Queryable,
  kota: string[],
  seed: number,
  perKecamatan: number,
): Promise<Map<string, SellerOffer[]>> {
  const rows = await q.query<{
    umkm_id: number;
    name: string;
    postal_code: string | null;
    kecamatan: string;
    kota: string;
    food: boolean;
    products: [number, number, string][];
  }>(
    `select umkm_id, name, postal_code, kecamatan, kota, food, products from (
       select p.umkm_id, u.name, u.postal_code, v.parent_code as kecamatan, d.parent_code as kota,
              bool_or(c.is_food) as food,
              json_agg(json_build_array(p.id, p.price, p.category_code) order by p.name, p.id) as products,
              row_number() over (partition by v.parent_code
                                 order by md5($2::text || u.name || u.village_code || coalesce(u.nib, '')), p.umkm_id) as rn
         from product p join umkm u on u.id = p.umkm_id
         join region v on v.code = u.village_code join region d on d.code = v.parent_code
         join product_category c on c.code = p.category_code
        where p.channel_jbl and p.curation_status = 'curated' and p.status = 'published' and u.status = 'active'
          and d.parent_code = any($1::text[])
        group by p.umkm_id, u.name, u.postal_code, u.village_code, u.nib, v.parent_code, d.parent_code
     ) s where rn <= $3 order by kecamatan, rn`,
    [kota, String(seed), perKecamatan],
  );
  const out = new Map<string, SellerOffer[]>();
  for (const r of rows) {
    const list = out.get(r.kecamatan) ?? [];
    list.push({
      umkmId: Number(r.umkm_id),
      name: r.name,
      postalCode: r.postal_code,
      kecamatan: r.kecamatan,
      kota: r.kota,
      food: r.food,
      products: r.products.map(([id, price, category]) => ({ id: Number(id), price: Number(price), category })),
      turns: 0,
    });
    out.set(r.kecamatan, list);
  }
  return out;
}

/** Where each kecamatan's queue stands: the next seller to feature. */
export type QueuePointers = Map<string, number>;

/**
 * One edition's line-up: per kecamatan of the host kota, the next sellers in the queue (nobody twice before everyone
 * has had a turn), up to MAX_PER_SELLER products each (a returning seller shows other products first), until the
 * quota; then the city office's picks from the next sellers of the kecamatan in turn.
 */
export function buildLineup(
  rng: Rng,
  kecamatans: { code: string; name: string }[],
  queues: Map<string, SellerOffer[]>,
  pointers: QueuePointers,
  quota: number,
  cityName: string,
): LineupItem[] {
  const items: LineupItem[] = [];
  const taken = new Set<number>();
  const take = (
    s: SellerOffer,
    max: number,
    item: (turn: number) => Omit<LineupItem, 'productId' | 'price' | 'category'>,
  ) => {
    const n = Math.min(max, s.products.length, MAX_PER_SELLER);
    const from = (s.turns * MAX_PER_SELLER) % s.products.length;
    s.turns++;
    for (let k = 0; k < n; k++) {
      const p = s.products[(from + k) % s.products.length]!;
      if (taken.has(p.id)) continue;
      taken.add(p.id);
      items.push({ productId: p.id, price: p.price, category: p.category, ...item(s.turns) });
    }
    return n;
  };
  const used = new Set<number>();
  for (const kec of kecamatans) {
    const queue = queues.get(kec.code) ?? [];
    let room = quota;
    for (let tries = 0; room > 0 && tries < queue.length; tries++) {
      const at = pointers.get(kec.code) ?? 0;
      const s = queue[at % queue.length]!;
      pointers.set(kec.code, at + 1);
      used.add(s.umkmId);
      room -= take(s, Math.min(room, rng.int(1, MAX_PER_SELLER)), (turn) => ({
        umkmId: s.umkmId,
        kecamatan: kec.code,
        pick: 'rotation',
        round: turn,
        reasonId: `Giliran tampil${turn > 1 ? ` ke-${turn}` : ''}: kuota Kecamatan ${kec.name} (${quota} produk)`,
        reasonEn: `Rotation turn${turn > 1 ? ` ${turn}` : ''}: ${kec.name} kecamatan quota (${quota} products)`,
      }));
    }
  }
  // The city office's picks: one product of the next seller not yet in this line-up, kecamatan by kecamatan.
  let picks = 0;
  for (let round = 0; picks < CITY_PICKS && round < 3; round++)
    for (const kec of kecamatans) {
      if (picks >= CITY_PICKS) break;
      const queue = queues.get(kec.code) ?? [];
      const at = pointers.get(kec.code) ?? 0;
      const s = queue[at % Math.max(1, queue.length)];
      if (!s || used.has(s.umkmId)) continue;
      pointers.set(kec.code, at + 1);
      used.add(s.umkmId);
      picks += take(s, 1, () => ({
        umkmId: s.umkmId,
        kecamatan: kec.code,
        pick: 'city_pick',
        round: null,
        reasonId: `Pilihan Sudin PPKUKM ${cityName}`,
        reasonEn: `Chosen by the ${cityName} city office`,
      }));
    }
  return items;
}
