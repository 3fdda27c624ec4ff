import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { can, type Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { LoadMore, LoadStatus, useResource } from '../../ui/resource.tsx';
import { roleLabel } from '../account/home-sections.ts';
import { messages } from '../registry/i18n.ts';
import { NotAllowedPage } from '../../ui/not-allowed.tsx';

interface Entry {
  id: number;
  at: string;
  actorLabel: string;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  umkmId: number | null;
}

const PAGE = 50;

type Loaded = { items: Entry[]; total: number; more: boolean; loadingMore: boolean; moreError?: unknown };

/** `/log-audit`: every recorded change and every NIK view, newest first, for the auditor and the admin. */
export default function AuditLogPage() {
  return <RequireSession>{(me) => <AuditLog me={me} />}</RequireSession>;
}

function AuditLog({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const allowed = can(me, 'access.readsAuditLog');
  const { state, setState, reload } = useResource<Loaded>(
    () =>
      allowed
        ? api<{ items: Entry[]; total: number }>(`/api/audit-log?limit=${PAGE}`).then((r) => ({
            items: r.items,
            total: r.total,
            more: r.items.length === PAGE,
            loadingMore: false,
          }))
        : undefined,
    [allowed],
  );

  function loadMore() {
    if (state.status !== 'ready') return;
    setState({ ...state, loadingMore: true, moreError: undefined });
    api<{ items: Entry[] }>(`/api/audit-log?limit=${PAGE}&before=${state.items.at(-1)?.id ?? ''}`).then(
      (r) =>
        setState((s) =>
          s.status === 'ready'
            ? { ...s, items: [...s.items, ...r.items], more: r.items.length === PAGE, loadingMore: false }
            : s,
        ),
      (error: unknown) => setState((s) => (s.status === 'ready' ? { ...s, loadingMore: false, moreError: error } : s)),
    );
  }

  if (!allowed) return <NotAllowedPage title={t('registry.audit.title')} message={t('registry.audit.notAllowed')} />;
  return (
    <Page title={t('registry.audit.title')}>
      <p>{t('registry.audit.intro')}</p>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && (
        <>
          <p className="muted" role="status">
            {t('registry.audit.shown', { n: i18n.num(state.items.length), total: i18n.num(state.total) })}
          </p>
          <ol className="items audit" reversed>
            {state.items.map((e) => (
              <li key={e.id} data-entry={e.id}>
                <span className="primary">
                  <code>{e.action}</code> · {e.entityType} {e.entityId}
                </span>
                <span className="secondary">
                  #{e.id} · <time dateTime={e.at}>{i18n.dateTime(new Date(e.at))}</time> · {e.actorLabel}
                  {e.actorRole ? ` (${roleLabel(e.actorRole, i18n.t)})` : ''}
                  {e.umkmId !== null ? ` · UMKM #${e.umkmId}` : ''}
                </span>
              </li>
            ))}
          </ol>
          <LoadMore
            more={state.more}
            busy={state.loadingMore}
            error={state.moreError}
            label={t('registry.loadMore')}
            onLoad={loadMore}
          />
        </>
      )}
    </Page>
  );
}
