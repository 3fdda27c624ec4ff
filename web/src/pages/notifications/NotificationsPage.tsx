import { useState } from 'react';
import { NOTIFICATIONS_CHANGED } from '../../app/AccountBar.tsx';
import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import { useAreaI18n } from '../../i18n/area.ts';
import { problemText } from '../../ui/form.tsx';
import { LoadMore, LoadStatus, useResource } from '../../ui/resource.tsx';
import { messages } from '../curation/i18n.ts';
import type { CurationI18n } from '../curation/shared.tsx';
import type { Notification, NotificationList } from '../curation/types.ts';

/** The account bar's unread count asks again when a notification is marked read here. */
const changed = () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));

/**
 * `/notifikasi`: my notifications, the unread ones first; each opens what it is about, can be marked read, and
 * can be passed on through WhatsApp with the message already written.
 */
export default function NotificationsPage() {
  return <RequireSession>{() => <Notifications />}</RequireSession>;
}

interface Lists {
  unread: Notification[];
  earlier: Notification[];
  nextCursor: string | null;
}

async function loadLists(): Promise<Lists> {
  const [unread, all] = await Promise.all([
    api<NotificationList>('/api/notifications?unread=true&limit=100'),
    api<NotificationList>('/api/notifications?limit=30'),
  ]);
  return { unread: unread.items, earlier: all.items.filter((n) => n.readAt !== null), nextCursor: all.nextCursor };
}

function Notifications() {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const { state, setState, reload } = useResource(loadLists, []);
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: undefined });
  const [failure, setFailure] = useState<unknown>();

  const markedRead = (ids: number[]) => {
    const at = new Date().toISOString();
    setState((s) => {
      if (s.status !== 'ready') return s;
      const moved = s.unread.filter((n) => ids.includes(n.id)).map((n) => ({ ...n, readAt: at }));
      return {
        ...s,
        unread: s.unread.filter((n) => !ids.includes(n.id)),
        earlier: [...moved, ...s.earlier].sort((a, b) => b.id - a.id),
      };
    });
    changed();
  };
  async function markRead(n: Notification) {
    setFailure(undefined);
    try {
      await api(`/api/notifications/${n.id}/read`, { method: 'POST' });
      markedRead([n.id]);
    } catch (e) {
      setFailure(e);
    }
  }
  async function markAll() {
    if (state.status !== 'ready') return;
    setFailure(undefined);
    try {
      await api('/api/notifications/read-all', { method: 'POST' });
      markedRead(state.unread.map((n) => n.id));
    } catch (e) {
      setFailure(e);
    }
  }
  async function loadMore() {
    if (state.status !== 'ready' || !state.nextCursor) return;
    setMore({ busy: true, error: undefined });
    try {
      const next = await api<NotificationList>(
        `/api/notifications?limit=30&cursor=${encodeURIComponent(state.nextCursor)}`,
      );
      setState((s) =>
        s.status === 'ready'
          ? {
              ...s,
              earlier: [
                ...s.earlier,
                ...next.items.filter((n) => n.readAt !== null && !s.earlier.some((x) => x.id === n.id)),
              ],
              nextCursor: next.nextCursor,
            }
          : s,
      );
      setMore({ busy: false, error: undefined });
    } catch (error) {
      setMore({ busy: false, error });
    }
  }

  return (
    <Page title={t('curation.notif.title')}>
      <LoadStatus state={state} onRetry={reload} />
      {failure !== undefined && (
        <p role="alert" className="notice error">
          {problemText(failure, i18n)}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <section aria-labelledby="notif-unread-h">
            <h2 id="notif-unread-h">{t('curation.notif.unread', { n: i18n.num(state.unread.length) })}</h2>
            {state.unread.length === 0 ? (
              <p className="muted">{t('curation.notif.noneUnread')}</p>
            ) : (
              <>
                <p>
                  <button type="button" className="button secondary" onClick={() => void markAll()}>
                    {t('curation.notif.markAll')}
                  </button>
                </p>
                <ul className="items cur-notifs">
                  {state.unread.map((n) => (
                    <Item key={n.id} n={n} i18n={i18n} onRead={() => void markRead(n)} />
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-labelledby="notif-earlier-h">
            <h2 id="notif-earlier-h">{t('curation.notif.earlier')}</h2>
            {state.earlier.length === 0 && !state.nextCursor ? (
              <p className="muted">{t('curation.notif.noneEarlier')}</p>
            ) : (
              <ul className="items cur-notifs">
                {state.earlier.map((n) => (
                  <Item key={n.id} n={n} i18n={i18n} />
                ))}
              </ul>
            )}
            <LoadMore
              more={!!state.nextCursor}
              busy={more.busy}
              error={more.error}
              label={t('curation.loadMore')}
              onLoad={() => void loadMore()}
            />
          </section>
        </>
      )}
    </Page>
  );
}

function Item({ n, i18n, onRead }: { n: Notification; i18n: CurationI18n; onRead?: () => void }) {
  const { t, lang } = i18n;
  return (
    <li data-notification={n.id} data-kind={n.kind} className={n.readAt ? 'cur-notif' : 'cur-notif is-unread'}>
      <span className="primary">{n.title[lang]}</span>
      <span>{n.body[lang]}</span>
      <span className="secondary">
        <time dateTime={n.createdAt}>{i18n.dateTime(new Date(n.createdAt))}</time>
      </span>
      <span className="actions cur-notif-actions">
        {n.link && (
          <Link href={n.link} onClick={onRead}>
            {t('curation.notif.open')}
          </Link>
        )}
        <a href={n.whatsappShare} target="_blank" rel="noopener noreferrer">
          {t('curation.notif.share')}
          <span className="sr-only"> {t('curation.newWindow')}</span>
        </a>
        {onRead && (
          <button type="button" className="link-button" onClick={onRead}>
            {t('curation.notif.markRead')}
            <span className="sr-only">: {n.title[lang]}</span>
          </button>
        )}
      </span>
    </li>
  );
}
