// The editions a seller is in, newest first: each with the seller's own line-up items and their stock (brought,
// still available, held by unpaid checkouts, sold), and how many of their orders await payment or hand-over. A planned
// edition is still the Dinas's draft (jblPolicy.seesPlannedEditions): the seller sees it once it opens.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { EDITION_COLUMNS, type EditionRow, mine, presentEdition } from './queries.ts';
import type { SellerEditions } from './schema.ts';

type Item = SellerEditions['editions'][number]['items'][number];

export async function sellerEditions(db: Queryable, actor: Actor): Promise<SellerEditions> {
  const items = mine(actor, 'i.umkm_id');
  const orders = mine(actor, 'c.umkm_id');
  const rows = await db.query<
    EditionRow & { items: Item[]; awaiting: number; to_hand_over: number; handed_over: number }
  >(
    `with mine as (
       select i.edition_id,
              json_agg(json_build_object('itemId', i.id, 'name', p.name, 'unit', p.unit, 'business', u.name, 'price', i.price,
                'brought', i.stock_initial, 'stock', i.stock, 'held', i.held, 'sold', i.sold, 'removed', i.removed_at is not null)
                order by u.name, p.name, i.id) as items
         from jbl_lineup_item i join product p on p.id = i.product_id join umkm u on u.id = i.umkm_id
        where ${items.sql}
        group by i.edition_id),
     counts as (
       select c.edition_id,
              count(*) filter (where c.status = 'awaiting_payment')::int as awaiting,
              count(*) filter (where c.status = 'paid')::int as to_hand_over,
              count(*) filter (where c.status = 'handed_over')::int as handed_over
         from jbl_child_order c
        where ${orders.sql} and c.edition_id in (select edition_id from mine)
        group by c.edition_id)
     select ${EDITION_COLUMNS}, m.items, coalesce(k.awaiting, 0) as awaiting,
            coalesce(k.to_hand_over, 0) as to_hand_over, coalesce(k.handed_over, 0) as handed_over
       from mine m join jbl_edition e on e.id = m.edition_id join region r on r.code = e.host_region_code
       left join counts k on k.edition_id = e.id
      where e.status <> 'planned'
      order by e.held_on desc, e.id desc
      limit 60`,
    items.params,
  );
  return {
    editions: rows.map((e) => ({
      ...presentEdition(e),
      items: e.items.map((i) => ({ ...i, itemId: Number(i.itemId), price: Number(i.price) })),
      orders: { awaiting: e.awaiting, toHandOver: e.to_hand_over, handedOver: e.handed_over },
    })),
  };
}
