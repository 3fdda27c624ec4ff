// Stock held for a checkout, and released when its time runs out. The database is the guarantee that nothing
// oversells: each line-up item's `stock` (what can still be held) has CHECK (stock >= 0) and stock + held + sold is
// CHECKed equal to what the seller brought. Items are always locked in id order (checkout, payment and the sweeper
// alike), so two checkouts sharing hot products wait for each other instead of deadlocking.
import type { Tx } from '../../platform/db/types.ts';

export interface HeldLine {
  itemId: number;
  quantity: number;
  umkmId: number;
  productId: number;
  price: number;
}

export interface Shortage {
  itemId: number;
  requested: number;
  available: number;
}

interface ItemRow {
  id: number;
  stock: number;
  umkm_id: number;
  product_id: number;
  price: string | number;
  removed: boolean;
  held: boolean;
}

/**
 * One round trip: locks the items in id order and, only when every line can be had, moves the quantities from
 * stock to held. The rows come back with the stock as it was when locked (a waiting lock sees the newest version).
 */
async function tryHold(tx: Tx, editionId: number, ids: number[], quantities: number[]): Promise<Map<number, ItemRow>> {
  const rows = await tx.query<ItemRow>(
    `with w as (select * from unnest($1::int8[], $2::int4[]) as w (id, q)),
          l as (select id, stock, umkm_id, product_id, price, removed_at is not null as removed from jbl_lineup_item
                 where id = any($1::int8[]) and edition_id = $3 order by id for update),
          ok as (select count(*) = cardinality($1::int8[]) and coalesce(bool_and(not l.removed and l.stock >= w.q), false) as ok
                   from l join w on w.id = l.id),
          u as (update jbl_lineup_item i set stock = i.stock - w.q, held = i.held + w.q
                  from w where i.id = w.id and (select ok from ok) returning i.id)
     select l.*, exists (select 1 from u) as held from l`,
    [ids, quantities, editionId],
    { prepare: true },
  );
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/**
 * Holds every line's quantity, or none: the lines that cannot be had (sold out, not in this edition, taken out) come
 * back as shortages and nothing is held. Expired holds on these items are released first, so stock an unpaid
 * checkout gave up is sold again at once rather than when the sweeper next passes.
 */
export async function holdStock(
  tx: Tx,
  editionId: number,
  wanted: Map<number, number>,
  now: Date,
): Promise<{ held: HeldLine[]; shortages: Shortage[] }> {
  const ids = [...wanted.keys()].sort((a, b) => a - b);
  const quantities = ids.map((id) => wanted.get(id)!);
  let items = await tryHold(tx, editionId, ids, quantities);
  const isHeld = () => [...items.values()].some((r) => r.held);
  const short = () =>
    ids.filter((id) => !items.get(id) || items.get(id)!.removed || items.get(id)!.stock < wanted.get(id)!);
  if (!isHeld() && short().some((id) => items.get(id) && !items.get(id)!.removed)) {
    if ((await releaseExpired(tx, now, { editionId, itemIds: ids })) > 0)
      items = await tryHold(tx, editionId, ids, quantities);
  }
  if (!isHeld()) {
    const shortages = short().map((id) => ({
      itemId: id,
      requested: wanted.get(id)!,
      available: items.get(id) && !items.get(id)!.removed ? items.get(id)!.stock : 0,
    }));
    return { held: [], shortages };
  }
  const held = ids.map((id) => {
    const r = items.get(id)!;
    return {
      itemId: id,
      quantity: wanted.get(id)!,
      umkmId: Number(r.umkm_id),
      productId: Number(r.product_id),
      price: Number(r.price),
    };
  });
  return { held, shortages: [] };
}

/** Moves a paid child order's quantities from held to sold (items locked in id order). */
export async function sellHeld(tx: Tx, childOrderId: number): Promise<void> {
  await tx.query(
    `with q as (select lineup_item_id as id, sum(quantity)::int4 as q from jbl_order_line where child_order_id = $1 group by 1),
          l as (select i.id from jbl_lineup_item i join q on q.id = i.id order by i.id for update of i)
     update jbl_lineup_item i set held = i.held - q.q, sold = i.sold + q.q from q where i.id = q.id and i.id in (select id from l)`,
    [childOrderId],
  );
}

/**
 * Expires unpaid child orders whose hold ran out (all of them, or those holding any of `itemIds`) and gives their
 * stock back. Orders being paid at this moment are skipped (SKIP LOCKED): the payment decides. Returns how many.
 */
export async function releaseExpired(
  tx: Tx,
  now: Date,
  only?: { editionId: number; itemIds: number[] },
): Promise<number> {
  // With `only`, the edition's expired unpaid orders (index jbl_child_order_edition_expiry_idx, migration 0085)
  // holding any of these items: a checkout short of stock asks this on every sold-out line, so it must not scan
  // every expired order of every edition.
  const expired = await tx.query<{ id: number }>(
    only
      ? `select c.id from jbl_child_order c
          where c.edition_id = $2 and c.status = 'awaiting_payment' and c.hold_expires_at <= $1
            and exists (select 1 from jbl_order_line l where l.child_order_id = c.id and l.lineup_item_id = any($3::int8[]))
          order by c.id limit 500 for update skip locked`
      : `select c.id from jbl_child_order c where c.status = 'awaiting_payment' and c.hold_expires_at <= $1
          order by c.hold_expires_at limit 500 for update skip locked`,
    only ? [now, only.editionId, only.itemIds] : [now],
  );
  if (!expired.length) return 0;
  const ids = expired.map((e) => Number(e.id));
  await tx.query(`update jbl_child_order set status = 'expired', closed_at = $2 where id = any($1::int8[])`, [
    ids,
    now,
  ]);
  await tx.query(
    `with q as (select lineup_item_id as id, sum(quantity)::int4 as q from jbl_order_line where child_order_id = any($1::int8[]) group by 1),
          l as (select i.id from jbl_lineup_item i join q on q.id = i.id order by i.id for update of i)
     update jbl_lineup_item i set held = i.held - q.q, stock = i.stock + q.q from q where i.id = q.id and i.id in (select id from l)`,
    [ids],
  );
  return ids.length;
}
