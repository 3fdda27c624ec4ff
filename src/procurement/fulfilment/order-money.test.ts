// The money breakdown is read from eorder.money whatever shape the money rules write: a stated withholding total
// wins, else the withheld lines are summed; nothing is ever withheld beyond the order's total.
import { describe, expect, it } from 'vitest';
import { moneyView, taxLinesOf } from './order-money.ts';

describe('reading the money of an order', () => {
  it('sums withheld lines when no total is stated, and keeps each line’s rule', () => {
    const v = moneyView(
      {
        lines: [
          { code: 'ppn', label: { id: 'PPN 11%', en: 'VAT 11%' }, amount: 110_000, rule: 'tax_withholding@2025-01-01' },
          { code: 'pph22', title_id: 'PPh 22', title_en: 'Art. 22', amount: 15_000 },
          { code: 'advance', amount: 500_000, withheld: false },
        ],
      },
      1_000_000,
    );
    expect(v.withheld).toBe(125_000);
    expect(v.net).toBe(875_000);
    expect(v.lines.map((l) => [l.code, l.label.id, l.withheld])).toEqual([
      ['ppn', 'PPN 11%', true],
      ['pph22', 'PPh 22', true],
      ['advance', 'ADVANCE', false],
    ]);
    expect(taxLinesOf(v).map((l) => l.code)).toEqual(['ppn', 'pph22']);
  });

  it('takes a stated total (withheld, taxWithheld, withholding.total, tax.lines) and caps it at the order total', () => {
    expect(moneyView({ taxWithheld: 30_000 }, 2_000_000).withheld).toBe(30_000);
    expect(moneyView({ withholding: { total: 7_500 } }, 500_000).withheld).toBe(7_500);
    expect(moneyView({ tax: { lines: [{ code: 'pph23', amount: 2_000 }] } }, 100_000).withheld).toBe(2_000);
    expect(moneyView({ withheld: 9_999_999 }, 100).withheld).toBe(100);
    expect(moneyView({}, 100)).toEqual({ lines: [], withheld: 0, net: 100, advanceCeiling: null });
    expect(moneyView(null, 100).net).toBe(100);
  });
});
