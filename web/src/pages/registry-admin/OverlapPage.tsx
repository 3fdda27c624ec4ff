import type { Bilingual } from '../../../../src/platform/schema.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import type { Me } from '../../app/session.ts';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { SliceFields } from './filters.tsx';
import { queryOf } from './format.ts';
import { messages } from './i18n.ts';
import { LoadStatus, useGet } from '../../ui/resource.tsx';
import { can, holdsScope, NotAllowed, ScrollBox, useSearchState } from './shared.tsx';

export interface Overlap {
  region: { code: string; name: string; level: string } | null;
  source: 'live' | 'rollup';
  asOf: string;
  asOfWib: Bilingual;
  agencies: { id: number; code: string; name: string; members: number }[];
  matrix: number[][];
  total: { distinctMembers: number; sumOfAgencyCounts: number; countedMoreThanOnce: number };
  cities: { code: string; name: string; distinctMembers: number; perAgency: { id: number; members: number }[] }[];
}

type Msg = AreaI18n<keyof typeof messages.id>;

/**
 * `/tumpang-tindih`: where the pengampu's member lists overlap — the agency × agency matrix (the diagonal is each
 * agency's own count) and the de-duplicated total next to the plain sum. The matrix scrolls inside its own box.
 */
export default function OverlapPage() {
  return <RequireSession>{(me) => <OverlapView me={me} />}</RequireSession>;
}

function OverlapView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const allowed = can(me, 'registry.seesFunnels');
  // A pendamping or kasatpel sees its own kecamatan (the server's default); the others choose.
  const regionFree = can(me, 'registry.readsAll') || holdsScope(me, 'fostering_agency');
  const [f, setF] = useSearchState(['kota', 'kecamatan', 'perKota'] as const);
  const byCity = f.perKota === '1' && regionFree && !f.kecamatan;
  const data = useGet<Overlap>(
    allowed
      ? `/api/registry/pengampu-overlap${queryOf({ region: regionFree ? f.kecamatan || f.kota : '', byCity: byCity ? 'true' : '' })}`
      : null,
    'reload',
  );
  if (!allowed)
    return (
      <Page title={t('regadmin.overlap.title')}>
        <NotAllowed />
      </Page>
    );
  return (
    <Page title={t('regadmin.overlap.title')}>
      <p className="lead">{t('regadmin.overlap.intro')}</p>
      {regionFree && (
        <form className="form ra-filters" aria-label={t('regadmin.filters')} onSubmit={(e) => e.preventDefault()}>
          <SliceFields value={{ pengampu: '', ...f }} onChange={setF} agency={false} />
          {!f.kecamatan && (
            <label className="check">
              <input
                type="checkbox"
                checked={f.perKota === '1'}
                onChange={(e) => setF({ perKota: e.target.checked ? '1' : '' })}
              />
              {t('regadmin.overlap.byCity')}
            </label>
          )}
        </form>
      )}
      <LoadStatus state={data} onRetry={data.reload} secondary />
      {data.status === 'ready' && <OverlapResult data={data.data} i18n={i18n} />}
    </Page>
  );
}

function OverlapResult({ data, i18n }: { data: Overlap; i18n: Msg }) {
  const { t, lang } = i18n;
  return (
    <section aria-labelledby="overlap-figures" className="ra-overlap" data-source={data.source}>
      <h2 id="overlap-figures">{data.region ? data.region.name : t('regadmin.overlap.all')}</h2>
      <p className="muted small" data-testid="as-of">
        {t(data.source === 'rollup' ? 'regadmin.asOfRollup' : 'regadmin.asOf', { time: data.asOfWib[lang] })}
      </p>
      <dl className="tiles ra-tiles">
        <div className="tile" data-figure="distinct">
          <dt>{t('regadmin.overlap.distinct')}</dt>
          <dd>{i18n.num(data.total.distinctMembers)}</dd>
        </div>
        <div className="tile" data-figure="sum">
          <dt>{t('regadmin.overlap.sum')}</dt>
          <dd>{i18n.num(data.total.sumOfAgencyCounts)}</dd>
        </div>
        <div className="tile" data-figure="twice">
          <dt>{t('regadmin.overlap.twice')}</dt>
          <dd>{i18n.num(data.total.countedMoreThanOnce)}</dd>
        </div>
      </dl>
      {data.agencies.length === 0 ? (
        <p className="notice">{t('regadmin.overlap.empty')}</p>
      ) : (
        <>
          <h3>{t('regadmin.overlap.matrix')}</h3>
          <ScrollBox label={t('regadmin.overlap.matrix')}>
            <table className="ra-table ra-matrix" data-testid="overlap-matrix">
              <caption>{t('regadmin.overlap.matrixCaption')}</caption>
              <thead>
                <tr>
                  <td />
                  {data.agencies.map((a) => (
                    <th key={a.id} scope="col" className="num">
                      <abbr title={a.name}>{a.code}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.agencies.map((a, i) => (
                  <tr key={a.id} data-agency={a.id}>
                    <th scope="row">
                      <abbr title={a.name}>{a.code}</abbr>
                    </th>
                    {data.matrix[i]!.map((n, j) => (
                      <td key={data.agencies[j]!.id} className={`num${i === j ? ' ra-diag' : ''}`}>
                        {i18n.num(n)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <h3>{t('regadmin.overlap.agencies')}</h3>
          <ul className="items ra-legend">
            {data.agencies.map((a) => (
              <li key={a.id}>
                <span className="primary">
                  <strong>{a.code}</strong> — {a.name}
                </span>
                <span className="secondary">{t('regadmin.overlap.ownCount', { n: i18n.num(a.members) })}</span>
              </li>
            ))}
          </ul>
          {data.cities.length > 0 && (
            <>
              <h3>{t('regadmin.overlap.cities')}</h3>
              <ScrollBox label={t('regadmin.overlap.cities')}>
                <table className="ra-table ra-compare" data-testid="overlap-cities">
                  <caption>{t('regadmin.overlap.citiesCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('regadmin.city')}</th>
                      {data.agencies.map((a) => (
                        <th key={a.id} scope="col" className="num">
                          <abbr title={a.name}>{a.code}</abbr>
                        </th>
                      ))}
                      <th scope="col" className="num">
                        {t('regadmin.overlap.distinct')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.cities.map((c) => (
                      <tr key={c.code}>
                        <th scope="row">{c.name}</th>
                        {c.perAgency.map((p) => (
                          <td key={p.id} className="num">
                            {i18n.num(p.members)}
                          </td>
                        ))}
                        <td className="num">
                          <strong>{i18n.num(c.distinctMembers)}</strong>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            </>
          )}
        </>
      )}
    </section>
  );
}
