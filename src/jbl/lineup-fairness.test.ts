// The line-up's rotation is fair over a year of editions: a year planned, every edition's line-up built in order and
// the edition closed, then, within each kota, nobody is featured a second time before every eligible seller of that
// kota has been featured once (and no seller ever gets two turns ahead of another), quotas are never exceeded,
// one product per seller except where a kecamatan has fewer sellers than its quota, categories are mixed, a seller
// joining mid-year is featured at the kota's next edition, and what is not eligible never appears.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDb } from '../../test/support/db.ts';
import {
  dinasActing,
  type KitJblSeller,
  kecamatanOf,
  makeJblSeller,
  setQuota,
} from '../../test/support/jbl-lineup-kit.ts';
import type { Acting } from '../platform/auth/acting.ts';
import type { Db } from '../platform/db/types.ts';
import { formatDate } from '../platform/time.ts';
import { buildLineup } from './build-lineup.ts';
import { planEditionYear } from './plan-editions.ts';

let db: Db;
let close: () => Promise<void>;
let dinas: Acting;
const QUOTA = 3;
const CATS = ['makanan-ringan', 'kue-roti', 'minuman', 'kerajinan', 'busana', 'kopi-teh'];
/** Eligible sellers per kota, with the kecamatan each is in. */
const sellers = new Map<string, KitJblSeller[]>();
const notEligible: number[] = [];

interface ItemRow {
  edition_id: number;
  held_on: string;
  host: string;
  umkm_id: number;
  product_id: number;
  kecamatan_code: string;
  category_code: string;
  reason_id: string;
  reason_en: string;
}

/** `n` sellers in a kecamatan, each with two products of neighbouring categories (so each seller's mix differs). */
async function sellersIn(kota: string, village: string, n: number, offset: number): Promise<KitJblSeller[]> {
  const made: KitJblSeller[] = [];
  for (let i = 0; i < n; i++) {
    const cat = (k: number) => CATS[(offset + i + k) % CATS.length]!;
    made.push(await makeJblSeller(db, village, [{ category: cat(0) }, { category: cat(1) }]));
  }
  sellers.set(kota, [...(sellers.get(kota) ?? []), ...made]);
  return made;
}

beforeAll(async () => {
  ({ db, close } = await ownDb('jbl-fair'));
  dinas = await dinasActing(db);
  await setQuota(db, '2027-01-01', QUOTA);
  await db.transaction((tx) => planEditionYear(tx, dinas, { year: 2027 }));
  const [a, b, c] = await kecamatanOf(db, '3171', 3);
  await sellersIn('3171', a!.village, 7, 0); // more sellers than the quota: they wait their turn
  await sellersIn('3171', b!.village, 2, 2); // fewer: extra products fill the quota
  await sellersIn('3171', c!.village, 4, 4);
  const [d, e] = await kecamatanOf(db, '3172', 2);
  await sellersIn('3172', d!.village, 5, 1);
  await sellersIn('3172', e!.village, 5, 3);
  // Never eligible: a draft, one curated for e-Order only, one out of stock, an inactive seller's.
  const odd = await makeJblSeller(db, a!.village, [
    { category: 'busana', status: 'draft' },
    { category: 'busana', jbl: false },
    { category: 'busana', stock: 0 },
  ]);
  const inactive = await makeJblSeller(db, a!.village, [{ category: 'kerajinan' }], { active: false });
  notEligible.push(...odd.products, ...inactive.products);
}, 120_000);
afterAll(async () => {
  await close?.();
});

