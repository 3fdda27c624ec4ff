import { Link } from '../../../app/router.tsx';
import { useAreaI18n } from '../../../i18n/area.ts';
import { messages } from './i18n.ts';

export function SellerNav() {
  const { t } = useAreaI18n(messages);
  return (
    <nav aria-label={t('seller.nav.label')} className="cur-nav">
      <ul>
        <li>
          <Link href="/jual/pesanan">{t('seller.nav.inbox')}</Link>
        </li>
        <li>
          <Link href="/jual/pendapatan">{t('seller.nav.statement')}</Link>
        </li>
      </ul>
    </nav>
  );
}
