import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { Link } from '../../app/router.tsx';
import type { Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { FormAlert, msgText, problemText, SubmitButton, useSubmit } from '../../ui/form.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { RequireAbility } from '../../ui/not-allowed.tsx';
import { LoadMore, LoadStatus, useResource } from '../../ui/resource.tsx';
import { messages } from './i18n.ts';
import { type CurationI18n, CurationNav, channelKey, SubmissionItem, WhatsappLinks } from './shared.tsx';
import type { Call, EligibleProduct, StepResult, SubmissionSummary } from './types.ts';

/**
 * `/kurasi`: the owner's curation — the open calls (what each asks, how many places are left, until when), a
 * product submitted to one of them, and where each of my submissions stands.
 */
export default function OwnerCurationPage() {
  const { t } = useAreaI18n(messages);
  return (
    <RequireAbility ability="curation.submits" title={t('curation.owner.title')} message={t('curation.owner.notOwner')}>
      {(me) => <OwnerView me={me} />}
    </RequireAbility>
  );
}

function OwnerView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const mine = useMine();
  return (
    <Page title={t('curation.owner.title')}>
      <CurationNav me={me} />
      <p className="lead">{t('curation.owner.intro')}</p>
      <OpenCalls i18n={i18n} onSubmitted={mine.reload} />
      <MySubmissions mine={mine} i18n={i18n} />
    </Page>
  );
}

