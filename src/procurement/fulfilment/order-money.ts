// The money of an order as a person reads it: which rule gave which amount (eorder.money, written at placement by
// the money rules), the tax the Bendahara withholds and the cash the seller receives. The reader is tolerant of
// the shape: the breakdown is a list of lines (`lines`, `taxes` or `tax.lines`), each with a code, an amount and a
// title, and the withholding total is stated (`withheld`, `taxWithheld`, `withholding.total`) or summed.
import type { Bilingual } from '../../platform/http/problem.ts';

export interface MoneyLine {
  code: string;
  label: Bilingual;
  amount: number;
  /** Kept back by the Bendahara and paid to the state (PPh 22/23, PP 55, PPN of a PKP: the agency is a WAPU). */
  withheld: boolean;
  /** The rule that gave it, e.g. `tax_withholding@2025-01-01`. */
  rule: string | null;
}

export interface MoneyView {
  lines: MoneyLine[];
  /** The withholding the rules computed for the whole order. */
  withheld: number;
  /** Cash to the seller once fully paid: total − withheld. */
  net: number;
  advanceCeiling: number | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function lineOf(x: unknown, i: number): MoneyLine | null {
  if (!isObj(x)) return null;
  const amount = num(x.amount);
  if (amount === null) return null;
  const code = str(x.code) ?? str(x.kind) ?? str(x.tax) ?? `line${i + 1}`;
  const label = isObj(x.label)
    ? { id: str(x.label.id) ?? code, en: str(x.label.en) ?? str(x.label.id) ?? code }
    : {
        id: str(x.label) ?? str(x.title_id) ?? str(x.titleId) ?? str(x.name) ?? code.toUpperCase(),
        en: str(x.title_en) ?? str(x.titleEn) ?? str(x.label) ?? str(x.name) ?? code.toUpperCase(),
      };
  const withheld = typeof x.withheld === 'boolean' ? x.withheld : /pph|pp55|ppn|tax|pajak/i.test(code);
  const rule = str(x.rule) ?? str(x.ruleCode) ?? str(x.rule_code);
  return { code, label, amount, withheld, rule };
}

export function moneyView(money: unknown, total: number): MoneyView {
  const m = isObj(money) ? money : {};
  const tax = isObj(m.tax) ? m.tax : isObj(m.taxes) ? m.taxes : {};
  const raw = [m.lines, m.taxes, m.tax_lines, m.taxLines, tax.lines].find(Array.isArray) as unknown[] | undefined;
  const lines = (raw ?? []).map(lineOf).filter((l): l is MoneyLine => l !== null);
  const stated =
    num(m.withheld) ??
    num(m.taxWithheld) ??
    num(m.tax_withheld) ??
    (isObj(m.withholding) ? num(m.withholding.total) : null) ??
    num(tax.withheld) ??
    num(tax.total);
  const withheld = Math.min(
    total,
    Math.max(0, stated ?? lines.filter((l) => l.withheld).reduce((s, l) => s + l.amount, 0)),
  );
  const advance = isObj(m.advance) ? (num(m.advance.ceiling) ?? num(m.advance.amount)) : num(m.advanceCeiling);
  return { lines, withheld, net: total - withheld, advanceCeiling: advance };
}

/** The withheld lines as stored on a payment (eorder_payment.tax_lines): what the seller's statement cites. */
export const taxLinesOf = (v: MoneyView) =>
  v.lines.filter((l) => l.withheld).map((l) => ({ code: l.code, label: l.label, amount: l.amount, rule: l.rule }));
