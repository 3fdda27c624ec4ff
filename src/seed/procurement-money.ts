// The generator's money breakdown of an order: the rules of migration 0070 (tax_withholding from 2025-01-01,
// advance_payment_small) applied to goods, in the shape the order pages read (eorder.money): which rule gave which
// amount, every amount rounded down. Sellers' tax standing comes from seller_tax_profile.

export interface SellerTax {
  pkp: boolean;
  pp55Until: string | null;
}

const TAX = { code: 'tax_withholding', effectiveFrom: '2025-01-01' };
const ADVANCE = { code: 'advance_payment_small', effectiveFrom: '2021-02-02' };

export interface SeedMoney {
  date: string;
  rounding: 'floor';
  total: number;
  dpp: number;
  ppn: number;
  pph22: number;
  pph23: number;
  pp55: number;
  withheld: number;
  net: number;
  advanceCeiling: number;
  lines: { code: string; effectiveFrom: string; item: string; base: number; rate: number; amount: number }[];
}

/** Goods (barang) bought on `date` (WIB) from a seller of this size and tax standing. */
export function orderMoney(total: number, date: string, size: string | null, kind: string, tax: SellerTax): SeedMoney {
  const lines: SeedMoney['lines'] = [];
  const ppn = tax.pkp ? Math.floor((total * 110_000) / 1_110_000) : 0;
  if (ppn) lines.push({ ...TAX, item: 'ppn', base: total, rate: 0.11, amount: ppn });
  const dpp = total - ppn;
  let pph22 = 0;
  let pp55 = 0;
  if (dpp > 2_000_000) {
    if (tax.pp55Until && tax.pp55Until >= date) {
      pp55 = Math.floor((dpp * 5) / 1000);
      lines.push({ ...TAX, item: 'pp55', base: dpp, rate: 0.005, amount: pp55 });
    } else {
      pph22 = Math.floor((dpp * 15) / 1000);
      lines.push({ ...TAX, item: 'pph22', base: dpp, rate: 0.015, amount: pph22 });
    }
  }
  let advanceCeiling = 0;
  if (kind === 'cooperative' || size === 'micro' || size === 'small') {
    const share = total <= 50_000_000 ? 1 : total <= 200_000_000 ? 0.5 : 0.3;
    advanceCeiling = Math.floor(total * share);
    lines.push({ ...ADVANCE, item: 'advance', base: total, rate: share, amount: advanceCeiling });
  }
  const withheld = ppn + pph22 + pp55;
  return {
    date,
    rounding: 'floor',
    total,
    dpp,
    ppn,
    pph22,
    pph23: 0,
    pp55,
    withheld,
    net: total - withheld,
    advanceCeiling,
    lines,
  };
}
