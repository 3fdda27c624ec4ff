import type { ReactNode } from 'react';
import { Page } from '../app/Page.tsx';
import { RequireSession } from '../app/RequireSession.tsx';
import { Link } from '../app/router.tsx';
import { hasAnyRole, type Me } from '../app/session.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A page the caller's roles do not open: says so, and leads back to their home instead of a dead end. */
export function NotAllowedPage({ title, message }: { title: string; message: string }) {
  const { t } = useI18n();
  return (
    <Page title={title}>
      <p className="notice">{message}</p>
      <p>
        <Link href="/beranda">{t('dash.title')}</Link>
      </p>
    </Page>
  );
}

/**
 * A page for some roles only: a visitor logs in first (RequireSession), an account without any of `roles` gets
 * the not-allowed page with `title` and `message`, the others `children`.
 */
export function RequireRole({ roles, title, message, children }: { roles: readonly string[]; title: string; message: string; children: (me: Me) => ReactNode }) {
  return <RequireSession>{(me) => (hasAnyRole(me, roles) ? children(me) : <NotAllowedPage title={title} message={message} />)}</RequireSession>;
}
