import type { ComponentProps } from 'react';
import { localDate } from '../../../../src/platform/time.ts';
import type { procurementPolicy } from '../../../../src/procurement/policy.ts';
import { Link } from '../../app/router.tsx';
import { can, type Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { RequireAbility } from '../../ui/not-allowed.tsx';
import { messages } from './i18n.ts';

/** Parts every procurement page shares (buying, orders, plans, seller, share): the rule check, the guard, the menu. */

export type ProcRule = keyof typeof procurementPolicy;

/** Whether /api/auth/me lets the account act under a procurement rule (ability `procurement.<rule>`). */
export const mayProc = (me: Me, rule: ProcRule) => can(me, `procurement.${rule}`);

/** A page for those with a procurement ability: a visitor logs in first; others get the not-allowed page. */
export function RequireProc({
  rule,
  ...page
}: Omit<ComponentProps<typeof RequireAbility>, 'ability'> & { rule: ProcRule }) {
  return <RequireAbility ability={`procurement.${rule}`} {...page} />;
}

type NavKey = keyof typeof messages.id;

/** Each page of the area, with the rule its page asks for: a link shows only to an account that may open it. */
const LINKS: Record<'agency' | 'seller', [href: string, text: NavKey, rule: ProcRule][]> = {
  agency: [
    ['/pengadaan/paket', 'procurement.nav.packages', 'readsAgencyOrders'],
    ['/pengadaan/pengecualian', 'procurement.nav.exceptions', 'readsExceptions'],
    ['/pengadaan/bast', 'procurement.nav.bast', 'readsAgencyOrders'],
    ['/pengadaan/pembayaran', 'procurement.nav.payments', 'readsAgencyOrders'],
    ['/pengadaan/autodebit', 'procurement.nav.autodebit', 'readsAgencyOrders'],
    ['/pengadaan/porsi-umk', 'procurement.nav.share', 'readsShare'],
    ['/pengadaan/umur-tagihan', 'procurement.nav.ageing', 'readsAgeing'],
    ['/pengadaan/instansi', 'procurement.nav.agencies', 'readsAgencyOrders'],
    ['/pengadaan/belanja-luar', 'procurement.nav.spending', 'reportsOutsideSpending'],
    ['/pengadaan/rup', 'procurement.nav.rup', 'readsAgencyOrders'],
  ],
  seller: [
    ['/jual/pesanan', 'procurement.nav.inbox', 'sells'],
    ['/jual/pendapatan', 'procurement.nav.statement', 'sells'],
  ],
};

/** The one menu of the Pengadaan area: the agency's pages, or (`side="seller"`) the seller's. */
export function ProcurementNav({ me, side = 'agency' }: { me: Me; side?: 'agency' | 'seller' }) {
  const { t } = useAreaI18n(messages);
  const links = LINKS[side].filter(([, , rule]) => mayProc(me, rule));
  return (
    <nav aria-label={t(`procurement.nav.${side}`)} className="cur-nav">
      <ul>
        {links.map(([href, text]) => (
          <li key={href}>
            <Link href={href}>{t(text)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The current year in Jakarta (WIB), whatever the reader's clock zone. */
export const thisYear = () => Number(localDate(new Date()).slice(0, 4));
