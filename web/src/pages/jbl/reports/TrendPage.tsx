import { useMemo } from 'react';
import type { ProvinceTrend } from '../../../../../src/jbl/reports/schema.ts';
import { Page } from '../../../app/Page.tsx';
import { can, useSession } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { dayName, LazyChart, type Msg, messages, Scroll, SplitCells, SplitHead } from './shared.tsx';

/**
 * `/jumat-beli-lokal/omzet` (public): the province-wide omzet of every edition, pre-order and live stacked, with the
 * running total as a line, and the same numbers in a table. The Dinas and auditors get a link to each edition's report.
 */
export default function TrendPage() {
  const i18n = useAreaI18n(messages);
  const trend = useGet<ProvinceTrend>('/api/jbl/reports/trend');
  const session = useSession();
  const reports = session.status === 'authenticated' && can(session.me, 'jbl.readsReports');
  return (
    <Page title={i18n.t('jblr.trend.title')}>
      <p className="lead">{i18n.t('jblr.trend.intro')}</p>
      <LoadStatus state={trend} onRetry={trend.reload} />
      {trend.status === 'ready' && <TrendResult p={trend.data} i18n={i18n} reports={reports} />}
    </Page>
  );
}

function TrendResult({ p, i18n, reports }: { p: ProvinceTrend; i18n: Msg; reports: boolean }) {
  const { t, lang } = i18n;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => i18n.rupiah(v) },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: p.points.map((x) => dayName(x.edition.heldOn, lang)) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => i18n.num(v / 1e6) + (lang === 'id' ? ' jt' : 'M') } },
        { type: 'value', axisLabel: { formatter: (v: number) => i18n.num(v / 1e6) + (lang === 'id' ? ' jt' : 'M') } },
      ],
      series: [
        {
          type: 'bar',
          stack: 'omzet',
          name: t('jblr.preorder'),
          data: p.points.map((x) => x.preorder.omzet),
          itemStyle: { color: '#1f5f3f' },
        },
        {
          type: 'bar',
          stack: 'omzet',
          name: t('jblr.live'),
          data: p.points.map((x) => x.live.omzet),
          itemStyle: { color: '#c77d1a' },
        },
        {
          type: 'line',
          yAxisIndex: 1,
          name: t('jblr.cumulative'),
          data: p.points.map((x) => x.cumulativeOmzet),
          itemStyle: { color: '#274b8f' },
        },
      ],
    }),
    [p, t, lang, i18n],
  );
  if (p.points.length === 0) return <p className="notice">{t('jblr.trend.none')}</p>;
  return (
    <>
      <p data-testid="jbl-total">
        <strong>
          {t('jblr.trend.total', { omzet: i18n.rupiah(p.total.total.omzet), orders: i18n.num(p.total.total.orders) })}
        </strong>
      </p>
      <LazyChart option={option} label={t('jblr.trend.label')} height={300} testId="jbl-trend-chart" />
      <Scroll label={t('jblr.trend.caption')}>
        <table className="ra-table" data-testid="jbl-trend-table">
          <caption>{t('jblr.trend.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('jblr.edition')}</th>
              <th scope="col">{t('jblr.host')}</th>
              <SplitHead i18n={i18n} />
              <th scope="col" className="num">
                {t('jblr.cumulative')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...p.points].reverse().map((x) => (
              <tr key={x.edition.id}>
                <th scope="row">
                  {reports ? (
                    <a href={`/jumat-beli-lokal/laporan/${x.edition.id}`}>{dayName(x.edition.heldOn, lang)}</a>
                  ) : (
                    dayName(x.edition.heldOn, lang)
                  )}
                </th>
                <td>{x.edition.host.name}</td>
                <SplitCells s={x} i18n={i18n} />
                <td className="num">{i18n.rupiah(x.cumulativeOmzet)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </>
  );
}
