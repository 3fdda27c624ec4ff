import { Page } from '../app/Page.tsx';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** Any address the app does not know. The server still answers 200 with the app; this page says what happened. */
export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href="/" className="button">
          {t('common.backHome')}
        </Link>
      </p>
    </Page>
  );
}
