import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDb } from '../../test/support/db.ts';
import type { Db } from '../platform/db/types.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import { normalizePhone, postalPrefixesByCity, validateNib, validateNik } from '../registry/identifiers.ts';
import { loadDemoDataIfEmpty } from './demo.ts';
import { runSeed, type SeedReport } from './index.ts';
import { loadProfile } from './vocabulary.ts';

// The generator needs an empty register (NIK and NIB are unique), so this file has a database of its own
// rather than the worker's shared one.
let db: Db;
let closeDb: (() => Promise<void>) | undefined;

const emptyRegister = () => db.exec('truncate fostering_link, product, umkm, owner restart identity cascade');

/** What a user would see of the generated data, independent of ids and ciphertexts. */
async function dbChecksum(): Promise<string> {
  const [row] = await db.query<{ h: string }>(
    `select md5(string_agg(x, E'\\n' order by x collate "C")) as h from (
       select u.name || '|' || u.kbli_code || '|' || u.village_code || '|' || coalesce(u.nib, '') || '|' || u.annual_sales as x from umkm u
       union all
       select p.name || '|' || p.price || '|' || p.unit || '|' || p.category_code from product p
     ) t`,
  );
  return row!.h;
}

const SCALE = { umkm: 1000 };
let first: SeedReport;

beforeAll(async () => {
  ({ db, close: closeDb } = await ownDb('seed'));
  first = await runSeed(db, { scale: SCALE, seed: 7 });
}, 120_000);

afterAll(async () => {
  await closeDb?.();
});

