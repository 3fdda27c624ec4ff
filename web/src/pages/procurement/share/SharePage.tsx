import { useMemo, useState } from 'react';
import type { BoundariesT, DistrictSharesT, ShareReportT } from '../../../../../src/procurement/share/schema.ts';
import { Page } from '../../../app/Page.tsx';
import { RequireSession } from '../../../app/RequireSession.tsx';
import type { Me } from '../../../app/session.ts';
import { type AreaI18n, useAreaI18n } from '../../../i18n/area.ts';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { ProcurementNav, thisYear } from '../common.tsx';
import { messages } from './i18n.ts';
import { GradeBadge, LazyChart, monthName, pct, periodName, Scroll } from './shared.tsx';

type Msg = AreaI18n<keyof typeof messages.id>;
type Figures = ShareReportT['total']['total'];
type Period = 'month' | 'quarter' | 'year';

/** `/pengadaan/porsi-umk`: the province (or the caller's agencies) share, both bases, map, and one row per agency. */
export default function SharePage() {
  return <RequireSession>{(me) => <ShareView me={me} />}</RequireSession>;
}

function ShareView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [year, setYear] = useState(thisYear());
  const [period, setPeriod] = useState<Period>('month');
  const q = `year=${year}&period=${period}`;
  const report = useGet<ShareReportT>(`/api/procurement/share?${q}`);
  return (
    <Page title={t('share.title')}>
      <ProcurementNav me={me} />
      <p className="lead">{t('share.intro')}</p>
      <PeriodPicker year={year} period={period} onYear={setYear} onPeriod={setPeriod} i18n={i18n} />
      <p className="sh-links">
        <a className="button secondary" href={`/api/procurement/share/export.xlsx?${q}`} download>
          {t('share.export')}
        </a>{' '}
        <a className="button secondary" href={`/api/procurement/share/report.pdf?${q}`} target="_blank" rel="noopener">
          {t('share.pdf')}
        </a>
      </p>
      <LoadStatus state={report} onRetry={report.reload} />
      {report.status === 'ready' && <ShareResult r={report.data} i18n={i18n} />}
      {report.status === 'ready' && <DistrictMap year={year} i18n={i18n} />}
    </Page>
  );
}

