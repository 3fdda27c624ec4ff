// Jumat Beli Lokal's part of the role homes (access/home.ts composes them): the report pages each role may open, and
// the buyers' shortcut to the current edition's storefront, and the seller's orders waiting on them (payments to
// confirm, paid orders to hand over) with the editions that have work, each linking to the seller's edition page.
import type { Queryable } from '../platform/db/types.ts';
import type { Bilingual } from '../platform/http/problem.ts';
import { fig, type Figure, type ListItem } from '../platform/home-figures.ts';

export const PAGES = {
  trend: '/jumat-beli-lokal/omzet',
  participation: '/jumat-beli-lokal/partisipasi-asn',
  payouts: '/jumat-beli-lokal/pembayaran',
  sellerEditions: '/jual/jbl',
  sellerEdition: (id: number) => `/jual/jbl/${id}`,
} as const;

type Shortcut = { href: string; label: Bilingual };

export const TREND_SHORTCUT: Shortcut = {
  href: PAGES.trend,
  label: { id: 'Omzet Jumat Beli Lokal', en: 'Jumat Beli Lokal omzet' },
};
export const PARTICIPATION_SHORTCUT: Shortcut = {
  href: PAGES.participation,
  label: { id: 'Partisipasi ASN di Jumat Beli Lokal', en: 'ASN participation in Jumat Beli Lokal' },
};
export const PAYOUTS_SHORTCUT: Shortcut = {
  href: PAGES.payouts,
  label: { id: 'Pembayaran Jumat Beli Lokal', en: 'Jumat Beli Lokal payouts' },
};
/** An ASN's own agency page. */
export const agencyParticipationShortcut = (agencyId: string): Shortcut => ({
  href: `${PAGES.participation}/${agencyId}`,
  label: { id: 'Partisipasi ASN instansi saya', en: "My agency's ASN participation" },
});

/**
 * The storefront of the edition selling now or next (live first, else the open edition whose pre-orders close
 * first), named by its host kota; the storefront's own page when none is open (it says when the next one opens).
 */
export async function currentEditionShortcut(db: Queryable): Promise<{ href: string; label: Bilingual }> {
  const [e] = await db.query<{ id: number; host: string }>(
    `select e.id, r.name as host from jbl_edition e join region r on r.code = e.host_region_code
      where e.status in ('open', 'live') and e.live_ends_at > now()
      order by e.status = 'live' desc, e.preorder_closes_at limit 1`,
  );
  if (!e) return { href: '/jumat-beli-lokal', label: { id: 'Jumat Beli Lokal', en: 'Jumat Beli Lokal' } };
  return {
    href: `/jumat-beli-lokal/${e.id}`,
    label: { id: `Belanja Jumat Beli Lokal ${e.host}`, en: `Shop Jumat Beli Lokal ${e.host}` },
  };
}

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
