import { Page } from '../app/Page.tsx';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** Placeholder: online registration (P1) arrives with the registry work. */
export default function RegisterPage() {
  const { t } = useI18n();
  return (
    <Page title={t('register.title')}>
      <p>{t('register.soon')}</p>
      <p>
        <Link href="/">{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}
