import type { ComponentProps } from 'react';
import { Link } from '../../../app/router.tsx';
import { can, type Me } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { RequireAbility } from '../../../ui/not-allowed.tsx';
import { messages } from './i18n.ts';

/** Parts the seller's Jumat Beli Lokal pages share: the guard (ability jbl.sells) and the seller's menu. */

export function RequireJblSeller(page: Omit<ComponentProps<typeof RequireAbility>, 'ability'>) {
  return <RequireAbility ability="jbl.sells" {...page} />;
}

/** The seller's menu: their Fridays, and their government orders when they may sell to government too. */
export function JblSellerNav({ me }: { me: Me }) {
  const { t } = useAreaI18n(messages);
  return (
    <nav aria-label={t('jblSeller.nav')} className="cur-nav no-print">
      <ul>
        <li>
          <Link href="/jual/jbl">{t('jblSeller.nav.editions')}</Link>
        </li>
        {can(me, 'procurement.sells') && (
          <li>
            <Link href="/jual/pesanan">{t('jblSeller.nav.orders')}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

export const STATUS_KEYS = {
  planned: 'jblSeller.status.planned',
  open: 'jblSeller.status.open',
  live: 'jblSeller.status.live',
  closed: 'jblSeller.status.closed',
  skipped: 'jblSeller.status.skipped',
} as const;
