import type { SellerEditions } from '../../../../../src/jbl/seller/schema.ts';
import { Page } from '../../../app/Page.tsx';
import { Link } from '../../../app/router.tsx';
import type { Me } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { JblSellerNav, RequireJblSeller, STATUS_KEYS } from './common.tsx';
import { messages } from './i18n.ts';

/**
 * `/jual/jbl`: the Jumat Beli Lokal editions the seller's products are in, newest first — each with the stock of
 * their products and their orders to act on, leading to the edition's page. Stacked cards for a 360-px phone.
 */
export default function EditionsPage() {
  const { t } = useAreaI18n(messages);
  return (
    <RequireJblSeller title={t('jblSeller.editions.title')} message={t('jblSeller.notAllowed')}>
      {(me) => <Editions me={me} />}
    </RequireJblSeller>
  );
}

function Editions({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const got = useGet<SellerEditions>('/api/jbl/seller/editions');
  return (
    <Page title={t('jblSeller.editions.title')}>
      <JblSellerNav me={me} />
      <p className="lead">{t('jblSeller.editions.intro')}</p>
      <LoadStatus state={got} onRetry={got.reload} />
      {got.status === 'ready' &&
        (got.data.editions.length === 0 ? (
          <p role="status">{t('jblSeller.editions.empty')}</p>
        ) : (
          <ul className="proc-cards">
            {got.data.editions.map((e) => (
              <li key={e.id} className="proc-card" data-status={e.status}>
                <h2 className="jbls-card-title">
                  <Link href={`/jual/jbl/${e.id}`}>
                    {t('jblSeller.editions.edition', { date: i18n.date(e.heldOn) })}
                  </Link>
                </h2>
                <p className="muted">
                  {t(STATUS_KEYS[e.status])} · {t('jblSeller.editions.host', { host: e.host })}
                </p>
                <p>
                  {t('jblSeller.editions.orders', {
                    awaiting: i18n.num(e.orders.awaiting),
                    toHandOver: i18n.num(e.orders.toHandOver),
                    handedOver: i18n.num(e.orders.handedOver),
                  })}
                </p>
                <ul className="items">
                  {e.items.map((i) => (
                    <li key={i.itemId}>
                      <span>
                        {i.name} · {i18n.rupiah(i.price)}
                      </span>
                      <span className="secondary">
                        {t('jblSeller.stock', {
                          brought: i18n.num(i.brought),
                          stock: i18n.num(i.stock),
                          held: i18n.num(i.held),
                          sold: i18n.num(i.sold),
                        })}
                        {i.removed && ` · ${t('jblSeller.removed')}`}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ))}
    </Page>
  );
}
