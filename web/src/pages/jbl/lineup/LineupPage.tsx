// `/jbl/susunan?edisi=<id>`: an edition's line-up for the Dinas — every product with why it was chosen, kecamatan by
// kecamatan against the quota, the city office's picks; building by rotation, adding a pick and removing an item,
// each with a reason (who may: the abilities jbl.seesLineup and jbl.managesLineup from the server's policy).
import { useState } from 'react';
import type { Lineup, LineupItem } from '../../../../../src/jbl/lineup-schema.ts';
import type { Edition, EditionStatus } from '../../../../../src/jbl/schema.ts';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { navigate, useSearch } from '../../../app/router.tsx';
import { can, type Me } from '../../../app/session.ts';
import { FormAlert, problemText } from '../../../ui/form.tsx';
import { RequireAbility } from '../../../ui/not-allowed.tsx';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { AddPickForm, ItemCard, type JblI18n, useJblI18n } from './lineup-parts.tsx';

export default function LineupPage() {
  const { t } = useJblI18n();
  return (
    <RequireAbility ability="jbl.seesLineup" title={t('jblLineup.lineup.title')} message={t('jblLineup.notAllowed')}>
      {(me) => <LineupView me={me} />}
    </RequireAbility>
  );
}

/** The editions whose line-up can still matter: open and live first, then planned, nearest first. */
function useEditions() {
  const open = useGet<{ items: Edition[] }>('/api/jbl/editions?status=open');
  const live = useGet<{ items: Edition[] }>('/api/jbl/editions?status=live');
  const planned = useGet<{ items: Edition[] }>('/api/jbl/editions?status=planned');
  const all = [live, open, planned].flatMap((g) => (g.status === 'ready' ? g.data.items : []));
  return { editions: all, ready: [live, open, planned].every((g) => g.status === 'ready'), state: planned };
}

function LineupView({ me }: { me: Me }) {
  const i18n = useJblI18n();
  const { t } = i18n;
  const search = useSearch();
  const { editions, ready, state } = useEditions();
  const chosen = Number(new URLSearchParams(search).get('edisi')) || editions[0]?.id;
  const lineup = useGet<Lineup>(chosen ? `/api/jbl/editions/${chosen}/lineup` : null);
  const [shown, setShown] = useState<{ lineup: Lineup; note: string } | null>(null);
  const [buildError, setBuildError] = useState<string | null>(null);
  const current =
    shown && shown.lineup.edition.id === chosen ? shown.lineup : lineup.status === 'ready' ? lineup.data : null;
  const mayChange =
    can(me, 'jbl.managesLineup') && !!current && !['closed', 'skipped'].includes(current.edition.status);
  const done = (l: Lineup, note: string) => setShown({ lineup: l, note });
  const status = (s: EditionStatus) => t(`jblLineup.status.${s}` as const);

  const build = async () => {
    setBuildError(null);
    try {
      done(
        await api<Lineup>(`/api/jbl/editions/${chosen}/lineup/build`, { method: 'POST' }),
        t('jblLineup.lineup.built'),
      );
    } catch (err) {
      setBuildError(problemText(err, i18n));
    }
  };

  return (
    <Page title={t('jblLineup.lineup.title')}>
      <p className="lead">{t('jblLineup.lineup.intro')}</p>
      <LoadStatus state={state} onRetry={state.reload} />
      {ready && !editions.length && <p className="notice">{t('jblLineup.lineup.noEditions')}</p>}
      {editions.length > 0 && (
        <div className="field">
          <label htmlFor="jbl-edition">{t('jblLineup.lineup.edition')}</label>
          <select
            id="jbl-edition"
            value={chosen}
            onChange={(e) => navigate(`/jbl/susunan?edisi=${e.target.value}`, { replace: true, keepScroll: true })}
          >
            {editions.map((e) => (
              <option key={e.id} value={e.id}>
                {t('jblLineup.lineup.editionOption', {
                  day: i18n.date(e.heldOn),
                  host: e.host.name,
                  status: status(e.status),
                })}
              </option>
            ))}
          </select>
        </div>
      )}
      <LoadStatus state={lineup} onRetry={lineup.reload} />
      {current && (
        <>
          <p>
            {status(current.edition.status)} ·{' '}
            {t('jblLineup.lineup.facts', {
              host: current.edition.host.name,
              quota: current.quota,
              used: current.cityPicks.used,
              limit: current.cityPicks.limit,
            })}
          </p>
          {shown?.note && shown.lineup === current && <p role="status">{shown.note}</p>}
          {mayChange && ['planned', 'open'].includes(current.edition.status) && (
            <div className="stack">
              <button type="button" className="button" onClick={() => void build()}>
                {t('jblLineup.lineup.build')}
              </button>
              <p className="hint">{t('jblLineup.lineup.buildHint')}</p>
              {buildError && <FormAlert>{buildError}</FormAlert>}
            </div>
          )}
          {mayChange && <AddPickForm editionId={current.edition.id} i18n={i18n} onDone={done} />}
          <Items lineup={current} mayChange={mayChange} i18n={i18n} onDone={done} />
        </>
      )}
    </Page>
  );
}

/** The items kecamatan by kecamatan (rotation against the quota), then the city office's picks. */
function Items({
  lineup,
  mayChange,
  i18n,
  onDone,
}: {
  lineup: Lineup;
  mayChange: boolean;
  i18n: JblI18n;
  onDone: (l: Lineup, note: string) => void;
}) {
  const { t } = i18n;
  if (!lineup.items.length) return <p className="muted">{t('jblLineup.lineup.empty')}</p>;
  const rotation = (code: string) => lineup.items.filter((i) => i.pick !== 'city_pick' && i.kecamatan.code === code);
  const groups: [string, LineupItem[]][] = [
    ...lineup.kecamatan.map(
      (k) =>
        [
          t('jblLineup.lineup.kecamatan', { name: k.name, listed: k.listed, quota: lineup.quota }),
          rotation(k.code),
        ] as [string, LineupItem[]],
    ),
    [t('jblLineup.lineup.cityPicks'), lineup.items.filter((i) => i.pick === 'city_pick')],
  ];
  return (
    <>
      {groups
        .filter(([, items]) => items.length)
        .map(([title, items]) => (
          <section key={title}>
            <h2>{title}</h2>
            <ul className="cards plain">
              {items.map((item) => (
                <ItemCard
                  key={item.id}
                  item={item}
                  editionId={lineup.edition.id}
                  mayChange={mayChange}
                  i18n={i18n}
                  onDone={onDone}
                />
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}
