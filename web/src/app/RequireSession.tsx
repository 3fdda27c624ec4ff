import { type ReactNode, useEffect } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate } from './router.tsx';
import { type Me, refreshSession, useSession } from './session.ts';

/**
 * Pages for logged-in people: a visitor without a session goes to the login page (and comes back after), and an
 * account that must first set up TOTP goes to enrolment, as the server would refuse everything else anyway.
 */
export function RequireSession({
  children,
  allowDuringTotpEnrolment = false,
}: {
  children: (me: Me) => ReactNode;
  allowDuringTotpEnrolment?: boolean;
}) {
  const { t } = useI18n();
  const session = useSession();
  const mustEnrol = session.status === 'authenticated' && session.me.mustEnrolTotp && !allowDuringTotpEnrolment;
  useEffect(() => {
    if (session.status === 'anonymous')
      navigate(`/masuk?lanjut=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    else if (mustEnrol) navigate('/keamanan/totp', { replace: true });
  }, [session.status, mustEnrol]);
  if (session.status === 'error')
    return (
      <div role="alert" className="notice">
        <p>{t('error.network')}</p>
        <button type="button" className="button" onClick={() => void refreshSession()}>
          {t('figures.retry')}
        </button>
      </div>
    );
  if (session.status !== 'authenticated' || mustEnrol)
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  return <>{children(session.me)}</>;
}

/** Where to go after logging in: a local path the login page was sent from, else the role home. */
export function nextPath(search: string, fallback = '/beranda'): string {
  const next = new URLSearchParams(search).get('lanjut');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/masuk') ? next : fallback;
}
