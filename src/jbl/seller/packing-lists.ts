// The seller's packing lists for one edition: the paid orders to bring to each kecamatan hub (one list per hub, with
// the units to carry), and those the buyer picks up at the seller's place. Each order shows its number, the buyer's
// first name and the lines — nothing more of the buyer (no phone: personal data kept minimal). Handed-over orders
// stay on the list, marked, so a printed list and the screen agree all Friday.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { BUYER_FIRST_NAME, iso, isoOrNull, LINES_JSON, mine, sellerEdition } from './queries.ts';
import type { PackOrder, Packing } from './schema.ts';

type Row = Omit<PackOrder, 'paidAt' | 'handedOverAt'> & {
  pickup: 'hub' | 'seller';
  hub_code: string | null;
  hub_name: string | null;
  paid_at: Date;
  handed_over_at: Date | null;
};

export async function packingLists(db: Queryable, actor: Actor, editionId: number): Promise<Packing> {
  await sellerEdition(db, actor, editionId);
  const scope = mine(actor, 'c.umkm_id');
  const rows = await db.query<Row>(
    `select c.number, ${BUYER_FIRST_NAME} as buyer, u.name as business, c.status, c.total::int8 as total,
            c.paid_at, c.handed_over_at, c.pickup, c.hub_code, h.name as hub_name, ${LINES_JSON} as lines
       from jbl_child_order c join jbl_order o on o.id = c.order_id join umkm u on u.id = c.umkm_id
       left join region h on h.code = c.hub_code
      where c.edition_id = $${scope.params.length + 1} and c.status in ('paid', 'handed_over') and ${scope.sql}
      order by h.name nulls last, c.number`,
    [...scope.params, editionId],
  );
  const present = (r: Row): PackOrder => ({
    number: r.number,
    buyer: r.buyer,
    business: r.business,
    status: r.status,
    total: Number(r.total),
    paidAt: iso(r.paid_at),
    handedOverAt: isoOrNull(r.handed_over_at),
    lines: r.lines,
  });
  const hubs = new Map<string, Packing['hubs'][number]>();
  for (const r of rows.filter((x) => x.pickup === 'hub')) {
    const hub = hubs.get(r.hub_code!) ?? { code: r.hub_code!, name: r.hub_name ?? r.hub_code!, units: 0, orders: [] };
    hub.orders.push(present(r));
    hub.units += r.lines.reduce((s, l) => s + l.quantity, 0);
    hubs.set(hub.code, hub);
  }
  return {
    editionId,
    hubs: [...hubs.values()],
    atSeller: rows.filter((r) => r.pickup === 'seller').map(present),
  };
}
