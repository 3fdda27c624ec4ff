import type { Bilingual } from '../../../../src/platform/schema.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import type { Me } from '../../app/session.ts';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { SliceFields } from './filters.tsx';
import { percent, queryOf } from './format.ts';
import { useMemo } from 'react';
import { LazyChart } from '../../ui/chart/LazyChart.tsx';
import { messages } from './i18n.ts';
import { LoadStatus, useGet } from '../../ui/resource.tsx';
import { can, holdsScope, NotAllowed, scopeIdsOf, ScrollBox, SelectField, useSearchState } from './shared.tsx';

export interface StageCount {
  stage: number;
  members: number;
  rateFromPrevious: number | null;
  rateFromP1: number | null;
}
export interface Funnel {
  slice: { agency: { id: number; name: string } | null; region: { code: string; name: string; level: string } | null };
  groupBy: string;
  source: 'live' | 'rollup';
  asOf: string;
  asOfWib: Bilingual;
  stages: { stage: number; code: string; label: Bilingual }[];
  total: StageCount[];
  groups: { key: string; name: string; stages: StageCount[] }[];
}

type GroupBy = 'none' | 'agency' | 'city' | 'district' | 'village';
type Msg = AreaI18n<keyof typeof messages.id>;

/**
 * `/corong`: the 7P funnel of a slice (pengampu / kota / kecamatan) as a funnel chart (the app's one chart wrapper,
 * ECharts, loaded lazily) and the same numbers as a table for screen readers and for copying. "Compare by" breaks
 * the slice down into a table of groups.
 */
export default function FunnelPage() {
  return <RequireSession>{(me) => <FunnelView me={me} />}</RequireSession>;
}

