import { useMemo } from 'react';
import type { AgeingT } from '../../../../../src/procurement/share/schema.ts';
import { Page } from '../../../app/Page.tsx';
import { RequireSession } from '../../../app/RequireSession.tsx';
import type { Me } from '../../../app/session.ts';
import { type AreaI18n, useAreaI18n } from '../../../i18n/area.ts';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { ProcurementNav } from '../common.tsx';
import { messages } from './i18n.ts';
import { LazyChart, Scroll } from './shared.tsx';

type Msg = AreaI18n<keyof typeof messages.id>;

/** `/pengadaan/umur-tagihan`: unpaid bills by age since BAST, per agency, and the overdue list with the Bendahara. */
export default function AgeingPage() {
  return <RequireSession>{(me) => <AgeingView me={me} />}</RequireSession>;
}

function AgeingView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const ageing = useGet<AgeingT>('/api/procurement/payments/ageing');
  return (
    <Page title={t('share.ageing.title')}>
      <ProcurementNav me={me} />
      <LoadStatus state={ageing} onRetry={ageing.reload} />
      {ageing.status === 'ready' && <AgeingResult a={ageing.data} i18n={i18n} />}
    </Page>
  );
}

function AgeingResult({ a, i18n }: { a: AgeingT; i18n: Msg }) {
  const { t } = i18n;
  const range = (b: string) => t('share.ageing.days', { range: b === '90+' ? '> 90' : b.replace('-', '–') });
  const option = useMemo(() => {
    const label = (b: string) => t('share.ageing.days', { range: b === '90+' ? '> 90' : b.replace('-', '–') });
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 12, top: 16, bottom: 24 },
      xAxis: { type: 'category', data: a.buckets.map((b) => label(b.bucket)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('share.ageing.count'),
          data: a.buckets.map((b) => b.orders),
          itemStyle: { color: '#1f5f3f' },
        },
      ],
    };
  }, [a, t]);
  return (
    <>
      <p className="lead">{t('share.ageing.intro', { date: a.asOf })}</p>
      <section aria-labelledby="buckets">
        <h2 id="buckets">{t('share.ageing.buckets')}</h2>
        <LazyChart option={option} label={t('share.ageing.label')} height={220} testId="ageing-chart" />
        <Scroll label={t('share.ageing.buckets')}>
          <table className="ra-table" data-testid="bucket-table">
            <caption>{t('share.ageing.buckets')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('share.ageing.bucket')}</th>
                <th scope="col" className="num">
                  {t('share.ageing.count')}
                </th>
                <th scope="col" className="num">
                  {t('share.ageing.outstanding')}
                </th>
              </tr>
            </thead>
            <tbody>
              {a.buckets.map((b) => (
                <tr key={b.bucket} data-bucket={b.bucket}>
                  <th scope="row">{range(b.bucket)}</th>
                  <td className="num">{i18n.num(b.orders)}</td>
                  <td className="num">{i18n.rupiah(b.outstanding)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      </section>
      {a.agencies.length > 1 && (
        <section aria-labelledby="by-agency">
          <h2 id="by-agency">{t('share.ageing.byAgency')}</h2>
          <Scroll label={t('share.ageing.byAgency')}>
            <table className="ra-table">
              <caption>{t('share.ageing.byAgency')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('share.agency')}</th>
                  {a.buckets.map((b) => (
                    <th key={b.bucket} scope="col" className="num">
                      {range(b.bucket)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('share.ageing.overdueCol')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {a.agencies.map((g) => (
                  <tr key={g.agencyId}>
                    <th scope="row">{g.name}</th>
                    {g.buckets.map((b) => (
                      <td key={b.bucket} className="num">
                        {i18n.num(b.orders)}
                      </td>
                    ))}
                    <td className="num">{i18n.num(g.overdue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </section>
      )}
      <section aria-labelledby="overdue">
        <h2 id="overdue">{t('share.overdue.title')}</h2>
        {a.overdue.length === 0 ? (
          <p className="notice">{t('share.overdue.none')}</p>
        ) : (
          <Scroll label={t('share.overdue.title')}>
            {a.overdueCount > a.overdue.length && (
              <p className="muted">
                {t('share.overdue.shown', { shown: i18n.num(a.overdue.length), count: i18n.num(a.overdueCount) })}
              </p>
            )}
            <table className="ra-table" data-testid="overdue-table">
              <caption>{t('share.overdue.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('share.order')}</th>
                  <th scope="col">{t('share.agency')}</th>
                  <th scope="col">{t('share.seller')}</th>
                  <th scope="col" className="num">
                    {t('share.ageing.outstanding')}
                  </th>
                  <th scope="col">{t('share.overdue.bast')}</th>
                  <th scope="col">{t('share.overdue.due')}</th>
                  <th scope="col" className="num">
                    {t('share.overdue.days')}
                  </th>
                  <th scope="col">{t('share.overdue.bendahara')}</th>
                </tr>
              </thead>
              <tbody>
                {a.overdue.map((o) => (
                  <tr key={o.orderId}>
                    <th scope="row">
                      <a href={`/pengadaan/pesanan/${o.orderId}`}>#{o.orderId}</a>
                    </th>
                    <td>{o.agencyName}</td>
                    <td>{o.seller}</td>
                    <td className="num">{i18n.rupiah(o.outstanding)}</td>
                    <td>{o.bastOn}</td>
                    <td>{o.dueDate}</td>
                    <td className="num">{i18n.num(o.daysOverdue)}</td>
                    <td>{o.bendahara.join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        )}
      </section>
    </>
  );
}
