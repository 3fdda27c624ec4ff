import { useMemo, useState } from 'react';
import type { PerformanceReportT } from '../../../../../src/procurement/share/schema.ts';
import { Page } from '../../../app/Page.tsx';
import { type AreaI18n, useAreaI18n } from '../../../i18n/area.ts';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { thisYear } from '../common.tsx';
import { messages } from './i18n.ts';
import { LazyChart, pct, Scroll } from './shared.tsx';

type Msg = AreaI18n<keyof typeof messages.id>;

/** `/kinerja-pembayaran` (public): each agency's share of orders paid within the SLA and its median days. */
export default function PerformancePage() {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [year, setYear] = useState(thisYear());
  const perf = useGet<PerformanceReportT>(`/api/procurement/payments/performance?year=${year}`);
  return (
    <Page title={t('share.perf.title')}>
      <form className="form sh-filters" aria-label={t('share.filters')} onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('share.year')}</span>
          <select name="year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[0, 1, 2, 3].map((d) => (
              <option key={d} value={thisYear() - d}>
                {thisYear() - d}
              </option>
            ))}
          </select>
        </label>
      </form>
      <LoadStatus state={perf} onRetry={perf.reload} />
      {perf.status === 'ready' && <PerformanceResult p={perf.data} i18n={i18n} />}
    </Page>
  );
}

function PerformanceResult({ p, i18n }: { p: PerformanceReportT; i18n: Msg }) {
  const { t, lang } = i18n;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: p.agencies.map((a) => a.name),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('share.perf.share'),
          data: p.agencies.map((a) => Math.round(a.share * 1000) / 10),
          itemStyle: { color: '#1f5f3f' },
        },
      ],
    }),
    [p, t],
  );
  return (
    <>
      <p className="lead">{t('share.perf.intro', { sla: p.slaDays })}</p>
      {p.province.paid === 0 ? (
        <p className="notice">{t('share.perf.none')}</p>
      ) : (
        <>
          <p data-testid="perf-province">
            <strong>
              {t('share.perf.province', {
                share: pct(p.province.share, lang),
                days: i18n.num(p.province.medianDays),
                n: i18n.num(p.province.paid),
              })}
            </strong>
          </p>
          <LazyChart
            option={option}
            label={t('share.perf.label')}
            height={Math.max(160, 28 * p.agencies.length + 40)}
            testId="perf-chart"
          />
          <Scroll label={t('share.perf.caption', { year: p.year })}>
            <table className="ra-table" data-testid="perf-table">
              <caption>{t('share.perf.caption', { year: p.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('share.agency')}</th>
                  <th scope="col" className="num">
                    {t('share.perf.paid')}
                  </th>
                  <th scope="col" className="num">
                    {t('share.perf.within')}
                  </th>
                  <th scope="col" className="num">
                    {t('share.perf.share')}
                  </th>
                  <th scope="col" className="num">
                    {t('share.perf.median')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.agencies.map((a) => (
                  <tr key={a.agencyId}>
                    <th scope="row">{a.name}</th>
                    <td className="num">{i18n.num(a.paid)}</td>
                    <td className="num">{i18n.num(a.withinSla)}</td>
                    <td className="num">{pct(a.share, lang)}</td>
                    <td className="num">{i18n.num(a.medianDays)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </>
      )}
    </>
  );
}
