import type { ReactNode } from 'react';
import { Page } from '../app/Page.tsx';
import { RequireSession } from '../app/RequireSession.tsx';
import { Link } from '../app/router.tsx';
import { type Ability, can, type Me } from '../app/session.ts';
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
 * A page for those with an ability only: a visitor logs in first (RequireSession), an account without `ability`
 * gets the not-allowed page with `title` and `message`, the others `children`.
 */
export function RequireAbility({
  ability,
  title,
  message,
  children,
}: {
  ability: Ability;
  title: string;
  message: string;
  children: (me: Me) => ReactNode;
}) {
  return (
    <RequireSession>
      {(me) => (can(me, ability) ? children(me) : <NotAllowedPage title={title} message={message} />)}
    </RequireSession>
  );
}
