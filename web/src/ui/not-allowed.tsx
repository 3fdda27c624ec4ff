import { Page } from '../app/Page.tsx';
import { Link } from '../app/router.tsx';
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
