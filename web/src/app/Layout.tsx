import { lazy, type ReactNode, Suspense } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Link } from './router.tsx';
import { useSession } from './session.ts';

// Only logged-in people see the account strip, so only they download it.
const AccountBar = lazy(() => import('./AccountBar.tsx'));

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const me = session.status === 'authenticated' ? session.me : undefined;
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <Link href="/" className="brand">
            <svg aria-hidden="true" viewBox="0 0 64 64" width="28" height="28">
              <rect width="64" height="64" rx="14" fill="currentColor" />
              <path d="M14 26h36l-4 24H18z" fill="#fff" />
              <path d="M22 26a10 10 0 0 1 20 0" stroke="#fff" strokeWidth="5" fill="none" />
            </svg>
            {t('app.name')}
          </Link>
          <LanguageSwitch />
        </div>
        <nav className="wrap site-nav" aria-label={t('nav.label')}>
          <Link href="/">{t('nav.home')}</Link>
          <Link href="/cari">{t('nav.search')}</Link>
          <Link href="/peluang">{t('nav.opportunities')}</Link>
          {me ? (
            <Link href="/beranda">{t('nav.dashboard')}</Link>
          ) : (
            <>
              <Link href="/masuk">{t('nav.login')}</Link>
              <Link href="/daftar">{t('nav.register')}</Link>
            </>
          )}
        </nav>
        {me && (
          <div className="wrap">
            <Suspense fallback={null}>
              <AccountBar me={me} />
            </Suspense>
          </div>
        )}
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>{t('footer.about')}</p>
          <p>
            {t('footer.licence')} <a href="/api/docs">{t('footer.api')}</a> ·{' '}
            <a href="/api/ocds/releases">{t('footer.ocds')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
