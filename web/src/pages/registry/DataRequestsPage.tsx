import { type FormEvent, useRef, useState } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { can, type Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { focusFirstError, problemText } from '../../ui/form.tsx';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { TextAreaField } from './fields.tsx';
import { messages } from './i18n.ts';
import { NotAllowedPage } from '../../ui/not-allowed.tsx';

interface DataRequest {
  id: number;
  ownerId: number;
  ownerName: string;
  businessName: string | null;
  reason: string | null;
  kind: string;
  status: string;
  requestedAt: string;
}

const STATUS = {
  open: 'registry.requests.status.open',
  done: 'registry.requests.status.done',
  rejected: 'registry.requests.status.rejected',
} as const;

/** `/admin/permintaan-data`: the admin decides owners' deletion requests, each decision with a note. */
export default function DataRequestsPage() {
  return <RequireSession>{(me) => <Requests me={me} />}</RequireSession>;
}

function Requests({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const admin = can(me, 'registry.handlesDataRequests');
  const [decided, setDecided] = useState<Bilingual>();
  const { state, reload: load } = useResource(
    () => (admin ? api<{ items: DataRequest[] }>('/api/registry/data-requests') : undefined),
    [admin],
  );

  if (!admin)
    return <NotAllowedPage title={t('registry.requests.title')} message={t('registry.requests.notAllowed')} />;
  return (
    <Page title={t('registry.requests.title')}>
      <p>{t('registry.requests.intro')}</p>
      {decided && (
        <p className="notice" role="status">
          {decided[i18n.lang]}
        </p>
      )}
      <LoadStatus state={state} onRetry={load} />
      {state.status === 'ready' && state.items.length === 0 && <p className="muted">{t('registry.requests.empty')}</p>}
      {state.status === 'ready' && state.items.length > 0 && (
        <ul className="items requests">
          {state.items.map((r) => (
            <li key={r.id} data-request={r.id} data-status={r.status}>
              <span className="primary">
                {t('registry.requests.item', { id: r.id, owner: r.ownerName, business: r.businessName ?? '—' })}
              </span>
              {r.reason && <span className="secondary">{t('registry.requests.reason', { reason: r.reason })}</span>}
              <span className="secondary">
                {t('registry.requests.requested', { time: i18n.dateTime(new Date(r.requestedAt)) })} ·{' '}
                {r.status in STATUS ? t(STATUS[r.status as keyof typeof STATUS]) : r.status}
              </span>
              {r.status === 'open' && (
                <Decide
                  request={r}
                  onDecided={(m) => {
                    setDecided(m);
                    load();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function Decide({ request, onDecided }: { request: DataRequest; onDecided: (m: Bilingual) => void }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [decision, setDecision] = useState<'done' | 'rejected' | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ decision?: Bilingual; note?: Bilingual }>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const h = `decide-${request.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: typeof errors = {};
    if (!decision) found.decision = i18n.msg('registry.requests.chooseDecision');
    if (note.trim().length < 3) found.note = i18n.msg('registry.requests.noteRequired');
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) return focusFirstError(form.current);
    setBusy(true);
    try {
      const r = await api<{ message: Bilingual }>(`/api/registry/data-requests/${request.id}/decision`, {
        method: 'POST',
        body: { decision, note: note.trim() },
      });
      onDecided(r.message);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiProblem) {
        const fe = error.fieldErrors();
        setErrors({ note: fe.note });
      }
      setFailure(error);
    }
  }

  return (
    <form ref={form} className="form decide" noValidate onSubmit={submit} aria-labelledby={h} aria-busy={busy}>
      <h3 id={h}>{t('registry.requests.decide', { id: request.id })}</h3>
      {failure !== undefined && (
        <p role="alert" className="field-error">
          {problemText(failure, i18n)}
        </p>
      )}
      <fieldset aria-describedby={errors.decision ? `${h}-decision-error` : undefined}>
        <legend>{t('registry.requests.decision')}</legend>
        {(['done', 'rejected'] as const).map((d) => (
          <label key={d} className="check">
            <input
              type="radio"
              name={`decision-${request.id}`}
              value={d}
              checked={decision === d}
              aria-invalid={errors.decision ? true : undefined}
              onChange={() => {
                setDecision(d);
                setErrors((x) => ({ ...x, decision: undefined }));
              }}
            />
            {t(d === 'done' ? 'registry.requests.erase' : 'registry.requests.reject')}
          </label>
        ))}
        {errors.decision && (
          <p id={`${h}-decision-error`} className="field-error">
            {errors.decision[i18n.lang]}
          </p>
        )}
      </fieldset>
      <TextAreaField
        name="note"
        label={t('registry.requests.note')}
        hint={t('registry.requests.note.hint')}
        value={note}
        maxLength={2000}
        onChange={(e) => {
          setNote(e.target.value);
          setErrors((x) => ({ ...x, note: undefined }));
        }}
        error={errors.note?.[i18n.lang]}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('registry.submitting') : t('registry.requests.save')}
      </button>
    </form>
  );
}
