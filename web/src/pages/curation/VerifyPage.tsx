import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { messages } from './i18n.ts';
import { channelKey } from './shared.tsx';
import type { PublicCertificate } from './types.ts';

const CODE = /^[A-Za-z0-9-]{6,40}$/; // the API's certificate code shape: anything else is unknown without asking

/**
 * `/verifikasi/:code`: what a certificate's QR opens, for anyone without logging in — whether the certificate is
 * valid, revoked or unknown, and what it certifies. No personal data.
 */
export default function VerifyPage({ params }: PageProps) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const code = (params.code ?? '').trim();
  const { state, reload } = useResource<{ c: PublicCertificate | null }>(
    () =>
      CODE.test(code)
        ? api<PublicCertificate>(`/api/curation/certificates/${encodeURIComponent(code)}`).then((c) => ({ c }))
        : Promise.resolve({ c: null }),
    [code],
  );
  const c = state.status === 'ready' ? state.c : null;
  const status = state.status !== 'ready' ? null : (c?.status ?? 'unknown');
  return (
    <Page title={t('curation.verify.title')}>
      <p className="muted">{t('curation.verify.intro')}</p>
      <LoadStatus state={state} onRetry={reload} />
      {status && (
        <div className={`cur-verdict cur-verdict-${status}`} data-verdict={status}>
          {/* The verdict heads its box ("Sertifikat sah"): a heading, not a big bold paragraph posing as one. */}
          <h2 className="cur-verdict-word">{t(`curation.verify.${status}`)}</h2>
          <p>{t(`curation.verify.${status}.explain`)}</p>
        </div>
      )}
      <dl className="cur-facts">
        <div>
          <dt>{t('curation.cert.code')}</dt>
          <dd>
            <code className="cur-code">{code || '—'}</code>
          </dd>
        </div>
        {c && c.status !== 'unknown' && (
          <>
            <div>
              <dt>{t('curation.verify.product')}</dt>
              <dd>{c.product}</dd>
            </div>
            <div>
              <dt>{t('curation.verify.business')}</dt>
              <dd>{c.business}</dd>
            </div>
            {c.grade && (
              <div>
                <dt>{t('curation.detail.grade')}</dt>
                <dd className="cur-grade">{c.grade}</dd>
              </div>
            )}
            {c.channel && (
              <div>
                <dt>{t('curation.call.channel')}</dt>
                <dd>{t(channelKey(c.channel))}</dd>
              </div>
            )}
            {c.call && (
              <div>
                <dt>{t('curation.detail.call')}</dt>
                <dd>{c.call[lang]}</dd>
              </div>
            )}
            {c.issuedText && (
              <div>
                <dt>{t('curation.verify.issued')}</dt>
                <dd>{c.issuedText[lang]}</dd>
              </div>
            )}
            {c.revokedOn && (
              <div>
                <dt>{t('curation.verify.revokedOn')}</dt>
                <dd>{i18n.date(c.revokedOn)}</dd>
              </div>
            )}
          </>
        )}
      </dl>
    </Page>
  );
}
