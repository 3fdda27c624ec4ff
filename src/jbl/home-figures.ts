// Jumat Beli Lokal's part of the role homes (src/access/home.ts): the seller's orders waiting on them — payments
// to confirm, paid orders to hand over — and the editions with work, each linking to the seller's edition page.
import type { Queryable } from '../platform/db/types.ts';
import { fig, type Figure, type ListItem } from '../platform/home-figures.ts';

/** The web pages the homes link to (web/src/pages/jbl/seller). */
export const PAGES = {
  sellerEditions: '/jual/jbl',
  sellerEdition: (id: number) => `/jual/jbl/${id}`,
};

export async function sellerJblWork(db: Queryable, ownerId: number): Promise<{ figures: Figure[]; items: ListItem[] }> {
  const rows = await db.query<{ id: number; held_on: string; awaiting: number; to_hand_over: number }>(
    `select e.id, e.held_on::text as held_on,
            count(*) filter (where c.status = 'awaiting_payment')::int as awaiting,
            count(*) filter (where c.status = 'paid')::int as to_hand_over
       from jbl_child_order c join jbl_edition e on e.id = c.edition_id
      where c.umkm_id in (select id from umkm where owner_id = $1) and c.status in ('awaiting_payment', 'paid')
      group by e.id order by e.held_on, e.id`,
    [ownerId],
  );
  const sum = (k: 'awaiting' | 'to_hand_over') => rows.reduce((s, r) => s + r[k], 0);
  return {
    figures: [
      fig('Jumat Beli Lokal: menunggu konfirmasi bayar', 'Buy Local Friday: payments to confirm', sum('awaiting')),
      fig('Jumat Beli Lokal: perlu diserahkan', 'Buy Local Friday: to hand over', sum('to_hand_over')),
    ],
    items: rows.slice(0, 4).map((r) => ({
      primary: `Jumat Beli Lokal ${r.held_on}`,
      secondary: {
        id: `${r.awaiting} menunggu konfirmasi bayar · ${r.to_hand_over} perlu diserahkan`,
        en: `${r.awaiting} payments to confirm · ${r.to_hand_over} to hand over`,
      },
      href: PAGES.sellerEdition(r.id),
    })),
  };
}
