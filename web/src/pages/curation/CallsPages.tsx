import { useState } from 'react';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { Link, navigate } from '../../app/router.tsx';
import { type Me, setFlash, takeFlash } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { RequireAbility } from '../../ui/not-allowed.tsx';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { CallForm } from './CallForm.tsx';
import { messages } from './i18n.ts';
import { type CurationI18n, CurationNav, channelKey } from './shared.tsx';
import type { Call } from './types.ts';

/** `/kurasi/panggilan`: the Dinas's curation calls — drafts, open and closed — with publish and close. */
export default function CallsPage() {
  const { t } = useAreaI18n(messages);
  return (
    <RequireAbility
      ability="curation.managesCalls"
      title={t('curation.calls.title')}
      message={t('curation.calls.notAdmin')}
    >
      {(me) => <CallsView me={me} />}
    </RequireAbility>
  );
}

function CallsView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const [flash] = useState(takeFlash);
  const { state, setState, reload } = useResource(() => api<{ items: Call[] }>('/api/curation/calls?status=all'), []);
  const replace = (c: Call) =>
    setState((s) => (s.status === 'ready' ? { ...s, items: s.items.map((x) => (x.id === c.id ? c : x)) } : s));
  return (
    <Page title={t('curation.calls.title')}>
      <CurationNav me={me} />
      {flash && (
        <p role="status" className="notice">
          {flash[lang]}
        </p>
      )}
      <p>
        <Link href="/kurasi/panggilan/baru" className="button">
          {t('curation.calls.new')}
        </Link>
      </p>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && state.items.length === 0 && <p className="muted">{t('curation.calls.empty')}</p>}
      {state.status === 'ready' && (
        <ul className="cur-cards">
          {state.items.map((c) => (
            <CallRow key={c.id} c={c} i18n={i18n} onChanged={replace} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function CallRow({ c, i18n, onChanged }: { c: Call; i18n: CurationI18n; onChanged: (c: Call) => void }) {
  const { t, lang } = i18n;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [confirmClose, setConfirmClose] = useState(false);
  const h = `cur-call-${c.id}`;
  async function act(verb: 'publish' | 'close') {
    setBusy(true);
    setFailure(undefined);
    try {
      onChanged(await api<Call>(`/api/curation/calls/${c.id}/${verb}`, { method: 'POST' }));
      setConfirmClose(false);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="cur-card" data-call={c.id} data-status={c.status}>
      <h2 id={h} className="cur-card-title">
        {c.title[lang]} <span className={`cur-badge cur-call-${c.status}`}>{t(`curation.callStatus.${c.status}`)}</span>
      </h2>
      <dl className="cur-facts">
        <div>
          <dt>{t('curation.call.channel')}</dt>
          <dd>{t(channelKey(c.channel))}</dd>
        </div>
        <div>
          <dt>{t('curation.call.deadline')}</dt>
          <dd>{c.deadlineText[lang]}</dd>
        </div>
        <div>
          <dt>{t('curation.calls.passed')}</dt>
          <dd>{t('curation.call.passedOf', { passed: i18n.num(c.passedCount), quota: i18n.num(c.quota) })}</dd>
        </div>
        <div>
          <dt>{t('curation.calls.submissions')}</dt>
          <dd>{i18n.num(c.submissionCount ?? 0)}</dd>
        </div>
        <div>
          <dt>{t('curation.call.rubric')}</dt>
          <dd>{c.rubric.name[lang]}</dd>
        </div>
        <div>
          <dt>{t('curation.call.halal')}</dt>
          <dd>{c.requiresHalal ? t('curation.call.halalRequired') : t('curation.call.halalNotRequired')}</dd>
        </div>
        <div>
          <dt>{t('curation.calls.kurators')}</dt>
          <dd>
            {c.kurators?.length ? c.kurators.map((k) => k.displayName).join(', ') : t('curation.calls.noKurators')}
          </dd>
        </div>
      </dl>
      {failure !== undefined && <CallProblem e={failure} i18n={i18n} />}
      <p className="actions">
        {c.status !== 'closed' && (
          <Link href={`/kurasi/panggilan/${c.id}`} className="button secondary" aria-describedby={h}>
            {t('curation.calls.edit')}
          </Link>
        )}
        {c.status === 'draft' && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void act('publish')}
            aria-describedby={h}
          >
            {t('curation.calls.publish')}
          </button>
        )}
        {c.status === 'open' && !confirmClose && (
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => setConfirmClose(true)}
            aria-describedby={h}
          >
            {t('curation.calls.close')}
          </button>
        )}
      </p>
      {c.status === 'open' && confirmClose && (
        <div className="notice" role="group" aria-label={t('curation.calls.close')}>
          <p>{t('curation.calls.closeConfirm')}</p>
          <p className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void act('close')}>
              {t('curation.calls.closeYes')}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => setConfirmClose(false)}>
              {t('curation.cancel')}
            </button>
          </p>
        </div>
      )}
    </li>
  );
}

function CallProblem({ e, i18n }: { e: unknown; i18n: CurationI18n }) {
  const text = e instanceof ApiProblem && e.bilingual ? e.bilingual[i18n.lang] : i18n.t('error.unknown');
  return (
    <p role="alert" className="field-error">
      {text}
    </p>
  );
}

/** `/kurasi/panggilan/baru` and `/kurasi/panggilan/:callId`: a call's form (a closed call is no longer edited). */
export function CallFormPage({ params: { callId } }: PageProps) {
  const { t } = useAreaI18n(messages);
  return (
    <RequireAbility
      ability="curation.managesCalls"
      title={t('curation.calls.title')}
      message={t('curation.calls.notAdmin')}
    >
      {(me) => (callId === undefined ? <NewCall me={me} /> : <EditCall me={me} callId={callId} />)}
    </RequireAbility>
  );
}

/** The message about a call in both languages, each with the call's title in that language. */
const both = (i18n: CurationI18n, key: 'curation.calls.created' | 'curation.calls.saved', c: Call) => ({
  id: i18n.msg(key, { title: c.title.id }).id,
  en: i18n.msg(key, { title: c.title.en }).en,
});

function NewCall({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const saved = (c: Call) => {
    setFlash(both(i18n, 'curation.calls.created', c));
    navigate('/kurasi/panggilan');
  };
  return (
    <Page title={i18n.t('curation.calls.new')}>
      <CurationNav me={me} />
      <CallForm onSaved={saved} />
    </Page>
  );
}

function EditCall({ me, callId }: { me: Me; callId: string }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const valid = /^\d{1,15}$/.test(callId);
  const { state, reload } = useResource(
    () => (valid ? api<Call>(`/api/curation/calls/${callId}`).then((c) => ({ c })) : undefined),
    [callId],
  );
  const notFound =
    !valid || (state.status === 'error' && state.error instanceof ApiProblem && state.error.status === 404);
  const saved = (c: Call) => {
    setFlash(both(i18n, 'curation.calls.saved', c));
    navigate('/kurasi/panggilan');
  };
  return (
    <Page title={t('curation.calls.editTitle')}>
      <CurationNav me={me} />
      {notFound && <p className="notice">{t('curation.calls.notFound')}</p>}
      {!notFound && <LoadStatus state={state} onRetry={reload} />}
      {state.status === 'ready' &&
        (state.c.status === 'closed' ? (
          <p className="notice">{t('curation.calls.closedNoEdit')}</p>
        ) : (
          <CallForm call={state.c} onSaved={saved} />
        ))}
    </Page>
  );
}