export function PeriodPicker(props: {
  year: number;
  period: Period;
  onYear: (y: number) => void;
  onPeriod: (p: Period) => void;
  i18n: Msg;
}) {
  const { t } = props.i18n;
  const years = [0, 1, 2, 3].map((d) => thisYear() - d);
  return (
    <form className="form sh-filters" aria-label={t('share.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span>{t('share.year')}</span>
        <select name="year" value={props.year} onChange={(e) => props.onYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('share.period')}</span>
        <select name="period" value={props.period} onChange={(e) => props.onPeriod(e.target.value as Period)}>
          {(['month', 'quarter', 'year'] as const).map((p) => (
            <option key={p} value={p}>
              {t(`share.period.${p}`)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

/** The two bases side by side, each with its grade and its denominator spelled out. */
export function BothBases({
  f,
  target,
  source,
  i18n,
}: {
  f: Figures;
  target: number;
  source?: string | null;
  i18n: Msg;
}) {
  const { t, lang } = i18n;
  return (
    <>
      <div className="sh-bases">
        {(['committed', 'realised'] as const).map((b) => {
          const x = f[b];
          return (
            <section key={b} className="sh-basis" data-testid={`basis-${b}`} aria-labelledby={`basis-${b}`}>
              <h3 id={`basis-${b}`}>{t(`share.${b}`)}</h3>
              <div className="sh-big">
                <strong data-testid={`share-${b}`}>
                  {x.share === null ? t('share.noSpending') : pct(x.share, lang)}
                </strong>{' '}
                <GradeBadge grade={x.grade} />
              </div>
              {x.ofTarget !== null && (
                <p className="muted small">{t('share.ofTarget', { value: pct(x.ofTarget, lang, 0) })}</p>
              )}
              <p className="muted small">{t(`share.${b}.hint`)}</p>
              <dl className="sh-calc">
                <dt>{t('share.numerator')}</dt>
                <dd>
                  {i18n.rupiah(x.platformUmk)} {t('share.onPlatform')} + {i18n.rupiah(x.outsideUmk)}{' '}
                  {t('share.outside')} = <strong>{i18n.rupiah(x.numerator)}</strong>
                </dd>
                <dt>{t('share.denominator')}</dt>
                <dd>
                  {i18n.rupiah(x.platformTotal)} {t('share.onPlatform')} + {i18n.rupiah(x.outsideTotal)}{' '}
                  {t('share.outside')} = <strong>{i18n.rupiah(x.denominator)}</strong>
                </dd>
              </dl>
            </section>
          );
        })}
      </div>
      <p className={f.unreportedMonths > 0 ? 'notice' : 'muted small'} data-testid="unreported">
        {t('share.unreported', { n: i18n.num(f.unreportedMonths) })}
        {f.unreportedMonths > 0 && ` ${t('share.unreported.note')}`}
      </p>
      <p className="muted small">{t('share.target', { target: pct(target, lang, 0), source: source ?? '' })}</p>
    </>
  );
}

/** A line per month of both shares, and the same numbers in a table. */
export function Trend({ trend, target, i18n }: { trend: ShareReportT['trend']; target: number; i18n: Msg }) {
  const { t, lang } = i18n;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      legend: { top: 0 },
      grid: { left: 40, right: 36, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: trend.map((p) => monthName(p.period, lang)) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: (['committed', 'realised'] as const).map((b) => ({
        name: t(`share.${b}`),
        type: 'line',
        data: trend.map((p) => (p[b].share === null ? null : Math.round(p[b].share * 1000) / 10)),
        markLine:
          b === 'committed'
            ? {
                symbol: 'none',
                data: [{ yAxis: target * 100, name: 'target' }],
                label: { formatter: `${target * 100}%` },
              }
            : undefined,
      })),
    }),
    [trend, target, lang, t],
  );
  return (
    <section aria-labelledby="trend">
      <h2 id="trend">{t('share.trend')}</h2>
      <LazyChart option={option} label={t('share.trend.label')} testId="trend-chart" />
      <Scroll label={t('share.trend.table')}>
        <table className="ra-table" data-testid="trend-table">
          <caption>{t('share.trend.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('share.month')}</th>
              <th scope="col" className="num">
                {t('share.committed')}
              </th>
              <th scope="col" className="num">
                {t('share.realised')}
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={p.period}>
                <th scope="row">{monthName(p.period, lang)}</th>
                <td className="num">{pct(p.committed.share, lang)}</td>
                <td className="num">{pct(p.realised.share, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}

/** Per period (month, quarter or year): both shares with the denominator. */
export function PeriodTable({ rows, i18n }: { rows: ShareReportT['total']['byPeriod']; i18n: Msg }) {
  const { t, lang } = i18n;
  return (
    <Scroll label={t('share.byPeriod')}>
      <table className="ra-table" data-testid="period-table">
        <caption>{t('share.byPeriod')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('share.periodCol')}</th>
            <th scope="col" className="num">
              {t('share.committed')}
            </th>
            <th scope="col" className="num">
              {t('share.denominator')}
            </th>
            <th scope="col" className="num">
              {t('share.realised')}
            </th>
            <th scope="col" className="num">
              {t('share.unreportedCol')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.period}>
              <th scope="row">{periodName(p.period, lang)}</th>
              <td className="num">
                {pct(p.committed.share, lang)} <GradeBadge grade={p.committed.grade} />
              </td>
              <td className="num">{i18n.rupiah(p.committed.denominator)}</td>
              <td className="num">
                {pct(p.realised.share, lang)} <GradeBadge grade={p.realised.grade} />
              </td>
              <td className="num">{i18n.num(p.unreportedMonths)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

function ShareResult({ r, i18n }: { r: ShareReportT; i18n: Msg }) {
  const { t, lang } = i18n;
  return (
    <>
      <section aria-labelledby="share-total">
        <h2 id="share-total">
          {t(r.scope === 'province' ? 'share.scope.province' : 'share.scope.agencies')} · {r.year}
        </h2>
        <BothBases f={r.total.total} target={r.target} source={r.targetSource} i18n={i18n} />
        {r.period !== 'year' && <PeriodTable rows={r.total.byPeriod} i18n={i18n} />}
      </section>
      <Trend trend={r.trend} target={r.target} i18n={i18n} />
      <section aria-labelledby="share-agencies">
        <h2 id="share-agencies">{t('share.agencies')}</h2>
        <Scroll label={t('share.agencies')}>
          <table className="ra-table" data-testid="agency-table">
            <caption>{t('share.agencies.caption', { year: r.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('share.agency')}</th>
                <th scope="col" className="num">
                  {t('share.committed')}
                </th>
                <th scope="col" className="num">
                  {t('share.realised')}
                </th>
                <th scope="col" className="num">
                  {t('share.denominator')}
                </th>
                <th scope="col" className="num">
                  {t('share.unreportedCol')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.agencies.map((a) => (
                <tr key={a.id} data-agency={a.id}>
                  <th scope="row">
                    <a href={`/pengadaan/porsi-umk/instansi/${a.id}`}>{a.name}</a>
                  </th>
                  <td className="num">
                    {pct(a.total.committed.share, lang)} <GradeBadge grade={a.total.committed.grade} />
                  </td>
                  <td className="num">
                    {pct(a.total.realised.share, lang)} <GradeBadge grade={a.total.realised.grade} />
                  </td>
                  <td className="num">{i18n.rupiah(a.total.committed.denominator)}</td>
                  <td className="num">{i18n.num(a.total.unreportedMonths)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      </section>
    </>
  );
}

/** The choropleth of kecamatan by spending with UMK, and its table. */
function DistrictMap({ year, i18n }: { year: number; i18n: Msg }) {
  const { t } = i18n;
  const shares = useGet<DistrictSharesT>(`/api/procurement/share/districts?year=${year}`);
  const bounds = useGet<BoundariesT>('/api/regions/boundaries?level=district');
  const items = shares.status === 'ready' ? shares.data.items : [];
  const geo = useMemo(
    // Kepulauan Seribu (3101) lies far out at sea: drawn, it shrinks the mainland to a stamp; it stays in the table.
    () =>
      bounds.status === 'ready'
        ? {
            name: 'jakarta-kecamatan',
            geoJson: {
              ...bounds.data,
              features: bounds.data.features.filter((f) => !f.properties.code.startsWith('3101')),
            },
          }
        : undefined,
    [bounds],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      visualMap: {
        min: 0,
        max: Math.max(1, ...items.map((i) => i.committedUmk)),
        left: 0,
        bottom: 0,
        itemHeight: 80,
        text: [t('share.umkSpending'), ''],
        inRange: { color: ['#eef6f0', '#1f5f3f'] },
      },
      series: [
        {
          type: 'map',
          map: 'jakarta-kecamatan',
          nameProperty: 'code',
          roam: false,
          data: items.map((i) => ({ name: i.code, value: i.committedUmk })),
          tooltip: {
            formatter: (p: { name: string; value: number }) =>
              `${items.find((i) => i.code === p.name)?.name ?? p.name}: ${i18n.rupiah(p.value || 0)}`,
          },
        },
      ],
    }),
    [items, t, i18n],
  );
  return (
    <section aria-labelledby="share-map">
      <h2 id="share-map">{t('share.map')}</h2>
      <p className="muted small">{t('share.map.intro')}</p>
      <LoadStatus state={shares} onRetry={shares.reload} />
      {geo && items.length > 0 && (
        <LazyChart option={option} geo={geo} label={t('share.map.label')} height={360} testId="district-map" />
      )}
      {items.length > 0 && (
        <Scroll label={t('share.map.table')}>
          <table className="ra-table" data-testid="district-table">
            <caption>{t('share.map.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('share.district')}</th>
                <th scope="col">{t('share.city')}</th>
                <th scope="col" className="num">
                  {t('share.umkSpending')}
                </th>
                <th scope="col" className="num">
                  {t('share.allSpending')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.code}>
                  <th scope="row">{d.name}</th>
                  <td>{d.cityName}</td>
                  <td className="num">{i18n.rupiah(d.committedUmk)}</td>
                  <td className="num">{i18n.rupiah(d.committedTotal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}
