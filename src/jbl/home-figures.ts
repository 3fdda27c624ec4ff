// Jumat Beli Lokal's part of the role homes (access/home.ts composes them): the report pages each role may open, and
// the buyers' shortcut to the current edition's storefront.
import type { Queryable } from '../platform/db/types.ts';
import type { Bilingual } from '../platform/http/problem.ts';

export const PAGES = {
  trend: '/jumat-beli-lokal/omzet',
  participation: '/jumat-beli-lokal/partisipasi-asn',
  payouts: '/jumat-beli-lokal/pembayaran',
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