function FunnelView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const province = can(me, 'registry.readsAll');
  const officer = !province && holdsScope(me, 'fostering_agency');
  const district = !province && !officer;
  const [f, setF] = useSearchState(['pengampu', 'kota', 'kecamatan', 'banding'] as const);
  const groupBy = (['agency', 'city', 'district', 'village'].includes(f.banding) ? f.banding : 'none') as GroupBy;
  const allowed = can(me, 'registry.seesFunnels');
  // A kecamatan desk names its own kecamatan: the server only fills it in when no other filter is given.
  const region = district ? (scopeIdsOf(me, 'district')[0] ?? '') : f.kecamatan || f.kota;
  const path = allowed
    ? `/api/registry/funnel${queryOf({ agencyId: officer ? '' : f.pengampu, region, groupBy: groupBy === 'none' ? '' : groupBy })}`
    : null;
  const funnel = useGet<Funnel>(path, 'reload');

  if (!allowed)
    return (
      <Page title={t('regadmin.funnel.title')}>
        <NotAllowed />
      </Page>
    );
  // A pendamping's slice is one kecamatan: comparing its kelurahan is what makes sense there.
  const groupChoices: GroupBy[] = district
    ? ['none', 'agency', 'village']
    : ['none', 'agency', 'city', 'district', ...(f.kecamatan ? (['village'] as const) : [])];
  return (
    <Page title={t('regadmin.funnel.title')}>
      <p className="lead">{t('regadmin.funnel.intro')}</p>
      <form className="form ra-filters" aria-label={t('regadmin.filters')} onSubmit={(e) => e.preventDefault()}>
        <SliceFields value={f} onChange={setF} agency={!officer} region={!district} />
        <SelectField
          name="banding"
          label={t('regadmin.funnel.groupBy')}
          value={groupBy}
          onChange={(e) => setF({ banding: e.target.value === 'none' ? '' : e.target.value })}
        >
          {groupChoices.map((g) => (
            <option key={g} value={g}>
              {t(`regadmin.funnel.groupBy.${g}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <LoadStatus state={funnel} onRetry={funnel.reload} secondary />
      {funnel.status === 'ready' && <FunnelResult data={funnel.data} i18n={i18n} />}
    </Page>
  );
}

function sliceText(data: Funnel, t: Msg['t']) {
  const parts = [data.slice.agency?.name, data.slice.region?.name].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('regadmin.funnel.sliceAll');
}

function FunnelResult({ data, i18n }: { data: Funnel; i18n: Msg }) {
  const { t, lang } = i18n;
  const label = (stage: number) => data.stages.find((s) => s.stage === stage);
  const max = Math.max(0, ...data.total.map((s) => s.members));
  const summary = data.total.map((s) => `${label(s.stage)?.code} ${i18n.num(s.members)}`).join(', ');
  return (
    <section aria-labelledby="funnel-figures" className="ra-funnel" data-source={data.source}>
      <h2 id="funnel-figures">{t('regadmin.funnel.slice', { slice: sliceText(data, t) })}</h2>
      <p className="muted small" data-testid="as-of">
        {t(data.source === 'rollup' ? 'regadmin.asOfRollup' : 'regadmin.asOf', { time: data.asOfWib[lang] })}
      </p>
      {max === 0 ? (
        <p className="notice">{t('regadmin.funnel.empty')}</p>
      ) : (
        <>
          <figure className="ra-chart">
            <figcaption className="sr-only">{t('regadmin.funnel.chart')}</figcaption>
            <FunnelChart data={data} i18n={i18n} summary={summary} />
          </figure>
          <h3 id="funnel-table">{t('regadmin.funnel.table')}</h3>
          <ScrollBox label={t('regadmin.funnel.table')} hint={false}>
            <table className="ra-table" data-testid="funnel-table">
              <caption className="sr-only">{t('regadmin.funnel.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('regadmin.funnel.col.stage')}</th>
                  <th scope="col" className="num">
                    {t('regadmin.funnel.col.members')}
                  </th>
                  <th scope="col" className="num">
                    {t('regadmin.funnel.col.fromPrevious')}
                  </th>
                  <th scope="col" className="num">
                    {t('regadmin.funnel.col.fromP1')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.total.map((s) => (
                  <tr key={s.stage} data-stage={s.stage}>
                    <th scope="row">
                      {label(s.stage)?.code} {label(s.stage)?.label[lang]}
                    </th>
                    <td className="num">{i18n.num(s.members)}</td>
                    <td className="num">{percent(s.rateFromPrevious, lang)}</td>
                    <td className="num">{percent(s.rateFromP1, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
      {data.groupBy !== 'none' && <Compare data={data} i18n={i18n} />}
    </section>
  );
}

/** The breakdown: one row per group, members per stage with the share of the group's own P1. */
function Compare({ data, i18n }: { data: Funnel; i18n: Msg }) {
  const { t, lang } = i18n;
  const heading = `${t('regadmin.funnel.compare')}: ${t(`regadmin.funnel.groupBy.${data.groupBy as GroupBy}`)}`;
  return (
    <>
      <h3>{heading}</h3>
      {data.groups.length === 0 ? (
        <p className="notice">{t('regadmin.funnel.noGroups')}</p>
      ) : (
        <ScrollBox label={heading}>
          <table className="ra-table ra-compare" data-testid="funnel-compare">
            <caption>{t('regadmin.funnel.compareCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`regadmin.funnel.groupBy.${data.groupBy as GroupBy}`)}</th>
                {data.stages.map((s) => (
                  <th key={s.stage} scope="col" className="num">
                    <abbr title={s.label[lang]}>{s.code}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <tr key={g.key} data-key={g.key}>
                  <th scope="row">{g.name}</th>
                  {g.stages.map((s) => (
                    <td key={s.stage} className="num">
                      {i18n.num(s.members)}
                      {s.stage > 1 && <span className="ra-sub">{percent(s.rateFromP1, lang)}</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}

/** The stages as a funnel, widest at P1; each label carries its count (the table beside it has every rate). */
function FunnelChart({ data, i18n, summary }: { data: Funnel; i18n: Msg; summary: string }) {
  const { t, lang } = i18n;
  const option = useMemo(() => {
    const code = (stage: number) => data.stages.find((s) => s.stage === stage)?.code ?? `P${stage}`;
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: 8,
          right: 8,
          top: 8,
          bottom: 8,
          minSize: '8%',
          gap: 2,
          label: {
            position: 'inside',
            formatter: '{b}: {c}',
            color: '#fff',
            textBorderColor: '#1f5f3f',
            textBorderWidth: 3,
          },
          itemStyle: { color: '#1f5f3f', borderColor: '#fff' },
          data: data.total.map((s) => ({ name: code(s.stage), value: s.members })),
        },
      ],
    };
  }, [data]);
  return (
    <LazyChart
      option={option}
      height={300}
      testId="funnel-chart"
      label={t('regadmin.funnel.chartLabel', { summary })}
      key={lang}
    />
  );
}
