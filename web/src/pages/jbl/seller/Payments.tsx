import type { Payments } from '../../../../../src/jbl/seller/schema.ts';
import type { SellerI18n } from './parts.tsx';

/** Payments received: totals (to the seller's own QRIS, via the aggregator) and each paid order. */
export function PaymentsReceived({ payments, i18n }: { payments: Payments; i18n: SellerI18n }) {
  const { t } = i18n;
  const { totals } = payments;
  return (
    <section aria-labelledby="jbls-payments" className="no-print">
      <h2 id="jbls-payments">{t('jblSeller.payments.title')}</h2>
      <dl className="facts proc-facts proc-totals">
        <div>
          <dt>{t('jblSeller.payments.total')}</dt>
          <dd>
            <strong>{i18n.rupiah(totals.total)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('jblSeller.payments.direct')}</dt>
          <dd>{i18n.rupiah(totals.direct)}</dd>
        </div>
        <div>
          <dt>{t('jblSeller.payments.aggregator')}</dt>
          <dd>{i18n.rupiah(totals.viaAggregator)}</dd>
        </div>
        <div>
          <dt>{t('jblSeller.payments.count')}</dt>
          <dd>{i18n.num(totals.count)}</dd>
        </div>
      </dl>
      {payments.payments.length === 0 ? (
        <p className="muted">{t('jblSeller.payments.empty')}</p>
      ) : (
        <ul className="items">
          {payments.payments.map((p) => (
            <li key={p.number} data-order={p.number}>
              <span>
                <code>{p.number}</code> · {i18n.rupiah(p.total)}
              </span>
              <span className="secondary">
                {t(p.paidTo === 'seller' ? 'jblSeller.paidTo.seller' : 'jblSeller.paidTo.aggregator')} ·{' '}
                {t('jblSeller.payments.paidAt', { time: i18n.dateTime(new Date(p.paidAt)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
