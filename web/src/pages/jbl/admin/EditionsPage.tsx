// `/jumat-beli-lokal/edisi`: the Dinas plans a year's editions, decides each holiday Friday (skip, or move within
// its week, with a reason), opens pre-orders, starts the live session and closes an edition. Cards, not a table:
// the admin also works from a phone.
import { type FormEvent, useState } from 'react';
import type { Edition, EditionList, EditionYearResult } from '../../../../../src/jbl/schema.ts';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { type AreaI18n, useAreaI18n } from '../../../i18n/area.ts';
import { FormAlert, problemText } from '../../../ui/form.tsx';
import { RequireAbility } from '../../../ui/not-allowed.tsx';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { messages } from './i18n.ts';

type I18n = AreaI18n<keyof typeof messages.id>;
type Say = { ok: boolean; text: string } | null;
const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

export default function EditionsPage() {
  const i18n = useAreaI18n(messages);
  return (
    <RequireAbility
      ability="jbl.managesEditions"
      title={i18n.t('jblAdmin.title')}
      message={i18n.t('jblAdmin.notAllowed')}
    >
      {() => <Editions i18n={i18n} />}
    </RequireAbility>
  );
}

function Editions({ i18n }: { i18n: I18n }) {
  const { t } = i18n;
  const [year, setYear] = useState(thisYear());
  const list = useGet<EditionList>(`/api/jbl/editions?year=${year}`);
  const [say, setSay] = useState<Say>(null);
  const run = async (call: () => Promise<string>) => {
    try {
      setSay({ ok: true, text: await call() });
      list.reload();
    } catch (e) {
      setSay({ ok: false, text: problemText(e, i18n) });
    }
  };
  const plan = () =>
    run(async () => {
      const r = await api<EditionYearResult>('/api/jbl/editions', { method: 'POST', body: { year } });
      return t('jblAdmin.planned', { n: r.created });
    });
  return (
    <Page title={t('jblAdmin.title')}>
      <p className="lead">{t('jblAdmin.intro')}</p>
      <div className="stack">
        <label htmlFor="jbl-year">{t('jblAdmin.year')}</label>
        <select id="jbl-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear() - 1, thisYear(), thisYear() + 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => void plan()}>
          {t('jblAdmin.plan')}
        </button>
        {say && (say.ok ? <p role="status">{say.text}</p> : <FormAlert>{say.text}</FormAlert>)}
      </div>
      <LoadStatus state={list} onRetry={list.reload} />
      {list.status === 'ready' && (
        <section aria-label={t('jblAdmin.caption', { year })}>
          <h2>{t('jblAdmin.caption', { year })}</h2>
          {list.data.items.length === 0 && <p>{t('jblAdmin.none')}</p>}
          <ul className="cards jbl-editions">
            {list.data.items.map((e) => (
              <EditionCard key={e.id} e={e} i18n={i18n} run={run} />
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

function EditionCard({
  e,
  i18n,
  run,
}: {
  e: Edition;
  i18n: I18n;
  run: (call: () => Promise<string>) => Promise<void>;
}) {
  const { t, lang } = i18n;
  const act = (verb: 'open' | 'live' | 'close') =>
    run(async () => {
      await api(`/api/jbl/editions/${e.id}/${verb}`, { method: 'POST' });
      return t('jblAdmin.done');
    });
  const verbs: ('open' | 'live' | 'close')[] =
    e.status === 'planned' && !e.needsDecision
      ? ['open']
      : e.status === 'open'
        ? ['live', 'close']
        : e.status === 'live'
          ? ['close']
          : [];
  return (
    <li className="card">
      <h3>
        {i18n.date(e.heldOn)} · {e.host.name}
      </h3>
      <p>
        <span className="badge">{t(`jblAdmin.status.${e.status}`)}</span>
        {e.holiday && <span className="badge cur-attention">{t('jblAdmin.holiday', { name: e.holiday })}</span>}
        {e.needsDecision && <span className="badge cur-attention">{t('jblAdmin.needsDecision')}</span>}
      </p>
      <p>
        {t('jblAdmin.preorder')}: {e.wib.preorderOpens[lang]} {t('jblAdmin.until')} {e.wib.preorderCloses[lang]}
        <br />
        {t('jblAdmin.live')}: {e.wib.liveSession[lang]}
      </p>
      {e.decision && (
        <p className="muted">
          {e.decision.kind === 'skip'
            ? t('jblAdmin.decision.skip', { reason: e.decision.reason })
            : t('jblAdmin.decision.move', { date: i18n.date(e.heldOn), reason: e.decision.reason })}
        </p>
      )}
      {verbs.map((v) => (
        <button key={v} type="button" className="button secondary" onClick={() => void act(v)}>
          {t(`jblAdmin.do.${v}`)}
        </button>
      ))}
      {e.needsDecision && <DecideForm e={e} i18n={i18n} run={run} />}
    </li>
  );
}

function DecideForm({ e, i18n, run }: { e: Edition; i18n: I18n; run: (call: () => Promise<string>) => Promise<void> }) {
  const { t } = i18n;
  const [kind, setKind] = useState<'skip' | 'move'>('skip');
  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget);
    void run(async () => {
      await api(`/api/jbl/editions/${e.id}/decision`, {
        method: 'PATCH',
        body: {
          decision: kind,
          reason: String(f.get('reason') ?? ''),
          ...(kind === 'move' ? { movedTo: f.get('movedTo') } : {}),
        },
      });
      return t('jblAdmin.done');
    });
  };
  const id = (k: string) => `jbl-${e.id}-${k}`;
  return (
    <form className="stack" onSubmit={submit} aria-label={t('jblAdmin.decide')}>
      <fieldset>
        <legend>{t('jblAdmin.decide')}</legend>
        {(['skip', 'move'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {t(`jblAdmin.decide.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'move' && (
        <>
          <label htmlFor={id('date')}>{t('jblAdmin.decide.date')}</label>
          <input id={id('date')} name="movedTo" type="date" required />
        </>
      )}
      <label htmlFor={id('reason')}>{t('jblAdmin.decide.reason')}</label>
      <textarea id={id('reason')} name="reason" required minLength={5} rows={2} />
      <button type="submit" className="button">
        {t('jblAdmin.decide.save')}
      </button>
    </form>
  );
}
