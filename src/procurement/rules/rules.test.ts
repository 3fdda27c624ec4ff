// Mandate and money rules are data: versions chosen by date (WIB), params evaluated by one engine, every tax and
// advance band computed in whole rupiah rounded down.
import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/support/db.ts';
import { unique } from '../../../test/support/factories.ts';
import type { Db } from '../../platform/db/types.ts';
import { breaches, type OrderFacts, type RuleVersion, rulesInForce } from './engine.ts';
import { computeMoney, type MoneyFacts } from './money.ts';

let db: Db;
let tax: RuleVersion[];
let advance: RuleVersion[];
let mandate: RuleVersion[];
const TODAY = '2026-12-05';

beforeAll(async () => {
  db = await testDb();
  tax = await rulesInForce(db, 'tax', TODAY);
  advance = await rulesInForce(db, 'advance', TODAY);
  mandate = await rulesInForce(db, 'mandate', TODAY);
});

const facts = (o: Partial<Omit<MoneyFacts, 'seller'>> & { seller?: Partial<MoneyFacts['seller']> }): MoneyFacts => ({
  date: TODAY,
  total: 1_000_000,
  packageKind: 'barang',
  ...o,
  seller: { kind: 'jakpreneur', size: 'micro', pkp: false, pp55Until: null, ...o.seller },
});
const money = (o: Parameters<typeof facts>[0]) => computeMoney(tax, advance, facts(o));

describe('rule versions by date', () => {
  it('reads the rules in force from the table', () => {
    expect(tax.map((r) => r.code)).toContain('tax_withholding');
    expect(mandate.map((r) => r.code)).toEqual(
      expect.arrayContaining(['meeting_food_curated_jakpreneur', 'reserved_package_small']),
    );
  });

  it('a version starting tomorrow does not apply today; from tomorrow it replaces the old one; an ended rule is gone', async () => {
    const code = `uji_${unique()}`;
    await db.query(
      `insert into procurement_rule (code, effective_from, effective_to, kind, params, title_id, title_en) values
       ($1, '2020-01-01', null, 'mandate', '{"seller": {"sizes": ["micro"]}}', 'lama', 'old'),
       ($1, '2026-12-06', '2026-12-31', 'mandate', '{"seller": {"sizes": ["small"]}}', 'baru', 'new')`,
      [code],
    );
    const on = async (d: string) => (await rulesInForce(db, 'mandate', d)).find((r) => r.code === code);
    expect((await on('2026-12-05'))?.title.en).toBe('old');
    expect((await on('2026-12-06'))?.title.en).toBe('new');
    expect((await on('2026-12-30'))?.effectiveFrom).toBe('2026-12-06');
    // The newest version ended: the rule no longer holds, the old version does not come back.
    expect(await on('2026-12-31')).toBeUndefined();
    await db.query('delete from procurement_rule where code = $1', [code]);
  });

  it('the tax rule of 2025 does not exist on a day before it started', async () => {
    expect((await rulesInForce(db, 'tax', '2024-12-31')).map((r) => r.code)).not.toContain('tax_withholding');
  });
});

describe('mandate rules evaluated from their params', () => {
  const order = (o: Partial<Omit<OrderFacts, 'seller'>> & { seller?: Partial<OrderFacts['seller']> }): OrderFacts => ({
    packageReserved: false,
    lines: [{ isFood: true, curatedFor: ['e_order'] }],
    ...o,
    seller: { kind: 'jakpreneur', size: 'micro', ...o.seller },
  });
  const broken = (o: Parameters<typeof order>[0]) => breaches(mandate, order(o)).map((r) => r.code);

  it('food from a curated Jakpreneur meets the meeting-food rule; from a non-Jakpreneur it breaks it', () => {
    expect(broken({})).toEqual([]);
    expect(broken({ seller: { kind: 'non_jakpreneur', size: 'micro' } })).toEqual(['meeting_food_curated_jakpreneur']);
    expect(broken({ lines: [{ isFood: true, curatedFor: ['jbl'] }] })).toEqual(['meeting_food_curated_jakpreneur']);
  });

  it('the food rule does not cover non-food orders', () => {
    expect(
      broken({
        seller: { kind: 'non_jakpreneur', size: 'large' },
        lines: [{ isFood: false, curatedFor: ['e_order'] }],
      }),
    ).toEqual([]);
  });

  it('a reserved package goes to micro/small sellers or cooperatives of any size', () => {
    const craft = [{ isFood: false, curatedFor: ['e_order'] }];
    expect(broken({ packageReserved: true, lines: craft, seller: { size: 'small' } })).toEqual([]);
    expect(broken({ packageReserved: true, lines: craft, seller: { kind: 'cooperative', size: null } })).toEqual([]);
    expect(broken({ packageReserved: true, lines: craft, seller: { size: 'medium' } })).toEqual([
      'reserved_package_small',
    ]);
    expect(broken({ packageReserved: false, lines: craft, seller: { size: 'medium' } })).toEqual([]);
  });
});

