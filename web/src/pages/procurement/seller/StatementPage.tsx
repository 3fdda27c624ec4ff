import { useState } from 'react';
import type { Statement } from '../../../../../src/procurement/fulfilment/fulfilment-schema.ts';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { Link } from '../../../app/router.tsx';
import type { Me } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { LoadStatus, useResource } from '../../../ui/resource.tsx';
import { ProcurementNav, RequireProc, thisYear } from '../common.tsx';
import { messages } from './i18n.ts';

/**
 * `/jual/pendapatan`: the seller's income from government in a year — every payment with gross, tax withheld
 * (and the rule), net and the day paid; what is still owed with its expected day; totals; a CSV. Stacked cards,
 * not a wide table, so it reads on a 360-px phone without sideways scrolling.
 */
export default function StatementPage() {
  const { t } = useAreaI18n(messages);
  return (
    <RequireProc rule="sells" title={t('seller.statement.title')} message={t('seller.notAllowed')}>
      {(me) => <StatementView me={me} />}
    </RequireProc>
  );
}

function StatementView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [year, setYear] = useState(thisYear());
  const { state, reload } = useResource(
    () => api<Statement>(`/api/procurement/seller/statement?year=${year}`),
    [year],
    {
      keep: true,
    },
  );
  const years = Array.from({ length: 5 }, (_, i) => thisYear() - i);
  return (
    <Page title={t('seller.statement.title')}>
      <ProcurementNav me={me} side="seller" />
      <p className="lead">{t('seller.statement.intro')}</p>
      <div className="proc-toolbar">
        <div className="field">
          <label htmlFor="statement-year">{t('seller.statement.year')}</label>
          <select id="statement-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <a className="button secondary" href={`/api/procurement/seller/statement.csv?year=${year}`} download>
          {t('seller.statement.csv')}
        </a>
      </div>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && (
        <>
          <section aria-labelledby="statement-totals">
            <h2 id="statement-totals">{t('seller.statement.totals', { year: String(state.year) })}</h2>
            <dl className="facts proc-facts proc-totals">
              <div>
                <dt>{t('seller.statement.gross')}</dt>
                <dd>{i18n.rupiah(state.totals.gross)}</dd>
              </div>
              <div>
                <dt>{t('seller.statement.tax')}</dt>
                <dd>{i18n.rupiah(state.totals.taxWithheld)}</dd>
              </div>
              <div>
                <dt>{t('seller.statement.net')}</dt>
                <dd>{i18n.rupiah(state.totals.net)}</dd>
              </div>
              <div>
                <dt>{t('seller.statement.outstanding')}</dt>
                <dd>{i18n.rupiah(state.totals.outstanding)}</dd>
              </div>
            </dl>
          </section>
          <section aria-labelledby="statement-payments">
            <h2 id="statement-payments">{t('seller.statement.payments')}</h2>
            {state.payments.length === 0 ? (
              <p className="muted">{t('seller.statement.noPayments')}</p>
            ) : (
              <ul className="proc-cards">
                {state.payments.map((p) => (
                  <li key={p.paymentId} className="proc-card">
                    <h3>
                      <Link href={`/jual/pesanan/${p.orderId}`}>
                        {t('seller.statement.order', { id: String(p.orderId) })}
                      </Link>
                      <span className="secondary">{p.agencyName}</span>
                    </h3>
                    <dl>
                      <div>
                        <dt>{t('seller.statement.paidOn')}</dt>
                        <dd>{i18n.date(p.paidOn)}</dd>
                      </div>
                      <div>
                        <dt>{t('seller.statement.gross')}</dt>
                        <dd>{i18n.rupiah(p.gross)}</dd>
                      </div>
                      <div>
                        <dt>{t('seller.statement.tax')}</dt>
                        <dd>{i18n.rupiah(p.taxWithheld)}</dd>
                      </div>
                      {p.taxRule && (
                        <div>
                          <dt>{t('seller.statement.rule')}</dt>
                          <dd>{p.taxRule}</dd>
                        </div>
                      )}
                      <div>
                        <dt>{t('seller.statement.net')}</dt>
                        <dd>
                          <strong>{i18n.rupiah(p.net)}</strong>
                        </dd>
                      </div>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="statement-owed">
            <h2 id="statement-owed">{t('seller.statement.owed')}</h2>
            {state.outstanding.length === 0 ? (
              <p className="muted">{t('seller.statement.noOwed')}</p>
            ) : (
              <ul className="proc-cards">
                {state.outstanding.map((o) => (
                  <li key={o.orderId} className={`proc-card${o.daysOverdue ? ' is-overdue' : ''}`}>
                    <h3>
                      <Link href={`/jual/pesanan/${o.orderId}`}>
                        {t('seller.statement.order', { id: String(o.orderId) })}
                      </Link>
                      <span className="secondary">{o.agencyName}</span>
                    </h3>
                    <dl>
                      <div>
                        <dt>{t('seller.statement.outstanding')}</dt>
                        <dd>
                          <strong>{i18n.rupiah(o.outstanding)}</strong>
                        </dd>
                      </div>
                      <div>
                        <dt>{t('seller.statement.expected')}</dt>
                        <dd>
                          {o.expectedOn ? i18n.date(o.expectedOn) : '—'}
                          {o.daysOverdue ? (
                            <span className="secondary cur-overdue">
                              {t('seller.statement.late', { n: i18n.num(o.daysOverdue) })}
                            </span>
                          ) : null}
                        </dd>
                      </div>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