describe('the seed generator', () => {
  it('records every loaded batch in the audit log, row counts adding up per table (before any other test reloads)', async () => {
    const logged = await db.query<{ tbl: string; rows: number }>(
      `select after->>'table' as tbl, sum((after->>'rows')::int)::int as rows from audit_log where action = 'seed.insert_batch' group by 1`,
    );
    const byTable = Object.fromEntries(logged.map((r) => [r.tbl, r.rows]));
    for (const table of ['owner', 'umkm', 'fostering_link', 'product']) {
      const [{ n } = { n: -1 }] = await db.query<{ n: number }>(`select count(*) as n from ${table}`);
      expect(byTable[table], table).toBe(n);
    }
    const { verifyAuditLog } = await import('../platform/audit.ts');
    expect((await verifyAuditLog(db)).broken).toBeUndefined();
  });

  it('makes the same data from the same seed', async () => {
    expect(first.rows).toMatchObject({ umkm: 1000, owner: 1000, product: first.scale.products });
    const before = await dbChecksum();
    await emptyRegister();
    const again = await runSeed(db, { scale: SCALE, seed: 7 });
    expect(again.checksum).toBe(first.checksum);
    expect(await dbChecksum()).toBe(before);
    const other = await runSeed(db, { scale: { umkm: 50 }, seed: 8, analyze: false });
    expect(other.checksum).not.toBe(first.checksum);
    await db.exec(
      'delete from journey_stage where umkm_id > 1000; delete from permit where umkm_id > 1000; delete from size_class_history where umkm_id > 1000; delete from fostering_link where umkm_id > 1000; delete from product where umkm_id > 1000; delete from umkm where id > 1000; delete from owner where id > 1000',
    );
  });

  it('spreads members over the kota in proportion to the profile weights, postal codes within each kota', async () => {
    const weights = loadProfile('jakarta').city_weights;
    const total = Object.values(weights).reduce((a, b) => a + b, 0);
    const rows = await db.query<{ city: string; n: number; villages: number }>(
      `select v.parent_code as district, d.parent_code as city, count(*)::int8 as n, count(distinct u.village_code)::int8 as villages
         from umkm u join region v on v.code = u.village_code join region d on d.code = v.parent_code
        group by 1, 2`,
    );
    const byCity = new Map<string, number>();
    for (const r of rows) byCity.set(r.city, (byCity.get(r.city) ?? 0) + r.n);
    for (const [city, w] of Object.entries(weights)) {
      expect(Math.abs((byCity.get(city) ?? 0) / 1000 - w / total), `share of ${city}`).toBeLessThan(0.04);
    }
    const prefixes = postalPrefixesByCity();
    const postal = await db.query<{ postal_code: string; city: string }>(
      `select u.postal_code, left(u.village_code, 4) as city from umkm u`,
    );
    for (const p of postal)
      expect(
        prefixes[p.city]?.some((x) => p.postal_code.startsWith(x)),
        `${p.postal_code} in ${p.city}`,
      ).toBe(true);
  });

  it('stores NIK and phone encrypted, and they pass the validators and match the owner', async () => {
    const keys = personalDataKeys();
    const owners = await db.query<{
      nik_enc: Uint8Array;
      nik_hash: Uint8Array;
      nik_last4: string;
      nik_region: string;
      phone_enc: Uint8Array | null;
      gender: string;
      birth_date: string;
      district: string;
    }>(
      `select o.nik_enc, o.nik_hash, o.nik_last4, o.nik_region, o.phone_enc, o.gender, o.birth_date, v.parent_code as district
         from owner o join umkm u on u.owner_id = o.id join region v on v.code = u.village_code order by o.id limit 300`,
    );
    expect(owners.length).toBe(300);
    for (const o of owners) {
      const nik = keys.decrypt(o.nik_enc);
      const checked = validateNik(nik, { referenceDate: '2025-06-01' });
      expect(checked.ok, nik).toBe(true);
      if (!checked.ok) continue;
      expect(checked.value).toMatchObject({ gender: o.gender, birth_date: o.birth_date, district_code: o.district });
      expect(o.nik_region).toBe(o.district);
      expect(o.nik_last4).toBe(nik.slice(12));
      expect(Buffer.from(o.nik_hash).equals(keys.hash(nik))).toBe(true);
      expect(Number(o.birth_date.slice(0, 4))).toBeGreaterThanOrEqual(1950);
      expect(Number(o.birth_date.slice(0, 4))).toBeLessThanOrEqual(2005);
      if (o.phone_enc) {
        const phone = keys.decrypt(o.phone_enc);
        expect(normalizePhone(phone, { mobileOnly: true })).toEqual({
          ok: true,
          value: { e164: phone, kind: 'mobile' },
        });
      }
    }
    const nibs = await db.query<{ nib: string }>(`select nib from umkm where nib is not null`);
    expect(nibs.length).toBeGreaterThan(500);
    for (const { nib } of nibs) expect(validateNib(nib).ok).toBe(true);
  });

  it('makes businesses plausible: size class from sales, fostering links, KBLI-consistent products and prices', async () => {
    const [s] = await db.query<{
      micro: number;
      small: number;
      medium: number;
      wrong_class: number;
      no_link: number;
      two_links: number;
    }>(
      `select count(*) filter (where size_class = 'micro')::int8 as micro,
              count(*) filter (where size_class = 'small')::int8 as small,
              count(*) filter (where size_class = 'medium')::int8 as medium,
              count(*) filter (where size_class <> case when annual_sales <= 2000000000 then 'micro' when annual_sales <= 15000000000 then 'small' else 'medium' end)::int8 as wrong_class,
              count(*) filter (where not exists (select 1 from fostering_link f where f.umkm_id = u.id))::int8 as no_link,
              count(*) filter (where (select count(*) from fostering_link f where f.umkm_id = u.id) = 2)::int8 as two_links
         from umkm u`,
    );
    expect(s!.micro).toBeGreaterThan(850);
    expect(s!.small + s!.medium).toBeGreaterThan(20);
    expect(s!.wrong_class).toBe(0);
    expect(s!.no_link).toBe(0);
    expect(s!.two_links).toBeGreaterThan(50);
    expect(s!.two_links).toBeLessThan(150);

    const [p] = await db.query<{
      n: number;
      kbli_mismatch: number;
      odd_price: number;
      food: number;
      food_kbli: number;
    }>(
      `select count(*)::int8 as n,
              count(*) filter (where p.kbli_code <> u.kbli_code)::int8 as kbli_mismatch,
              count(*) filter (where p.price % 500 <> 0 or p.price < 500)::int8 as odd_price,
              count(*) filter (where c.is_food)::int8 as food,
              count(*) filter (where c.is_food and (p.kbli_code like '10%' or p.kbli_code like '11%' or p.kbli_code like '56%'))::int8 as food_kbli
         from product p join umkm u on u.id = p.umkm_id join product_category c on c.code = p.category_code`,
    );
    expect(p!.n).toBe(first.scale.products);
    expect(p!.kbli_mismatch).toBe(0);
    expect(p!.odd_price).toBe(0);
    expect(p!.food / p!.n).toBeGreaterThan(0.7);
    expect(p!.food / p!.n).toBeLessThan(0.9);
    expect(p!.food_kbli).toBe(p!.food);
  });

  it('varies the names: few duplicates among businesses and products', async () => {
    const [d] = await db.query<{ b: number; bn: number; p: number; pn: number }>(
      `select (select count(distinct name) from umkm)::int8 as b, (select count(*) from umkm)::int8 as bn,
              (select count(distinct name) from product)::int8 as p, (select count(*) from product)::int8 as pn`,
    );
    expect(d!.b / d!.bn).toBeGreaterThan(0.95);
    expect(d!.p / d!.pn).toBeGreaterThan(0.95);
  });

  it('loads the parties: pengampu, OPD, suku dinas and the 13 BUMD (≥ 100 agencies), ~90 malls, lenders', async () => {
    const [c] = await db.query<{
      fa: number;
      opd: number;
      bumd: number;
      city_opd: number;
      sudin: number;
      agencies: number;
      malls: number;
      lenders: number;
      bank_dki: number;
    }>(
      `select (select count(*) from fostering_agency)::int8 as fa,
              (select count(*) from agency where kind = 'opd')::int8 as opd,
              (select count(*) from agency where kind = 'bumd')::int8 as bumd,
              (select count(*) from agency where code like 'KOTA-%')::int8 as city_opd,
              (select count(*) from agency where code like 'SUDIN-%' and region_code is not null)::int8 as sudin,
              (select count(*) from agency)::int8 as agencies,
              (select count(*) from mall)::int8 as malls,
              (select count(*) from lender)::int8 as lenders,
              (select count(*) from lender where name = 'Bank DKI')::int8 as bank_dki`,
    );
    expect(c).toMatchObject({ fa: 7, bumd: 13, city_opd: 6, bank_dki: 1 });
    expect(c!.opd).toBeGreaterThan(40);
    expect(c!.sudin).toBe(6 * loadProfile('jakarta').suku_dinas.length); // each kota's suku dinas
    expect(c!.agencies).toBeGreaterThanOrEqual(100);
    expect(c!.malls).toBeGreaterThanOrEqual(85);
    expect(c!.lenders).toBeGreaterThanOrEqual(10);
  });

  it('loads the demo on first start only, within seconds', async () => {
    expect(await loadDemoDataIfEmpty(db, () => {})).toBeUndefined(); // members exist: nothing happens
    await emptyRegister();
    const t = performance.now();
    const loaded = await loadDemoDataIfEmpty(db, () => {});
    const seconds = (performance.now() - t) / 1000;
    expect(loaded).toEqual({ umkm: 2000, products: 8000 });
    expect(seconds).toBeLessThan(20);
    expect(await loadDemoDataIfEmpty(db, () => {})).toBeUndefined();
    const [n] = await db.query<{ malls: number }>(`select count(*)::int8 as malls from mall`);
    expect(n!.malls).toBe(90); // parties are not duplicated by a second load
  }, 60_000);
});
