import type { AgencyOrderList } from '../../../../../src/procurement/fulfilment/fulfilment-schema.ts';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { Link } from '../../../app/router.tsx';
import type { Me } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { LoadStatus, useResource } from '../../../ui/resource.tsx';
import { ProcurementNav, RequireProc } from '../common.tsx';
import { messages } from './i18n.ts';
import type { OrdersI18n } from './shared.tsx';

type Queue = 'bast' | 'payments' | 'autodebit';
type Item = AgencyOrderList['orders'][number];

function QueuePage({ queue }: { queue: Queue }) {
  const { t } = useAreaI18n(messages);
  const title = t(`orders.queue.${queue}.title`);
  return (
    <RequireProc rule="readsAgencyOrders" title={title} message={t('orders.notAllowed')}>
      {(me) => <QueueView me={me} queue={queue} />}
    </RequireProc>
  );
}

function QueueView({ me, queue }: { me: Me; queue: Queue }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const { state, reload } = useResource(() => api<AgencyOrderList>(`/api/procurement/orders?queue=${queue}`), [queue]);
  return (
    <Page title={t(`orders.queue.${queue}.title`)}>
      <ProcurementNav me={me} />
      <p className="lead">{t(`orders.queue.${queue}.intro`)}</p>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && (
        <>
          <p role="status">
            {state.orders.length === 0
              ? t('orders.queue.empty')
              : t('orders.queue.count', { n: i18n.num(state.orders.length) })}
          </p>
          <ul className="items">
            {state.orders.map((o) => (
              <li key={o.id} className={o.daysOverdue ? 'is-overdue' : undefined}>
                <Link href={`/pengadaan/pesanan/${o.id}`}>
                  #{o.id} · {o.sellerName}
                </Link>
                <span className="secondary">{detail(o, queue, i18n)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function detail(o: Item, queue: Queue, i18n: OrdersI18n): string {
  const { t } = i18n;
  const parts = [o.agencyName, i18n.rupiah(queue === 'bast' ? o.total : o.outstanding)];
  if (queue === 'bast' && o.deliveredAt)
    parts.push(t('orders.queue.delivered', { date: i18n.dateTime(new Date(o.deliveredAt)) }));
  if (queue !== 'bast' && o.dueDate) parts.push(t('orders.queue.dueOn', { date: i18n.date(o.dueDate) }));
  if (o.daysOverdue) parts.push(t('orders.order.overdue', { n: i18n.num(o.daysOverdue) }));
  if (queue === 'autodebit' && o.requestedAutodebit !== null)
    parts.push(t('orders.queue.requested', { amount: i18n.rupiah(o.requestedAutodebit) }));
  return parts.join(' · ');
}

/** `/pengadaan/bast`: deliveries awaiting the PPK's BAST, oldest delivery first. */
export default function BastQueuePage() {
  return <QueuePage queue="bast" />;
}
/** `/pengadaan/pembayaran`: orders to pay, overdue first, with the days overdue. */
export function PaymentsQueuePage() {
  return <QueuePage queue="payments" />;
}
/** `/pengadaan/autodebit`: autodebit requests awaiting the PA/KPA. */
export function AutodebitQueuePage() {
  return <QueuePage queue="autodebit" />;
}
