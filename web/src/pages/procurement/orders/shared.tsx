import type { ReactNode } from 'react';
import type { AgencyOrder } from '../../../../../src/procurement/fulfilment/fulfilment-schema.ts';
import type { AreaI18n } from '../../../i18n/area.ts';
import type { messages } from './i18n.ts';

export type OrdersI18n = AreaI18n<keyof typeof messages.id>;
/** The parts both sides show: lines, money and payments have the same shape on the agency's and the seller's order. */
export type OrderParts = Pick<
  AgencyOrder,
  'lines' | 'total' | 'money' | 'paidAmount' | 'outstanding' | 'payments' | 'status'
>;

/** The lines as a narrow table: item with quantity × price under it, and the amount (fits 360 px). */
export function LinesTable({ o, i18n }: { o: OrderParts; i18n: OrdersI18n }) {
  const { t } = i18n;
  return (
    <table className="proc-table">
      <caption>{t('orders.lines.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('orders.lines.item')}</th>
          <th scope="col" className="num">
            {t('orders.lines.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {o.lines.map((l) => (
          <tr key={l.lineNo}>
            <td>
              {l.name}
              <span className="secondary">
                {t('orders.lines.qty', { qty: i18n.num(l.quantity), unit: l.unit, price: i18n.rupiah(l.unitPrice) })}
              </span>
            </td>
            <td className="num">{i18n.rupiah(l.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('orders.lines.total')}</th>
          <td className="num">{i18n.rupiah(o.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Which rule gave which amount, the withholding, the net, what is paid and still owed. */
export function MoneyFacts({ o, i18n }: { o: OrderParts; i18n: OrdersI18n }) {
  const { t, lang } = i18n;
  const row = (label: ReactNode, value: string, key: string) => (
    <div key={key}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <section aria-labelledby="proc-money">
      <h2 id="proc-money">{t('orders.money.caption')}</h2>
      <dl className="facts proc-facts">
        {row(t('orders.money.total'), i18n.rupiah(o.total), 'total')}
        {o.money.lines.map((l) =>
          row(
            <>
              {l.label[lang]}
              {l.rule && <span className="secondary">{t('orders.money.rule', { rule: l.rule })}</span>}
            </>,
            i18n.rupiah(l.amount),
            l.code,
          ),
        )}
        {row(t('orders.money.withheld'), i18n.rupiah(o.money.withheld), 'withheld')}
        {row(t('orders.money.net'), i18n.rupiah(o.money.net), 'net')}
        {row(t('orders.money.paid'), i18n.rupiah(o.paidAmount), 'paid')}
        {row(t('orders.money.outstanding'), i18n.rupiah(o.outstanding), 'outstanding')}
      </dl>
    </section>
  );
}

/** `proofs`: the API folder of the order's payments, on the reader's side (`…/payments`), for the proof links. */
export function PaymentsList({ o, i18n, proofs }: { o: OrderParts; i18n: OrdersI18n; proofs: string }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="proc-payments">
      <h2 id="proc-payments">{t('orders.payments.title')}</h2>
      {o.payments.length === 0 ? (
        <p className="muted">{t('orders.payments.empty')}</p>
      ) : (
        <ul className="items">
          {o.payments.map((p) => (
            <li key={p.id} data-payment={p.status}>
              <span>
                {t('orders.payments.line', {
                  kind: t(`orders.payments.kind.${p.kind}`),
                  amount: i18n.rupiah(p.amount),
                  tax: i18n.rupiah(p.taxWithheld),
                })}
              </span>
              <span className="secondary">
                {[
                  p.paidOn ? null : t(`orders.payments.status.${p.status}`),
                  p.paidOn && t('orders.payments.paidOn', { date: i18n.date(p.paidOn) }),
                  p.reference && t('orders.payments.ref', { ref: p.reference }),
                  p.decisionNote,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {p.hasProof && (
                <a className="secondary" href={`${proofs}/${p.id}/proof`}>
                  {t('orders.payments.proof')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
