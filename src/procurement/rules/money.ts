// Money rules as data: for one order, which rule version gave which amount — PPN (only for a PKP seller, counted
// inside the tax-included total through the DPP), PPh 22 on goods above the threshold, PPh 23 on services, the
// PP 55/2022 final rate replacing them while the seller's certificate holds, and the advance-payment ceiling for
// micro/small businesses and cooperatives. Whole rupiah, every amount rounded down (stated in the result).
import type { RuleVersion } from './engine.ts';

/** What the tax rule's params say (tax_withholding in db/migrations/0070_procurement.sql). */
interface TaxParams {
  ppn?: { rate: number; pkp_only?: boolean; basis?: 'included' };
  pph22?: { rate: number; on: string; above?: number };
  pph23?: { rate: number; on: string; above?: number };
  pp55?: { rate: number; replaces: string[] };
  rounding?: 'floor';
}
interface AdvanceParams {
  sizes?: string[];
  kinds_always?: string[];
  bands: { up_to: number | null; share: number }[];
}

export interface MoneyFacts {
  /** The placement day (WIB), the day the rule versions were chosen for. */
  date: string;
  /** The contract value, tax included. */
  total: number;
  /** The package kind: 'barang' is goods, 'jasa_*' services (procurement_package.kind). */
  packageKind: string;
  seller: { kind: string; size: string | null; pkp: boolean; pp55Until: string | null };
}

export interface MoneyLine {
  code: string;
  effectiveFrom: string;
  item: 'ppn' | 'pph22' | 'pph23' | 'pp55' | 'advance';
  base: number;
  rate: number;
  amount: number;
}

export interface Money {
  date: string;
  rounding: 'floor';
  total: number;
  /** Dasar Pengenaan Pajak: the total without PPN. */
  dpp: number;
  ppn: number;
  pph22: number;
  pph23: number;
  pp55: number;
  /** What the Bendahara keeps back and pays to the state. */
  withheld: number;
  /** Cash to the seller when paid in full. */
  net: number;
  /** The most that may be paid in advance (0: no advance rule covers the seller). */
  advanceCeiling: number;
  lines: MoneyLine[];
}

const PPM = 1_000_000n;
const ppm = (rate: number) => BigInt(Math.round(rate * 1_000_000));
/** floor(amount × rate) in whole rupiah, exact for any rupiah amount (rates are read to a millionth). */
export const floorPart = (amount: number, rate: number) => Number((BigInt(amount) * ppm(rate)) / PPM);
/** The PPN inside a tax-included amount: floor(amount × rate / (1 + rate)). */
export const floorIncluded = (amount: number, rate: number) => Number((BigInt(amount) * ppm(rate)) / (PPM + ppm(rate)));

/** `on` of a withholding: 'barang' matches goods, 'jasa' every service kind (jasa_konsultansi, jasa_lainnya). */
const covers = (on: string, packageKind: string) => packageKind === on || packageKind.startsWith(`${on}_`);

export function computeMoney(taxRules: RuleVersion[], advanceRules: RuleVersion[], f: MoneyFacts): Money {
  const lines: MoneyLine[] = [];
  let ppn = 0;
  const w = { pph22: 0, pph23: 0, pp55: 0 };
  const line = (r: RuleVersion, item: MoneyLine['item'], base: number, rate: number, amount: number) =>
    lines.push({ code: r.code, effectiveFrom: r.effectiveFrom, item, base, rate, amount });

  for (const r of taxRules) {
    const p = r.params as TaxParams;
    if (p.ppn && (!p.ppn.pkp_only || f.seller.pkp)) {
      const amount = floorIncluded(f.total, p.ppn.rate);
      ppn += amount;
      line(r, 'ppn', f.total, p.ppn.rate, amount);
    }
  }
  const dpp = f.total - ppn;
  for (const r of taxRules) {
    const p = r.params as TaxParams;
    const certified = p.pp55 !== undefined && f.seller.pp55Until !== null && f.seller.pp55Until >= f.date;
    const replaced = certified ? (p.pp55?.replaces ?? []) : [];
    let replacedAny = false;
    for (const item of ['pph22', 'pph23'] as const) {
      const t = p[item];
      if (!t || !covers(t.on, f.packageKind) || dpp <= (t.above ?? 0)) continue;
      if (replaced.includes(item)) {
        replacedAny = true;
        continue;
      }
      const amount = floorPart(dpp, t.rate);
      w[item] += amount;
      line(r, item, dpp, t.rate, amount);
    }
    if (replacedAny && p.pp55) {
      const amount = floorPart(dpp, p.pp55.rate);
      w.pp55 += amount;
      line(r, 'pp55', dpp, p.pp55.rate, amount);
    }
  }

  let advanceCeiling = 0;
  for (const r of advanceRules) {
    const p = r.params as unknown as AdvanceParams;
    const eligible =
      p.kinds_always?.includes(f.seller.kind) || (f.seller.size !== null && (p.sizes ?? []).includes(f.seller.size));
    if (!eligible) continue;
    // The band the total falls in (up to and including its bound; null: no bound).
    const band = p.bands.find((b) => b.up_to === null || f.total <= b.up_to);
    if (!band) continue;
    const amount = floorPart(f.total, band.share);
    advanceCeiling = Math.max(advanceCeiling, amount);
    line(r, 'advance', f.total, band.share, amount);
  }

  const withheld = ppn + w.pph22 + w.pph23 + w.pp55;
  return {
    date: f.date,
    rounding: 'floor',
    total: f.total,
    dpp,
    ppn,
    ...w,
    withheld,
    net: f.total - withheld,
    advanceCeiling,
    lines,
  };
}
