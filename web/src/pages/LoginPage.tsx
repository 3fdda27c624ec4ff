import { Page } from '../app/Page.tsx';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** Placeholder: the log-in form arrives with the accounts work. */
export default function LoginPage() {
  const { t } = useI18n();
  return (
    <Page title={t('login.title')}>
      <p>{t('login.soon')}</p>
      <p>
        <Link href="/">{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}
