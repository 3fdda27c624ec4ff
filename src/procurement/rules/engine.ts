// Mandate rules as data: the versions of procurement_rule in force on a day, and the one evaluation of a mandate's
// params against an order. A rule changes by adding a dated row, never by an if-statement on a date here.
import type { Queryable } from '../../platform/db/types.ts';

export interface RuleVersion {
  code: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  kind: 'mandate' | 'advance' | 'tax';
  params: Record<string, unknown>;
  title: { id: string; en: string };
}

/**
 * The rules of `kind` in force on `date` (a WIB calendar day): per code, the version with the greatest
 * effective_from on or before the day, provided it has not ended (effective_to null or after the day). An ended
 * latest version means the rule no longer holds; an older version does not come back.
 */
export async function rulesInForce(q: Queryable, kind: RuleVersion['kind'], date: string): Promise<RuleVersion[]> {
  const rows = await q.query<{
    code: string;
    effective_from: string;
    effective_to: string | null;
    kind: RuleVersion['kind'];
    params: Record<string, unknown>;
    title_id: string;
    title_en: string;
  }>(
    `select * from (
       select distinct on (code) code, effective_from::text as effective_from, effective_to::text as effective_to, kind, params, title_id, title_en
         from procurement_rule where kind = $1 and effective_from <= $2::date
        order by code, effective_from desc) r
      where effective_to is null or effective_to::date > $2::date
      order by code`,
    [kind, date],
  );
  return rows.map((r) => ({
    code: r.code,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    kind: r.kind,
    params: r.params,
    title: { id: r.title_id, en: r.title_en },
  }));
}

/** What a mandate rule's params say (db/migrations/0070_procurement.sql). */
export interface MandateParams {
  when?: { category_is_food?: boolean; package_reserved?: boolean };
  seller?: { kinds?: string[]; sizes?: string[]; kinds_always?: string[]; curated_for?: 'e_order' | 'jbl' | 'mall' };
}

/** The facts of one order (one seller) a mandate is judged on. */
export interface OrderFacts {
  packageReserved: boolean;
  seller: { kind: string; size: string | null };
  lines: { isFood: boolean; curatedFor: string[] }[];
}

/** Whether the rule's `when` covers this order: every condition given must hold. */
export function mandateApplies(params: MandateParams, o: OrderFacts): boolean {
  const w = params.when ?? {};
  if (w.category_is_food !== undefined && !o.lines.some((l) => l.isFood === w.category_is_food)) return false;
  if (w.package_reserved !== undefined && o.packageReserved !== w.package_reserved) return false;
  return true;
}

/**
 * Whether the seller meets the rule: a kind in `kinds_always` always does; otherwise its kind must be one of
 * `kinds` and its size one of `sizes` (each when given). With `curated_for`, every line's product must be curated
 * for that channel.
 */
export function sellerMeets(params: MandateParams, o: OrderFacts): boolean {
  const s = params.seller ?? {};
  const curated = s.curated_for === undefined || o.lines.every((l) => l.curatedFor.includes(s.curated_for!));
  if (!curated) return false;
  if (s.kinds_always?.includes(o.seller.kind)) return true;
  if (s.kinds && !s.kinds.includes(o.seller.kind)) return false;
  if (s.sizes && (o.seller.size === null || !s.sizes.includes(o.seller.size))) return false;
  return true;
}

/** The mandate rules an order breaks: those that apply to it and whose seller condition it does not meet. */
export function breaches(rules: RuleVersion[], o: OrderFacts): RuleVersion[] {
  return rules.filter(
    (r) =>
      r.kind === 'mandate' &&
      mandateApplies(r.params as MandateParams, o) &&
      !sellerMeets(r.params as MandateParams, o),
  );
}
