import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/id.ts';
import { useResource } from '../../ui/load.ts';
import { barWidths, loadFigures, type PublicFigures } from './figures.ts';

const TILES: readonly [keyof PublicFigures, MessageKey][] = [
  ['members', 'figures.members'],
  ['products', 'figures.products'],
  ['fosteringAgencies', 'figures.agencies'],
  ['buyers', 'figures.buyers'],
  ['malls', 'figures.malls'],
  ['lenders', 'figures.lenders'],
];

/** Live figures: tiles for the totals, and a plain CSS bar list of members per kota (no chart library here). */
export function Figures() {
  const { t, num, dateTime } = useI18n();
  const { state, reload: retry } = useResource(loadFigures, []); // a retry's answer wins over a slow first one
  return (
    <section aria-labelledby="figures-h" className="figures" aria-busy={state.status === 'loading'}>
      <h2 id="figures-h">{t('figures.heading')}</h2>
      <p className="muted">{t('figures.intro')}</p>
      {state.status === 'loading' && (
        <p role="status" className="muted">
          {t('figures.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div role="alert" className="notice">
          <p>{t('figures.error')}</p>
          <button type="button" className="button" onClick={retry}>
            {t('figures.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <div className="figures-body">
          <div>
            <dl className="tiles">
              {TILES.map(([field, label]) => (
                <div key={field} className="tile" data-figure={field}>
                  <dt>{t(label)}</dt>
                  <dd>{num(state.figures[field] as number)}</dd>
                </div>
              ))}
            </dl>
            <p data-figure="regions">
              {t('figures.regions', {
                cities: num(state.figures.cities),
                districts: num(state.figures.districts),
                villages: num(state.figures.villages),
              })}
            </p>
          </div>
          <div>
            <CityBars rows={state.figures.membersByCity} />
            <p className="muted small">{t('figures.updated', { time: dateTime(state.at) })}</p>
          </div>
        </div>
      )}
    </section>
  );
}

function CityBars({ rows }: { rows: PublicFigures['membersByCity'] }) {
  const { t, num } = useI18n();
  const widths = barWidths(rows.map((r) => r.members));
  const total = rows.reduce((s, r) => s + r.members, 0);
  return (
    <>
      <h3>{t('figures.byCity')}</h3>
      {total === 0 && <p className="muted">{t('figures.byCityEmpty')}</p>}
      <ul className="bars">
        {rows.map((r, i) => (
          <li key={r.code} data-city={r.code}>
            <span className="bar-label">
              <span>{r.name}</span>
              <span className="bar-value">{num(r.members)}</span>
            </span>
            <span className="bar" aria-hidden="true">
              <span style={{ width: `${widths[i]}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
