import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/support/db.ts';
import type { Db } from '../platform/db/types.ts';
import { FUNNEL_SHARE, HORIZON, seedRegistryActivity } from './registry-activity.ts';

// 3,000 members made in SQL (the generator only reads umkm rows), half food (KBLI 10710), half clothing (14111).
const N = 3000;
const TODAY = '2026-01-15';
let db: Db;
let ids: number[];

async function run(digest?: crypto.Hash) {
  return seedRegistryActivity(db, ids, { seed: 7, today: TODAY, batch: 700, digest });
}

beforeAll(async () => {
  db = await testDb();
  const tag = crypto.randomBytes(4).toString('hex');
  const [v] = await db.query<{ code: string }>(
    `select code from region where level = 'village' and code like '3174%' order by code limit 1`,
  );
  const rows = await db.query<{ id: number }>(
    `with o as (
       insert into owner (full_name, nik_enc, nik_hash, nik_last4, nik_region)
       select 'Pemilik ' || $1 || i, '\\x00', sha256(convert_to($1 || i, 'UTF8')), '0001', '317401' from generate_series(1, $2::int) i returning id, full_name)
     insert into umkm (owner_id, name, kbli_code, village_code, nib, capital, annual_sales, start_year, size_class, registered_at)
     select o.id, 'Usaha ' || o.full_name, case when o.id % 2 = 0 then '10710' else '14111' end, $3,
            case when o.id % 3 <> 0 then '8' || lpad((('x' || substr(md5($1 || o.id), 1, 12))::bit(48)::int8 % 1000000000000)::text, 12, '0') end,
            50000000, 300000000, 2018, 'micro', timestamptz '2020-01-01' + (o.id % 1400) * interval '1 day'
       from o returning id`,
    [tag, N, v!.code],
  );
  ids = rows.map((r) => r.id);
});

describe('the registry-activity generator', () => {
  it('follows the 7P funnel, with skips, dates after registration and up to the horizon, and is deterministic', async () => {
    const d1 = crypto.createHash('sha256');
    const counts = await run(d1);
    expect(counts.size_class_history).toBe(N);
    const shares = await db.query<{ stage: number; n: number }>(
      'select stage, count(*)::int8 as n from journey_stage where umkm_id = any($1::int8[]) group by 1 order by 1',
      [ids],
    );
    expect(shares.map((s) => s.stage)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const s of shares) expect(Math.abs(s.n / N - FUNNEL_SHARE[s.stage - 1]!), `P${s.stage}`).toBeLessThan(0.035);
    const [skips] = await db.query<{ n: number }>(
      `select count(*)::int8 as n from journey_stage j where j.umkm_id = any($1::int8[]) and j.stage = 3 and not exists (select 1 from journey_stage k where k.umkm_id = j.umkm_id and k.stage = 2)`,
      [ids],
    );
    expect(skips!.n).toBeGreaterThan(0);
    const [bad] = await db.query<{ n: number }>(
      `select count(*)::int8 as n from journey_stage j join umkm u on u.id = j.umkm_id
        where j.umkm_id = any($1::int8[]) and (j.reached_on < (u.registered_at at time zone 'Asia/Jakarta')::date or j.reached_on > $2::date
              or exists (select 1 from journey_stage k where k.umkm_id = j.umkm_id and k.stage < j.stage and k.reached_on > j.reached_on))`,
      [ids, HORIZON],
    );
    expect(bad!.n).toBe(0);
    const [p7] = await db.query<{ evidence: { loan: { lender: string; amount: number } } }>(
      `select evidence from journey_stage where umkm_id = any($1::int8[]) and stage = 7 limit 1`,
      [ids],
    );
    expect(p7!.evidence.loan.amount).toBeGreaterThan(0);

    // Same seed and reference day: the same rows.
    const before = await snapshot();
    await db.query('delete from journey_stage where umkm_id = any($1::int8[])', [ids]);
    await db.query('delete from permit where umkm_id = any($1::int8[])', [ids]);
    await db.query('delete from size_class_history where umkm_id = any($1::int8[])', [ids]);
    const d2 = crypto.createHash('sha256');
    await run(d2);
    expect(d2.digest('hex')).toBe(d1.digest('hex'));
    expect(await snapshot()).toBe(before);
  });

  it('gives NIB permits to members with an NIB, PIRT and halal to food businesses, some expiring soon and some expired', async () => {
    const rows = await db.query<{ kind: string; food: boolean; n: number; soon: number; expired: number }>(
      `select p.kind, u.kbli_code = '10710' as food, count(*)::int8 as n,
              count(*) filter (where p.expires_on between $2::date and $2::date + 30)::int8 as soon,
              count(*) filter (where p.expires_on < $2::date)::int8 as expired
         from permit p join umkm u on u.id = p.umkm_id where p.umkm_id = any($1::int8[]) group by 1, 2`,
      [ids, TODAY],
    );
    const get = (kind: string, food: boolean) => rows.find((r) => r.kind === kind && r.food === food);
    const [{ n: withNib }] = (await db.query<{ n: number }>(
      'select count(*)::int8 as n from umkm where id = any($1::int8[]) and nib is not null',
      [ids],
    )) as [{ n: number }];
    expect((get('nib', true)?.n ?? 0) + (get('nib', false)?.n ?? 0)).toBe(withNib);
    expect(get('pirt', true)!.n / (N / 2)).toBeGreaterThan(0.4);
    expect(get('halal', true)!.n / (N / 2)).toBeGreaterThan(0.3);
    expect(get('pirt', false)).toBeUndefined();
    expect(get('halal', false)).toBeUndefined();
    expect(get('pirt', true)!.soon).toBeGreaterThan(0);
    expect(get('pirt', true)!.expired).toBeGreaterThan(0);
    // P4's evidence names permits the member holds.
    const [orphan] = await db.query<{ n: number }>(
      `select count(*)::int8 as n from journey_stage j, jsonb_array_elements_text(j.evidence->'permitNumbers') num
        where j.umkm_id = any($1::int8[]) and j.stage = 4 and not exists (select 1 from permit p where p.umkm_id = j.umkm_id and p.number = num)`,
      [ids],
    );
    expect(orphan!.n).toBe(0);
    const [size] = await db.query<{ n: number }>(
      `select count(*)::int8 as n from size_class_history h join umkm u on u.id = h.umkm_id where h.umkm_id = any($1::int8[]) and h.size_class = u.size_class and h.basis = 'annual_sales' and h.rule_effective_from is not null`,
      [ids],
    );
    expect(size!.n).toBe(N);
  });
});

async function snapshot(): Promise<string> {
  const [r] = await db.query<{ h: string }>(
    `select md5(string_agg(x, E'\\n' order by x collate "C")) as h from (
       select u.name || '|' || j.stage || '|' || j.reached_on || '|' || j.evidence::text as x from journey_stage j join umkm u on u.id = j.umkm_id where j.umkm_id = any($1::int8[])
       union all
       select u.name || '|' || p.kind || '|' || p.number || '|' || coalesce(p.issued_on::text, '') || '|' || coalesce(p.expires_on::text, '') from permit p join umkm u on u.id = p.umkm_id where p.umkm_id = any($1::int8[])
     ) t`,
    [ids],
  );
  return r!.h;
}
