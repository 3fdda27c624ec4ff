import { useRef, useState } from 'react';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { Link } from '../../../app/router.tsx';
import type { Me } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { SelectField, TextAreaField } from '../../../ui/fields.tsx';
import { FormAlert, problemText, useSubmit } from '../../../ui/form.tsx';
import { LoadStatus, useResource } from '../../../ui/resource.tsx';
import { ProcurementNav, RequireProc } from '../common.tsx';
import { messages } from './i18n.ts';
import { type BuyingI18n, value } from './shared.tsx';
import type { ExceptionRow, Exceptions } from './types.ts';

const STATUSES = ['requested', 'approved', 'rejected'] as const;

/**
 * `/pengadaan/pengecualian`: the mandate exceptions in the reader's scope (the bureau and auditors: every agency),
 * requested ones first; the PA/KPA of the package's agency approves or rejects each with a note.
 */
export default function ExceptionsPage() {
  const { t } = useAreaI18n(messages);
  return (
    <RequireProc
      rule="readsExceptions"
      title={t('buying.exceptions.title')}
      message={t('buying.exceptions.notAllowed')}
    >
      {(me) => <ExceptionsView me={me} />}
    </RequireProc>
  );
}

function ExceptionsView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [status, setStatus] = useState<string>('requested');
  const { state, reload } = useResource(
    () => api<Exceptions>(`/api/procurement/buying/exceptions${status ? `?status=${status}` : ''}`),
    [status],
    { keep: 'reload' },
  );
  return (
    <Page title={t('buying.exceptions.title')}>
      <ProcurementNav me={me} />
      <p className="lead">{t('buying.exceptions.intro')}</p>
      <SelectField
        name="status"
        label={t('buying.exceptions.filter')}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        options={
          <>
            <option value="">{t('buying.status.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`buying.exception.status.${s}`)}
              </option>
            ))}
          </>
        }
      />
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' &&
        (state.items.length === 0 ? (
          <p role="status">{t('buying.exceptions.empty')}</p>
        ) : (
          <ul className="items pb-list">
            {state.items.map((e) => (
              <ExceptionItem key={e.id} e={e} i18n={i18n} onDone={reload} />
            ))}
          </ul>
        ))}
    </Page>
  );
}

function ExceptionItem({ e, i18n, onDone }: { e: ExceptionRow; i18n: BuyingI18n; onDone: () => void }) {
  const { t, lang } = i18n;
  const ref = useRef<HTMLFormElement>(null);
  const { errors, failure, busy, submit } = useSubmit(ref);
  const [said, setSaid] = useState('');
  const decide = (decision: 'approve' | 'reject') =>
    submit(async () => {
      await api(`/api/procurement/buying/exceptions/${e.id}/decision`, {
        method: 'POST',
        body: { decision, note: value(ref.current!, 'note') },
      });
      setSaid(t('buying.exceptions.decided'));
      onDone();
    });
  const noteError = errors.note ? ('key' in errors.note ? t(errors.note.key) : errors.note[lang]) : undefined;
  return (
    <li data-exception={e.id} data-status={e.status}>
      <span className="primary">{e.ruleTitle[lang]}</span>
      <span className="secondary">
        {t('buying.exceptions.package')}: <Link href={`/pengadaan/paket/${e.packageId}`}>{e.packageName}</Link> ·{' '}
        {e.agency.name}
      </span>
      <span className="secondary">
        {t(`buying.exception.status.${e.status}`)} ·{' '}
        {t('buying.exceptions.requestedAt', { date: i18n.dateTime(new Date(e.requestedAt)) })}
      </span>
      <span>{e.justification}</span>
      {e.decisionNote && (
        <span className="secondary">
          {t('buying.exceptions.note')}: {e.decisionNote}
        </span>
      )}
      <p role="status">{said}</p>
      {e.canDecide && (
        <form
          ref={ref}
          aria-label={`${t('buying.exceptions.note')}: ${e.packageName}`}
          onSubmit={(ev) => ev.preventDefault()}
        >
          <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
          <TextAreaField name="note" label={t('buying.exceptions.note')} error={noteError} />
          <div className="pb-decide">
            <button type="button" className="button" disabled={busy} onClick={() => void decide('approve')}>
              {t('buying.exceptions.approve')}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => void decide('reject')}>
              {t('buying.exceptions.reject')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
