import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import type { Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { RequireAbility } from '../../ui/not-allowed.tsx';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { messages } from './i18n.ts';
import { CurationNav, SubmissionItem } from './shared.tsx';
import type { SubmissionSummary } from './types.ts';

/**
 * `/kurasi/antrian`: what waits for my step — the pendamping's verifications, the kasatpel's validations, the
 * kurator's scoring — soonest due first, the overdue ones marked. Each opens the submission to act on it.
 */
export default function QueuePage() {
  const { t } = useAreaI18n(messages);
  return (
    <RequireAbility
      ability="curation.worksQueue"
      title={t('curation.queue.title')}
      message={t('curation.queue.notOfficer')}
    >
      {(me) => <QueueView me={me} />}
    </RequireAbility>
  );
}

function QueueView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const { state, reload } = useResource(() => api<{ items: SubmissionSummary[] }>('/api/curation/queue?limit=200'), []);
  const overdue = state.status === 'ready' ? state.items.filter((s) => s.overdueDays > 0).length : 0;
  return (
    <Page title={t('curation.queue.title')}>
      <CurationNav me={me} />
      <p className="lead">{t('curation.queue.intro')}</p>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && (
        <>
          <p role="status" className="cur-counts">
            {state.items.length === 0
              ? t('curation.queue.empty')
              : t('curation.queue.counts', { n: i18n.num(state.items.length), overdue: i18n.num(overdue) })}
          </p>
          <ul className="items cur-list">
            {state.items.map((s) => (
              <SubmissionItem
                key={s.id}
                s={s}
                i18n={i18n}
                action={t(
                  s.step === 'score'
                    ? 'curation.queue.score'
                    : s.step === 'validate'
                      ? 'curation.queue.validate'
                      : 'curation.queue.verify',
                )}
              />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

/** `/kurasi/terlambat`: submissions past their step's due date within my scope, most overdue first. */
export function OverduePage() {
  const { t } = useAreaI18n(messages);
  return (
    <RequireAbility
      ability="curation.watchesOverdue"
      title={t('curation.overdue.title')}
      message={t('curation.overdue.notAllowed')}
    >
      {(me) => <OverdueView me={me} />}
    </RequireAbility>
  );
}

function OverdueView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const { state, reload } = useResource(
    () => api<{ today: string; items: SubmissionSummary[] }>('/api/curation/overdue'),
    [],
  );
  return (
    <Page title={t('curation.overdue.title')}>
      <CurationNav me={me} />
      <p className="lead">{t('curation.overdue.intro')}</p>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && (
        <>
          <p role="status" className="cur-counts">
            {state.items.length === 0
              ? t('curation.overdue.empty', { today: i18n.date(state.today) })
              : t('curation.overdue.counts', { n: i18n.num(state.items.length), today: i18n.date(state.today) })}
          </p>
          <ul className="items cur-list">
            {state.items.map((s) => (
              <SubmissionItem key={s.id} s={s} i18n={i18n} action={t('curation.overdue.open')} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
