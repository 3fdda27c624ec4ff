import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useResource } from '../ui/load.ts';
import { api } from './api.ts';
import { Link, navigate, usePath } from './router.tsx';
import { type Me, setFlash, signedOut } from './session.ts';

type Bilingual = { id: string; en: string };

/** The notifications page announces a change of what is read with this event; the count then asks again. */
export const NOTIFICATIONS_CHANGED = 'pasar-lokal:notifications';

/**
 * How many of my notifications are unread: asked on every page change and after marking read. Only this strip
 * (logged-in people) asks, so the home page of a visitor stays light. A failure just shows no number.
 */
function useUnread(me: Me): number {
  const path = usePath();
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const bump = () => setChanges((n) => n + 1);
    window.addEventListener(NOTIFICATIONS_CHANGED, bump);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED, bump);
  }, []);
  // keep: the last number stays while a page change asks again; a failure just shows no number.
  const { state } = useResource(
    () =>
      me.mustEnrolTotp // the server opens nothing else until TOTP is set up
        ? undefined
        : fetch('/api/notifications/unread-count', {
            headers: { accept: 'application/json' },
            credentials: 'same-origin',
          }).then((r) =>
            r.ok ? (r.json() as Promise<{ unread: number }>) : Promise.reject(new Error(`HTTP ${r.status}`)),
          ),
    [me, path, changes],
    { keep: true },
  );
  return state.status === 'ready' ? state.unread : 0;
}

/**
 * The logged-in strip under the menu: who is logged in, "Keluar", and "Keluar dari semua perangkat" for a lost or
 * shared phone. Its own chunk: anonymous visitors (most of them) never download it.
 */
export default function AccountBar({ me }: { me: Me }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const unread = useUnread(me);

  async function logout(path: '/api/auth/logout' | '/api/auth/logout-all') {
    setBusy(true);
    setFailed(false);
    try {
      const r = await api<{ message: Bilingual }>(path, { method: 'POST' });
      setFlash(r.message);
      signedOut();
      navigate('/masuk', { replace: true });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="account-bar" data-account={me.account.id}>
      <p className="who">
        <span className="sr-only">{t('account.signedInAs')} </span>
        <strong>{me.account.displayName}</strong>
      </p>
      <Link href="/notifikasi" className="header-button account-notifications" data-unread={unread}>
        {t('account.notifications')}
        {unread > 0 && (
          <span className="account-unread">
            {' '}
            {unread > 99 ? '99+' : unread}
            <span className="sr-only"> {t('account.unread')}</span>
          </span>
        )}
      </Link>
      <button type="button" className="header-button" disabled={busy} onClick={() => void logout('/api/auth/logout')}>
        {t('account.logout')}
      </button>
      <button
        type="button"
        className="header-button quiet"
        disabled={busy}
        onClick={() => void logout('/api/auth/logout-all')}
      >
        {t('account.logoutAll')}
      </button>
      {failed && (
        <p role="alert" className="account-error">
          {t('account.logoutFailed')}
        </p>
      )}
    </div>
  );
}
