import { useMemo } from 'react';
import type { AgencyParticipation } from '../../../../../src/jbl/reports/schema.ts';
import type { PageProps } from '../../../app/routes.ts';
import { Page } from '../../../app/Page.tsx';
import { useAreaI18n } from '../../../i18n/area.ts';
import { RequireAbility } from '../../../ui/not-allowed.tsx';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { dayName, LazyChart, type Msg, messages, pct, Scroll } from './shared.tsx';

/**
 * `/jumat-beli-lokal/partisipasi-asn/:agencyId`: one agency's ASN per edition — how many, how many bought, spend and
 * how many reached the target — as a chart and the same numbers in a table. Another agency's page is not found.
 */
export default function AgencyParticipationPage({ params }: PageProps) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  return (
    <RequireAbility ability="jbl.readsParticipation" title={t('jblr.asn.title')} message={t('jblr.asn.notAllowed')}>
      {() => <AgencyView agencyId={Number(params.agencyId)} i18n={i18n} />}
    </RequireAbility>
  );
}

function AgencyView({ agencyId, i18n }: { agencyId: number; i18n: Msg }) {
  const { t } = i18n;
  const r = useGet<AgencyParticipation>(`/api/jbl/participation/agencies/${agencyId}`);
  const title = r.status === 'ready' ? t('jblr.asn.agencyTitle', { name: r.data.agency.name }) : t('jblr.asn.title');
  return (
    <Page title={title}>
      <p>
        <a href="/jumat-beli-lokal/partisipasi-asn">{t('jblr.asn.back')}</a>
      </p>
      <LoadStatus state={r} onRetry={r.reload} />
      {r.status === 'ready' && <AgencyTrend a={r.data} i18n={i18n} />}
    </Page>
  );
}

function AgencyTrend({ a, i18n }: { a: AgencyParticipation; i18n: Msg }) {
  const { t, lang } = i18n;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: a.trend.map((x) => dayName(x.edition.heldOn, lang)) },
      yAxis: [
        { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', axisLabel: { formatter: (v: number) => i18n.num(v / 1000) + (lang === 'id' ? ' rb' : 'k') } },
      ],
      series: [
        {
          type: 'bar',
          name: t('jblr.asn.rate'),
          data: a.trend.map((x) => (x.rate === null ? 0 : Math.round(x.rate * 1000) / 10)),
          itemStyle: { color: '#1f5f3f' },
        },
        {
          type: 'line',
          yAxisIndex: 1,
          name: t('jblr.asn.spend'),
          data: a.trend.map((x) => x.spend),
          itemStyle: { color: '#c77d1a' },
        },
      ],
    }),
    [a, t, lang, i18n],
  );
  if (a.trend.length === 0) return <p className="notice">{t('jblr.asn.none')}</p>;
  return (
    <>
      <LazyChart option={option} label={t('jblr.asn.label')} height={260} testId="jbl-asn-chart" />
      <Scroll label={t('jblr.asn.title')}>
        <table className="ra-table" data-testid="jbl-asn-trend">
          <caption>{t('jblr.asn.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('jblr.edition')}</th>
              <th scope="col" className="num">
                {t('jblr.asn.asn')}
              </th>
              <th scope="col" className="num">
                {t('jblr.asn.buyers')}
              </th>
              <th scope="col" className="num">
                {t('jblr.asn.rate')}
              </th>
              <th scope="col" className="num">
                {t('jblr.asn.reached')}
              </th>
              <th scope="col" className="num">
                {t('jblr.asn.spend')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...a.trend].reverse().map((x) => (
              <tr key={x.edition.id}>
                <th scope="row">{dayName(x.edition.heldOn, lang)}</th>
                <td className="num">{i18n.num(x.asn)}</td>
                <td className="num">{i18n.num(x.buyers)}</td>
                <td className="num">{pct(x.rate, lang)}</td>
                <td className="num">{i18n.num(x.reached)}</td>
                <td className="num">{i18n.rupiah(x.spend)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </>
  );
}
