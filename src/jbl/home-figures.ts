// Jumat Beli Lokal's part of the role homes (access/home.ts composes them): the report pages each role may open.
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