function OpenCalls({ i18n, onSubmitted }: { i18n: CurationI18n; onSubmitted: () => void }) {
  const { t } = i18n;
  const { state, reload } = useResource(() => api<{ items: Call[] }>('/api/curation/calls?status=open'), []);
  return (
    <section aria-labelledby="cur-open-h">
      <h2 id="cur-open-h">{t('curation.owner.calls')}</h2>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && state.items.length === 0 && <p className="notice">{t('curation.owner.noCalls')}</p>}
      {state.status === 'ready' && (
        <ul className="cur-cards">
          {state.items.map((c) => (
            <CallCard key={c.id} call={c} i18n={i18n} onSubmitted={onSubmitted} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CallCard({ call: c, i18n, onSubmitted }: { call: Call; i18n: CurationI18n; onSubmitted: () => void }) {
  const { t, lang } = i18n;
  const [open, setOpen] = useState(false);
  const h = `cur-call-${c.id}`;
  const left = Math.max(0, c.quota - c.passedCount);
  return (
    <li className="cur-card" data-call={c.id} aria-labelledby={h}>
      <h3 id={h}>{c.title[lang]}</h3>
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
          <dt>{t('curation.call.quotaLeft')}</dt>
          <dd>{t('curation.call.quotaOf', { left: i18n.num(left), quota: i18n.num(c.quota) })}</dd>
        </div>
        <div>
          <dt>{t('curation.call.rubric')}</dt>
          <dd>{c.rubric.name[lang]}</dd>
        </div>
      </dl>
      {c.description[lang] && <p>{c.description[lang]}</p>}
      <p className="cur-criteria">
        <strong>{t('curation.call.criteria')}:</strong> {c.criteria[lang]}
      </p>
      {c.requiresHalal && <p className="cur-criteria cur-halal">{t('curation.call.requiresHalal')}</p>}
      {!c.acceptingSubmissions ? (
        <p className="muted">{t('curation.owner.notAccepting')}</p>
      ) : open ? (
        <SubmitForm call={c} i18n={i18n} onSubmitted={onSubmitted} onCancel={() => setOpen(false)} />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setOpen(true)} aria-describedby={h}>
            {t('curation.owner.submitOpen')}
          </button>
        </p>
      )}
    </li>
  );
}

/** Pick one of my products: those the call cannot take are shown too, disabled, with the reason. */
function SubmitForm({
  call,
  i18n,
  onSubmitted,
  onCancel,
}: {
  call: Call;
  i18n: CurationI18n;
  onSubmitted: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const { state, reload } = useResource(
    () => api<{ items: EligibleProduct[] }>(`/api/curation/eligible-products?callId=${call.id}`),
    [call.id],
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [done, setDone] = useState<StepResult | null>(null);
  const [missing, setMissing] = useState(false);
  const { errors, failure, busy, submit } = useSubmit(form);
  const legend = useId();
  const said = useRef<HTMLParagraphElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when `done` changes; the ref is stable
  useEffect(() => said.current?.focus(), [done]); // the form is gone: the keyboard goes to what happened

  async function send(e: FormEvent) {
    e.preventDefault();
    setMissing(chosen === null);
    if (chosen === null)
      return form.current?.querySelector<HTMLInputElement>('input[type=radio]:not(:disabled)')?.focus();
    await submit(async () => {
      const r = await api<StepResult>(`/api/curation/calls/${call.id}/submissions`, {
        method: 'POST',
        body: notes.trim() ? { productId: chosen, notes: notes.trim() } : { productId: chosen },
      });
      setDone(r);
      onSubmitted();
    });
  }

  if (done)
    return (
      <div className="cur-done">
        <p ref={said} tabIndex={-1} role="status" className="notice">
          {t('curation.owner.submitted', {
            product: done.submission.product.name,
            date: done.submission.dueText?.[lang] ?? '—',
          })}
        </p>
        <WhatsappLinks links={done.whatsapp} />
        <p>
          <Link href={`/kurasi/pengajuan/${done.submission.id}`}>{t('curation.owner.seeSubmission')}</Link>
        </p>
      </div>
    );
  const productError = missing ? t('curation.owner.pickProduct') : msgText(errors.productId, i18n);
  return (
    <form
      ref={form}
      className="form cur-submit"
      noValidate
      onSubmit={send}
      aria-label={t('curation.owner.submitTo', { call: call.title[lang] })}
    >
      <LoadStatus state={state} onRetry={reload} secondary />
      {state.status === 'ready' && state.items.length === 0 && (
        <div className="notice">
          <p>{t('curation.owner.noProducts')}</p>
          <p>
            <Link href="/usaha-saya/produk/baru">{t('curation.owner.addProduct')}</Link>
          </p>
        </div>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <>
          <FormAlert>{failure !== undefined && !productError ? problemText(failure, i18n) : null}</FormAlert>
          <fieldset
            className={`cur-choices${productError ? ' has-error' : ''}`}
            aria-describedby={productError ? `${legend}-error` : undefined}
          >
            <legend id={legend}>{t('curation.owner.product')}</legend>
            {state.items.map((p) => (
              <ProductChoice
                key={p.productId}
                p={p}
                chosen={chosen === p.productId}
                invalid={!!productError}
                onChoose={() => {
                  setChosen(p.productId);
                  setMissing(false);
                }}
                i18n={i18n}
              />
            ))}
            {productError && (
              <p id={`${legend}-error`} className="field-error">
                {productError}
              </p>
            )}
          </fieldset>
          <TextAreaField
            name="notes"
            label={t('curation.owner.notes')}
            hint={t('curation.owner.notesHint')}
            maxLength={2000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
          <p className="actions">
            <SubmitButton busy={busy} busyText={t('curation.sending')}>
              {t('curation.owner.submit')}
            </SubmitButton>
            <button type="button" className="button secondary" onClick={onCancel}>
              {t('curation.cancel')}
            </button>
          </p>
        </>
      )}
    </form>
  );
}

function ProductChoice({
  p,
  chosen,
  invalid,
  onChoose,
  i18n,
}: {
  p: EligibleProduct;
  chosen: boolean;
  invalid: boolean;
  onChoose: () => void;
  i18n: CurationI18n;
}) {
  const { t, lang } = i18n;
  const id = `cur-p-${p.productId}`;
  return (
    <div className={p.eligible ? 'cur-choice' : 'cur-choice is-disabled'} data-product={p.productId}>
      <input
        type="radio"
        id={id}
        name="productId"
        value={p.productId}
        checked={chosen}
        disabled={!p.eligible}
        onChange={onChoose}
        aria-invalid={invalid || undefined}
        aria-describedby={p.reason ? `${id}-why` : undefined}
      />
      <label htmlFor={id}>
        <span className="primary">{p.name}</span>
        <span className="secondary">{p.umkmName}</span>
      </label>
      {p.reason && (
        <p id={`${id}-why`} className="hint cur-why">
          {t('curation.owner.notEligible', { reason: p.reason[lang] })}{' '}
          {p.submissionId ? (
            <Link href={`/kurasi/pengajuan/${p.submissionId}`}>{t('curation.owner.seeSubmission')}</Link>
          ) : (
            <Link href={`/usaha-saya/produk/${p.productId}`}>{t('curation.owner.editProduct')}</Link>
          )}
        </p>
      )}
    </div>
  );
}

type Mine = ReturnType<typeof useMine>;

/** My submissions, newest first, a page at a time. */
function useMine() {
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: undefined });
  const r = useResource(
    () => api<{ items: SubmissionSummary[]; nextCursor: string | null }>('/api/curation/submissions?limit=20'),
    [],
  );
  async function loadMore() {
    if (r.state.status !== 'ready' || !r.state.nextCursor) return;
    setMore({ busy: true, error: undefined });
    try {
      const next = await api<{ items: SubmissionSummary[]; nextCursor: string | null }>(
        `/api/curation/submissions?limit=20&cursor=${encodeURIComponent(r.state.nextCursor)}`,
      );
      r.setState((s) =>
        s.status === 'ready' ? { ...s, items: [...s.items, ...next.items], nextCursor: next.nextCursor } : s,
      );
      setMore({ busy: false, error: undefined });
    } catch (error) {
      setMore({ busy: false, error });
    }
  }
  return { ...r, more, loadMore };
}

function MySubmissions({ mine, i18n }: { mine: Mine; i18n: CurationI18n }) {
  const { t } = i18n;
  const { state, reload, more, loadMore } = mine;
  return (
    <section aria-labelledby="cur-mine-h">
      <h2 id="cur-mine-h">{t('curation.owner.mine')}</h2>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && state.items.length === 0 && <p className="muted">{t('curation.owner.noneYet')}</p>}
      {state.status === 'ready' && state.items.length > 0 && (
        <ul className="items cur-list">
          {state.items.map((s) => (
            <SubmissionItem
              key={s.id}
              s={s}
              i18n={i18n}
              action={
                s.status === 'returned' || s.status === 'not_passed'
                  ? t('curation.owner.improve')
                  : s.status === 'passed'
                    ? t('curation.owner.seeResult')
                    : undefined
              }
            />
          ))}
        </ul>
      )}
      {state.status === 'ready' && (
        <LoadMore
          more={!!state.nextCursor}
          busy={more.busy}
          error={more.error}
          label={t('curation.loadMore')}
          onLoad={() => void loadMore()}
        />
      )}
    </section>
  );
}
