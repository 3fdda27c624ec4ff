// The Pejabat Pengadaan places the cart: one order group, one order per seller with its lines at today's prices,
// counts_umk fixed now, the money of each order computed by the rule versions in force today (WIB). An order that
// breaks a mandate rule is refused (422 mandate_rule, naming the rule) unless the PA/KPA approved an exception for
// that rule on this package. The cart is emptied. The route runs this once per Idempotency-Key.
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { localDate } from '../../platform/time.ts';
import { cartBySeller, judgeGroup } from './cart-lines.ts';
import { lockPackage, packageState } from './package-row.ts';
import { procurementPolicy } from '../policy.ts';
import { rulesInForce } from '../rules/engine.ts';

export interface Placed {
  groupId: number;
  orders: { id: number; umkmId: number; seller: string; total: number; countsUmk: boolean }[];
}

export async function placeOrders(tx: Tx, a: Acting, packageId: number): Promise<Placed> {
  const p = await lockPackage(tx, a.actor, packageId, procurementPolicy.placesOrders, 'pp_account_id');
  if (p.status !== 'ready') throw packageState(p.status, 'yang siap / ready');
  if (!p.delivery_address)
    throw new AppError(
      422,
      'validation_failed',
      { id: 'Isi alamat pengiriman paket lebih dulu.', en: "Set the package's delivery address first." },
      [
        {
          field: 'deliveryAddress',
          code: 'required',
          message: { id: 'Alamat pengiriman wajib.', en: 'The delivery address is required.' },
        },
      ],
    );
  const groups = await cartBySeller(tx, p.id);
  if (!groups.length)
    throw new AppError(422, 'cart_empty', { id: 'Keranjang masih kosong.', en: 'The cart is empty.' });
  const unorderable = groups.flatMap((g) => g.lines).filter((l) => !l.orderable);
  if (unorderable.length)
    throw new AppError(422, 'product_not_orderable', {
      id: `Tidak dapat dipesan lagi (tidak terkurasi e-Order, tidak tayang, atau di bawah pesanan minimal): ${unorderable.map((l) => l.name).join(', ')}.`,
      en: `No longer orderable (not curated for e-Order, not published, or below the minimum order): ${unorderable.map((l) => l.name).join(', ')}.`,
    });

  const date = localDate(a.now);
  const rules = {
    mandate: await rulesInForce(tx, 'mandate', date),
    tax: await rulesInForce(tx, 'tax', date),
    advance: await rulesInForce(tx, 'advance', date),
  };
  const excepted = new Set(
    (
      await tx.query<{ rule_code: string }>(
        `select rule_code from mandate_exception where package_id = $1 and status = 'approved'`,
        [p.id],
      )
    ).map((r) => r.rule_code),
  );
  const judged = groups.map((g) => ({ g, ...judgeGroup(g, p, rules, date) }));
  const broken = new Map(
    judged.flatMap((j) => j.broken.filter((r) => !excepted.has(r.code)).map((r) => [r.code, { r, seller: j.g.name }])),
  );
  if (broken.size) {
    const list = [...broken.values()];
    throw new AppError(
      422,
      'mandate_rule',
      {
        id: `Pesanan melanggar aturan: ${list.map((b) => `${b.r.title.id} (${b.r.code}; penjual ${b.seller})`).join('; ')}. Ganti penjual atau ajukan pengecualian.`,
        en: `The order breaks a rule: ${list.map((b) => `${b.r.title.en} (${b.r.code}; seller ${b.seller})`).join('; ')}. Change the seller or request an exception.`,
      },
      list.map((b) => ({
        field: `rules.${b.r.code}`,
        code: 'mandate_rule',
        message: { id: b.r.title.id, en: b.r.title.en },
      })),
    );
  }

  const total = groups.reduce((s, g) => s + g.subtotal, 0);
  const [{ used } = { used: 0 }] = await tx.query<{ used: number }>(
    `select coalesce(sum(total), 0)::bigint as used from eorder where package_id = $1 and status not in ('declined', 'cancelled')`,
    [p.id],
  );
  if (Number(used) + total > p.pagu)
    throw new AppError(422, 'over_pagu', {
      id: `Nilai pesanan melebihi pagu paket (sisa ${p.pagu - Number(used)}, pesanan ${total}).`,
      en: `The orders exceed the package's budget ceiling (left ${p.pagu - Number(used)}, ordered ${total}).`,
    });

  const [group] = await tx.query<{ id: number }>(
    'insert into order_group (package_id, agency_id, placed_by, placed_at) values ($1, $2, $3, $4) returning id',
    [p.id, p.agency_id, a.actor.accountId, a.now],
  );
  const placed: Placed = { groupId: group!.id, orders: [] };
  for (const { g, money } of judged) {
    const [o] = await tx.query<{ id: number }>(
      `insert into eorder (group_id, package_id, agency_id, unit_id, umkm_id, seller_kind, seller_size, counts_umk, total, money, delivery_address, placed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      [
        group!.id,
        p.id,
        p.agency_id,
        p.unit_id,
        g.umkmId,
        g.kind,
        g.size,
        g.countsUmk,
        g.subtotal,
        JSON.stringify(money),
        p.delivery_address,
        a.now,
      ],
    );
    await tx.query(
      `insert into eorder_line (order_id, line_no, umkm_id, product_id, name, unit, quantity, unit_price, amount)
       select $1, n, $2, pid, nm, un, q, up, am
         from unnest($3::bigint[], $4::text[], $5::text[], $6::int[], $7::bigint[], $8::bigint[]) with ordinality as x(pid, nm, un, q, up, am, n)`,
      [
        o!.id,
        g.umkmId,
        g.lines.map((l) => l.productId),
        g.lines.map((l) => l.name),
        g.lines.map((l) => l.unit),
        g.lines.map((l) => l.quantity),
        g.lines.map((l) => l.unitPrice),
        g.lines.map((l) => l.amount),
      ],
    );
    await audit(tx, a.who, {
      action: 'procurement.order_place',
      entityType: 'eorder',
      entityId: o!.id,
      umkmId: g.umkmId,
      after: { groupId: group!.id, packageId: p.id, total: g.subtotal, countsUmk: g.countsUmk, status: 'placed' },
    });
    placed.orders.push({ id: o!.id, umkmId: g.umkmId, seller: g.name, total: g.subtotal, countsUmk: g.countsUmk });
  }
  await tx.query('delete from cart_line where package_id = $1', [p.id]);
  return placed;
}
