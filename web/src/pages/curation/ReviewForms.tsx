import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { useAreaI18n } from '../../i18n/area.ts';
import { FormAlert, focusFirstError, msgText, problemText, SubmitButton, useSubmit } from '../../ui/form.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { messages } from './i18n.ts';
import type { StepResult, Submission } from './types.ts';

/**
 * The pendamping's verification and the kasatpel's validation: approve, or return to the owner with notes saying
 * what to improve (the server requires them; we ask before sending).
 */
export function ReviewForm({
  kind,
  s,
  onDone,
}: {
  kind: 'verify' | 'validate';
  s: Submission;
  onDone: (r: StepResult) => void;
}) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const [notes, setNotes] = useState('');
  const { errors, setErrors, failure, busy, submit } = useSubmit(form);
  const key = (k: 'title' | 'intro' | 'approve') => `curation.review.${kind}.${k}` as const;

  async function send(decision: 'approve' | 'return') {
    if (decision === 'return' && !notes.trim()) {
      setErrors({ notes: i18n.msg('curation.review.notesRequired') });
      return focusFirstError(form.current);
    }
    await submit(async () => {
      const body = {
        decision: decision === 'approve' ? kind : 'return',
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      };
      onDone(await api<StepResult>(`/api/curation/submissions/${s.id}/${kind}`, { method: 'POST', body }));
    });
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send('approve');
  };
  const notesError = msgText(errors.notes, i18n);
  return (
    <section aria-labelledby={`cur-${kind}-h`} className="cur-section cur-action">
      <h2 id={`cur-${kind}-h`}>{t(key('title'))}</h2>
      <p className="hint">{t(key('intro'))}</p>
      <form
        ref={form}
        className="form"
        noValidate
        onSubmit={onSubmit}
        aria-labelledby={`cur-${kind}-h`}
        aria-busy={busy}
      >
        <FormAlert>{failure !== undefined && !notesError ? problemText(failure, i18n) : null}</FormAlert>
        <TextAreaField
          name="notes"
          label={t('curation.review.notes')}
          hint={t('curation.review.notesHint')}
          maxLength={2000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={notesError}
        />
        <p className="actions">
          <SubmitButton busy={busy} busyText={t('curation.sending')}>
            {t(key('approve'))}
          </SubmitButton>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void send('return')}>
            {t('curation.review.return')}
          </button>
        </p>
      </form>
    </section>
  );
}

/** A returned or not-passed product, improved by its owner, goes round again. */
export function ResubmitForm({ s, onDone }: { s: Submission; onDone: (r: StepResult) => void }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const [notes, setNotes] = useState('');
  const { failure, busy, submit } = useSubmit(form);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      onDone(
        await api<StepResult>(`/api/curation/submissions/${s.id}/resubmit`, {
          method: 'POST',
          body: notes.trim() ? { notes: notes.trim() } : {},
        }),
      );
    });
  };
  return (
    <section aria-labelledby="cur-resubmit-h" className="cur-section cur-action">
      <h2 id="cur-resubmit-h">{t('curation.resubmit.title')}</h2>
      <p>{t(s.status === 'returned' ? 'curation.resubmit.introReturned' : 'curation.resubmit.introNotPassed')}</p>
      <p>
        <Link href={`/usaha-saya/produk/${s.product.id}`} className="button secondary">
          {t('curation.resubmit.edit')}
        </Link>
      </p>
      <form
        ref={form}
        className="form"
        noValidate
        onSubmit={onSubmit}
        aria-labelledby="cur-resubmit-h"
        aria-busy={busy}
      >
        <FormAlert>{failure !== undefined ? problemText(failure, i18n) : null}</FormAlert>
        <TextAreaField
          name="notes"
          label={t('curation.resubmit.notes')}
          hint={t('curation.resubmit.notesHint')}
          maxLength={2000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <p className="actions">
          <SubmitButton busy={busy} busyText={t('curation.sending')}>
            {t('curation.resubmit.send')}
          </SubmitButton>
        </p>
      </form>
    </section>
  );
}
