// The cart of a package as the rules see it: each line with its product's current price, whether it may still be
// ordered through e-Order, whether its category is food (product_category.is_food: data, not a list in code),
// and its seller's kind, size and tax standing. Grouped by seller, one group per future order.
import type { Queryable } from '../../platform/db/types.ts';
import { breaches, type OrderFacts, type RuleVersion } from '../rules/engine.ts';
import { computeMoney, type Money } from '../rules/money.ts';

export interface CartLine {
  productId: number;
  name: string;
  unit: string;
  categoryCode: string;
  isFood: boolean;
  quantity: number;
  unitPrice: number;
  amount: number;
  minOrder: number;
  orderable: boolean;
  curatedFor: string[];
}

export interface SellerGroup {
  umkmId: number;
  name: string;
  kind: string;
  size: string | null;
  pkp: boolean;
  pp55Until: string | null;
  countsUmk: boolean;
  lines: CartLine[];
  subtotal: number;
}

export async function cartBySeller(q: Queryable, packageId: number): Promise<SellerGroup[]> {
  const rows = await q.query<{
    product_id: number;
    name: string;
    unit: string;
    category_code: string;
    is_food: boolean;
    quantity: number;
    price: number;
    min_order: number;
    orderable: boolean;
    e_order: boolean;
    jbl: boolean;
    mall: boolean;
    umkm_id: number;
    seller_name: string;
    kind: string;
    size_class: string | null;
    pkp: boolean | null;
    pp55_until: string | null;
  }>(
    `select c.product_id, p.name, p.unit, p.category_code, pc.is_food, c.quantity, p.price, p.min_order,
            (p.status = 'published' and p.channel_e_order) as orderable,
            p.channel_e_order as e_order, p.channel_jbl as jbl, p.channel_mall as mall,
            u.id as umkm_id, u.name as seller_name, u.kind, u.size_class, t.pkp, t.pp55_certificate_until::text as pp55_until
       from cart_line c
       join product p on p.id = c.product_id
       join product_category pc on pc.code = p.category_code
       join umkm u on u.id = p.umkm_id
       left join seller_tax_profile t on t.umkm_id = u.id
      where c.package_id = $1
      order by u.name, u.id, p.name, p.id`,
    [packageId],
  );
  const groups = new Map<number, SellerGroup>();
  for (const r of rows) {
    let g = groups.get(r.umkm_id);
    if (!g) {
      g = {
        umkmId: r.umkm_id,
        name: r.seller_name,
        kind: r.kind,
        size: r.size_class,
        pkp: r.pkp ?? false,
        pp55Until: r.pp55_until,
        countsUmk: countsUmk(r.kind, r.size_class),
        lines: [],
        subtotal: 0,
      };
      groups.set(r.umkm_id, g);
    }
    const amount = r.quantity * r.price;
    g.lines.push({
      productId: r.product_id,
      name: r.name,
      unit: r.unit,
      categoryCode: r.category_code,
      isFood: r.is_food,
      quantity: r.quantity,
      unitPrice: r.price,
      amount,
      minOrder: r.min_order,
      orderable: r.orderable && r.quantity >= r.min_order,
      curatedFor: [r.e_order && 'e_order', r.jbl && 'jbl', r.mall && 'mall'].filter((c): c is string => !!c),
    });
    g.subtotal += amount;
  }
  return [...groups.values()];
}

/** The BPPBJ numerator: micro or small businesses and cooperatives, as they are at placement. */
export const countsUmk = (kind: string, size: string | null) =>
  kind === 'cooperative' || size === 'micro' || size === 'small';

export const orderFacts = (g: SellerGroup, packageReserved: boolean): OrderFacts => ({
  packageReserved,
  seller: { kind: g.kind, size: g.size },
  lines: g.lines.map((l) => ({ isFood: l.isFood, curatedFor: l.curatedFor })),
});

/** Each seller's money and the mandate rules its order would break, for the rule versions of `date`. */
export function judgeGroup(
  g: SellerGroup,
  pkg: { reserved_small: boolean; kind: string },
  rules: { mandate: RuleVersion[]; tax: RuleVersion[]; advance: RuleVersion[] },
  date: string,
): { money: Money; broken: RuleVersion[] } {
  return {
    money: computeMoney(rules.tax, rules.advance, {
      date,
      total: g.subtotal,
      packageKind: pkg.kind,
      seller: { kind: g.kind, size: g.size, pkp: g.pkp, pp55Until: g.pp55Until },
    }),
    broken: breaches(rules.mandate, orderFacts(g, pkg.reserved_small)),
  };
}
