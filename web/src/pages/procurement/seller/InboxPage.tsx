import { useState } from 'react';
import type { SellerOrderList } from '../../../../../src/procurement/fulfilment/fulfilment-schema.ts';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { Link } from '../../../app/router.tsx';
import type { Me } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { LoadStatus, useResource } from '../../../ui/resource.tsx';
import { ProcurementNav, RequireProc } from '../common.tsx';
import { messages } from './i18n.ts';

const STATES = ['placed', 'accepted', 'delivered', 'received', 'paid', 'closed', 'declined'] as const;

/** `/jual/pesanan`: the seller's inbox of government orders, new ones first, filterable by status. */
export default function InboxPage() {
  const { t } = useAreaI18n(messages);
  return (
    <RequireProc rule="sells" title={t('seller.inbox.title')} message={t('seller.notAllowed')}>
      {(me) => <Inbox me={me} />}
    </RequireProc>
  );
}

function Inbox({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const [status, setStatus] = useState('');
  const { state, reload } = useResource(
    () => api<SellerOrderList>(`/api/procurement/seller/orders${status ? `?status=${status}` : ''}`),
    [status],
    { keep: true },
  );
  return (
    <Page title={t('seller.inbox.title')}>
      <ProcurementNav me={me} side="seller" />
      <p className="lead">{t('seller.inbox.intro')}</p>
      <div className="field">
        <label htmlFor="seller-status">{t('seller.inbox.filter')}</label>
        <select id="seller-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('seller.inbox.all')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`seller.order.step.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' &&
        (state.orders.length === 0 ? (
          <p role="status">{t('seller.inbox.empty')}</p>
        ) : (
          <ul className="items">
            {state.orders.map((o) => (
              <li key={o.id} data-status={o.status}>
                <Link href={`/jual/pesanan/${o.id}`}>
                  #{o.id} · {o.agencyName}
                </Link>
                <span className="secondary">
                  {[
                    o.statusLabel[lang],
                    i18n.rupiah(o.total),
                    t('seller.inbox.placed', { date: i18n.dateTime(new Date(o.placedAt)) }),
                    o.dueDate && o.outstanding > 0 && t('seller.inbox.expected', { date: i18n.date(o.dueDate) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </Page>
  );
}