async function runYear(): Promise<{ items: ItemRow[]; joiner: KitJblSeller; joinedAfter: string }> {
  const editions = await db.query<{ id: number; held_on: string; host_region_code: string }>(
    `select id, held_on::text, host_region_code from jbl_edition where friday between '2027-01-01' and '2027-12-31' order by held_on`,
  );
  let joiner: KitJblSeller | undefined;
  let joinedAfter = '';
  let built3171 = 0;
  for (const e of editions) {
    await db.transaction((tx) => buildLineup(tx, dinas, e.id));
    // Closed as the Dinas closes a past edition (holiday Fridays included: the fixture does not decide them).
    await db.query(`update jbl_edition set status = 'closed' where id = $1`, [e.id]);
    if (e.host_region_code === '3171' && ++built3171 === 5) {
      const [, , c] = await kecamatanOf(db, '3171', 3);
      joiner = await makeJblSeller(db, c!.village, [{ category: 'kerajinan' }]);
      joinedAfter = e.held_on;
    }
  }
  const items = await db.query<ItemRow>(
    `select i.edition_id, e.held_on::text, e.host_region_code as host, i.umkm_id, i.product_id, i.kecamatan_code,
            i.category_code, i.reason_id, i.reason_en
       from jbl_lineup_item i join jbl_edition e on e.id = i.edition_id where i.pick = 'rotation' order by e.held_on, i.id`,
  );
  return { items, joiner: joiner!, joinedAfter };
}

const group = <T>(xs: T[], key: (x: T) => string | number) => {
  const m = new Map<string | number, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

describe('line-up rotation over a year', () => {
  it('is fair within each kota, keeps the quotas, mixes categories, and says why', async () => {
    const started = Date.now();
    const { items, joiner, joinedAfter } = await runYear();
    expect(items.length).toBeGreaterThan(100);
    expect(items.filter((i) => notEligible.includes(i.product_id))).toEqual([]);

    for (const [kota, kotaSellers] of sellers) {
      const count = new Map(kotaSellers.map((s) => [s.umkmId, 0]));
      const sellersPerKec = group(kotaSellers, (s) => s.kecamatan);
      const editions = group(
        items.filter((i) => i.host === kota),
        (i) => i.edition_id,
      );
      expect(editions.size).toBeGreaterThanOrEqual(10);
      for (const edition of editions.values()) {
        const featured = new Set(edition.map((i) => i.umkm_id));
        for (const [kec, rows] of group(edition, (i) => i.kecamatan_code)) {
          expect(rows.length).toBeLessThanOrEqual(QUOTA);
          const few = (sellersPerKec.get(kec)?.length ?? 0) < QUOTA;
          if (!few) expect(new Set(rows.map((r) => r.umkm_id)).size).toBe(rows.length);
          if (rows.length >= 2) expect(new Set(rows.map((r) => r.category_code)).size).toBeGreaterThanOrEqual(2);
        }
        // A second (or later) turn only when every eligible seller of the kota has had as many, this edition included.
        for (const s of featured) {
          if (!count.has(s)) continue; // the seller who joined mid-year: checked below
          const before = count.get(s)!;
          for (const [t, c] of count)
            expect(c + (featured.has(t) ? 1 : 0), `${kota}: ${t} vs ${s}`).toBeGreaterThanOrEqual(before);
        }
        for (const s of featured) if (count.has(s)) count.set(s, count.get(s)! + 1);
        const counts = [...count.values()];
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
      expect(Math.min(...count.values())).toBeGreaterThanOrEqual(2); // everyone had turns, more than once
    }

    // The seller who joined mid-year (never featured) is in the kota's very next edition.
    const next = items.find((i) => i.host === '3171' && i.held_on > joinedAfter)!;
    const nextEdition = items.filter((i) => i.edition_id === next.edition_id);
    expect(nextEdition.find((i) => i.umkm_id === joiner.umkmId)?.reason_id).toMatch(/^Belum pernah tampil/);

    // Reasons: the first turn says never featured; a later one names the seller's last edition, in both languages.
    const first = items.find((i) => i.host === '3171')!;
    expect(first.reason_id).toMatch(/^Belum pernah tampil \(giliran putaran 1\)$/);
    expect(first.reason_en).toMatch(/^Never featured before/);
    const again = items.filter((i) => i.umkm_id === first.umkm_id && i.edition_id !== first.edition_id)[0]!;
    const previous = items.filter((i) => i.umkm_id === first.umkm_id && i.held_on < again.held_on).at(-1)!;
    expect(again.reason_id).toContain(`Terakhir tampil ${formatDate(previous.held_on, 'id')}`);
    expect(again.reason_en).toContain(`Last featured ${formatDate(previous.held_on, 'en')}`);
    expect(items.some((i) => i.reason_id.startsWith('Produk tambahan'))).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
