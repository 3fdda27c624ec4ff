import { Page } from '../../app/Page.tsx';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/id.ts';
import { Figures } from './Figures.tsx';
import { ProductSearch } from './ProductSearch.tsx';

// The seven stages of Jakpreneur (7P), spelled out so every key stays visible to the i18n key check.
const STAGES: readonly [string, MessageKey, MessageKey][] = [
  ['P1', 'jakpreneur.p1', 'jakpreneur.p1.text'],
  ['P2', 'jakpreneur.p2', 'jakpreneur.p2.text'],
  ['P3', 'jakpreneur.p3', 'jakpreneur.p3.text'],
  ['P4', 'jakpreneur.p4', 'jakpreneur.p4.text'],
  ['P5', 'jakpreneur.p5', 'jakpreneur.p5.text'],
  ['P6', 'jakpreneur.p6', 'jakpreneur.p6.text'],
  ['P7', 'jakpreneur.p7', 'jakpreneur.p7.text'],
];

/** The public home page: what the programme is, in plain words, and what it holds today. */
export function HomePage() {
  const { t } = useI18n();
  return (
    <Page title={t('home.title')} heading={t('home.heading')}>
      <p className="lead">{t('home.lead')}</p>
      <ProductSearch />
      <p className="actions">
        <Link href="/masuk" className="button">
          {t('home.cta.login')}
        </Link>
        <Link href="/daftar" className="button secondary">
          {t('home.cta.register')}
        </Link>
      </p>

      <Figures />

      <section aria-labelledby="audience-h">
        <h2 id="audience-h">{t('audience.heading')}</h2>
        <div className="cards">
          <article className="card">
            <h3>{t('audience.owner')}</h3>
            <p>{t('audience.owner.text')}</p>
          </article>
          <article className="card">
            <h3>{t('audience.civil')}</h3>
            <p>{t('audience.civil.text')}</p>
          </article>
        </div>
      </section>

      <section aria-labelledby="jakpreneur-h">
        <h2 id="jakpreneur-h">{t('jakpreneur.heading')}</h2>
        <p>{t('jakpreneur.intro')}</p>
        <ol className="stages">
          {STAGES.map(([code, title, text]) => (
            <li key={code}>
              <span className="stage-code" aria-hidden="true">
                {code}
              </span>
              <span>
                <strong>
                  <span className="sr-only">{code} </span>
                  {t(title)}
                </strong>
                <br />
                {t(text)}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="channels-h">
        <h2 id="channels-h">{t('channels.heading')}</h2>
        <div className="cards">
          <article className="card">
            <h3>{t('channels.eorder')}</h3>
            <p>{t('channels.eorder.text')}</p>
          </article>
          <article className="card">
            <h3>{t('channels.jbl')}</h3>
            <p>{t('channels.jbl.text')}</p>
            <p>
              <Link href="/jumat-beli-lokal">{t('channels.jbl.link')}</Link>
            </p>
          </article>
          <article className="card">
            <h3>{t('channels.mall')}</h3>
            <p>{t('channels.mall.text')}</p>
          </article>
        </div>
      </section>
    </Page>
  );
}