describe('money of an order', () => {
  it('charges no PPN for a seller that is not PKP', () => {
    const m = money({ total: 1_000_000 });
    expect(m).toMatchObject({ ppn: 0, dpp: 1_000_000, rounding: 'floor' });
  });

  it('counts PPN inside the total through the DPP for a PKP seller (11%, rounded down)', () => {
    const m = money({ total: 1_000_000, seller: { pkp: true } });
    expect(m.ppn).toBe(Math.floor((1_000_000 * 11) / 111)); // 99,099
    expect(m.dpp).toBe(1_000_000 - 99_099);
    expect(m.lines.find((l) => l.item === 'ppn')).toMatchObject({
      code: 'tax_withholding',
      effectiveFrom: '2025-01-01',
    });
  });

  it('withholds PPh 22 on goods only above Rp2 juta', () => {
    expect(money({ total: 2_000_000 }).pph22).toBe(0);
    expect(money({ total: 2_000_001 }).pph22).toBe(Math.floor(2_000_001 * 0.015)); // 30,000
    expect(money({ total: 3_333_333, packageKind: 'barang' })).toMatchObject({ pph22: 49_999, pph23: 0 });
  });

  it('withholds PPh 23 on services, not PPh 22', () => {
    expect(money({ total: 1_000_000, packageKind: 'jasa_lainnya' })).toMatchObject({ pph23: 20_000, pph22: 0 });
    expect(money({ total: 1_000_000, packageKind: 'jasa_konsultansi' }).pph23).toBe(20_000);
  });

  it('the PP 55/2022 final rate replaces PPh 22/23 while the certificate holds on the placement day', () => {
    const held = money({ total: 10_000_000, seller: { pp55Until: TODAY } });
    expect(held).toMatchObject({ pph22: 0, pp55: 50_000 });
    const lapsed = money({ total: 10_000_000, seller: { pp55Until: '2026-12-04' } });
    expect(lapsed).toMatchObject({ pph22: 150_000, pp55: 0 });
    const services = money({ total: 10_000_000, packageKind: 'jasa_lainnya', seller: { pp55Until: '2027-01-01' } });
    expect(services).toMatchObject({ pph23: 0, pp55: 50_000 });
  });

  it('withholds PPN and PPh together for a PKP seller, the net is what is left', () => {
    const m = money({ total: 11_100_000, seller: { pkp: true } });
    expect(m.ppn).toBe(1_100_000);
    expect(m.dpp).toBe(10_000_000);
    expect(m.pph22).toBe(150_000);
    expect(m.withheld).toBe(1_250_000);
    expect(m.net).toBe(11_100_000 - 1_250_000);
  });

  it('gives the advance ceiling of each band to micro/small sellers and cooperatives', () => {
    expect(money({ total: 50_000_000 }).advanceCeiling).toBe(50_000_000);
    expect(money({ total: 50_000_001 }).advanceCeiling).toBe(25_000_000); // floor of half
    expect(money({ total: 200_000_000 }).advanceCeiling).toBe(100_000_000);
    expect(money({ total: 200_000_001 }).advanceCeiling).toBe(60_000_000); // 30%, rounded down
    expect(money({ total: 1_000_000, seller: { kind: 'cooperative', size: null } }).advanceCeiling).toBe(1_000_000);
    expect(money({ total: 1_000_000, seller: { size: 'small' } }).advanceCeiling).toBe(1_000_000);
  });

  it('gives no advance to medium or large sellers', () => {
    const m = money({ total: 1_000_000, seller: { kind: 'non_jakpreneur', size: 'medium' } });
    expect(m.advanceCeiling).toBe(0);
    expect(m.lines.some((l) => l.item === 'advance')).toBe(false);
  });

  it('applies no tax at all before the tax rule started', async () => {
    const before = await rulesInForce(db, 'tax', '2024-06-01');
    const m = computeMoney(before, advance, facts({ date: '2024-06-01', total: 10_000_000, seller: { pkp: true } }));
    expect(m).toMatchObject({ ppn: 0, pph22: 0, withheld: 0, net: 10_000_000 });
  });
});
