import { type ReactNode, useState } from 'react';
import type { z } from 'zod';
import type { ProductPage as ProductAnswer } from '../../../../src/catalog/schema.ts';
import { localDate } from '../../../../src/platform/time.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { messages } from './i18n.ts';
import { type Photo, photoList } from './photos.ts';
import { lastSearchHref } from './search-data.ts';
import { searchHref, shortRegion } from './search-state.ts';

type Msg = AreaI18n<keyof typeof messages.id>;
type Product = Omit<z.infer<typeof ProductAnswer>, 'photos'> & { photos?: unknown };

/** `/produk/:productId`: a curated product, its seller's public profile and where to buy it. */
export default function ProductPage({ params }: PageProps) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const id = params.productId ?? '';
  // A malformed id is a "not found" without asking the server.
  const { state, reload } = useResource(
    () =>
      /^[1-9]\d{0,15}$/.test(id)
        ? api<Product>(`/api/catalog/products/${id}`).then((product) => ({ product }))
        : Promise.reject(new ApiProblem(404, 'not_found', undefined)),
    [id],
  );
  const notFound = state.status === 'error' && state.error instanceof ApiProblem && state.error.status === 404;
  const back = lastSearchHref();
  const title =
    state.status === 'ready'
      ? state.product.name
      : notFound
        ? t('catalog.product.notFound')
        : t('catalog.product.title');
  return (
    <Page title={title}>
      <p>
        <Link href={back ?? '/cari'} className="cat-back">
          {back ? t('catalog.product.back') : t('catalog.product.toSearch')}
        </Link>
      </p>
      {notFound ? (
        <p className="notice">{t('catalog.product.notFoundText')}</p>
      ) : (
        <LoadStatus state={state} onRetry={reload} />
      )}
      {state.status === 'ready' && <Product product={state.product} i18n={i18n} />}
    </Page>
  );
}

function Product({ product: p, i18n }: { product: Product; i18n: Msg }) {
  const { t } = i18n;
  const qty = (n: number) => `${i18n.num(n)} ${p.unit}`;
  const curatedOn = i18n.date(localDate(new Date(p.curation.curatedAt)));
  return (
    <>
      <div className="cat-product">
        <Photos photos={photoList(p.photos)} name={p.name} i18n={i18n} />
        <div>
          <p className="cat-price cat-price-big">
            {t('catalog.item.price', { price: i18n.rupiah(p.price), unit: p.unit })}
          </p>
          <p className="cat-badges">
            {p.curation.grade && (
              <span className="cat-badge cat-grade">{t('catalog.grade', { grade: p.curation.grade })}</span>
            )}
            {p.halal && <span className="cat-badge cat-halal">{t('catalog.halal.true')}</span>}
          </p>
          <h2 className="sr-only">{t('catalog.product.details')}</h2>
          <dl className="facts">
            <Fact label={t('catalog.product.minOrder')}>{qty(p.minOrder)}</Fact>
            <Fact label={t('catalog.product.leadTime')}>
              {p.leadTimeDays > 0
                ? t('catalog.product.leadTimeDays', { n: i18n.num(p.leadTimeDays) })
                : t('catalog.product.leadTimeNone')}
            </Fact>
            <Fact label={t('catalog.product.stock')}>
              {p.stock > 0 ? qty(p.stock) : t('catalog.product.stockNone')}
            </Fact>
            <Fact label={t('catalog.product.halal')}>
              {t(p.halal ? 'catalog.product.halalYes' : 'catalog.product.halalNo')}
            </Fact>
            <Fact label={t('catalog.product.curation')}>
              {p.curation.grade
                ? t('catalog.product.curatedGrade', { grade: p.curation.grade, date: curatedOn })
                : t('catalog.product.curated', { date: curatedOn })}
            </Fact>
            <Fact label={t('catalog.product.category')}>
              <Link href={searchHref({ q: '', category: p.category.code })}>{p.category.name[i18n.lang]}</Link>
            </Fact>
          </dl>
        </div>
      </div>
      {p.description.trim() && (
        <section aria-labelledby="cat-desc-h">
          <h2 id="cat-desc-h">{t('catalog.product.description')}</h2>
          <p className="cat-description">{p.description}</p>
        </section>
      )}
      <WhereToBuy channels={p.channels} inEdition={p.inEdition} i18n={i18n} />
      <Seller seller={p.seller} i18n={i18n} />
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The chosen photo large, the others as thumbnails to choose; a neutral frame when there is none. */
function Photos({ photos, name, i18n }: { photos: Photo[]; name: string; i18n: Msg }) {
  const { t } = i18n;
  const [shown, setShown] = useState(0);
  if (photos.length === 0) {
    return (
      <div className="cat-photo cat-photo-none">
        <svg aria-hidden="true" viewBox="0 0 48 48" width="48" height="48">
          <rect x="6" y="10" width="36" height="28" rx="4" fill="none" stroke="currentColor" strokeWidth="3" />
          <circle cx="18" cy="20" r="4" fill="currentColor" />
          <path d="M9 35l11-11 7 7 5-5 7 9" fill="none" stroke="currentColor" strokeWidth="3" />
        </svg>
        <span>{t('catalog.product.noPhoto')}</span>
      </div>
    );
  }
  const photo = photos[Math.min(shown, photos.length - 1)]!;
  return (
    <section className="cat-photos" aria-label={t('catalog.product.photos')}>
      <img
        className="cat-photo"
        src={photo.displayUrl}
        width={photo.width}
        height={photo.height}
        alt={t('catalog.product.photo', { n: shown + 1, total: photos.length, name })}
      />
      {photos.length > 1 && (
        <ul className="cat-thumbs">
          {photos.map((ph, i) => (
            <li key={ph.displayUrl}>
              <button
                type="button"
                aria-pressed={i === shown}
                aria-label={t('catalog.product.showPhoto', { n: i + 1 })}
                onClick={() => setShown(i)}
              >
                <img src={ph.thumbUrl} alt="" loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What a shop sign shows: name, kind, size, where, and who fosters it. Never the owner or their contacts. */
function Seller({ seller: s, i18n }: { seller: Product['seller']; i18n: Msg }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="cat-seller-h" className="cat-seller">
      <h2 id="cat-seller-h">{t('catalog.product.seller')}</h2>
      <p className="cat-seller-name">{s.name}</p>
      <dl className="facts">
        <Fact label={t('catalog.product.kind')}>{t(`catalog.kind.${s.kind}`)}</Fact>
        <Fact label={t('catalog.product.size')}>
          {s.sizeClass ? t(`catalog.size.${s.sizeClass}`) : t('catalog.product.none')}
        </Fact>
        <Fact label={t('catalog.product.location')}>
          {t('catalog.product.locationText', {
            village: s.village.name,
            district: s.district.name,
            city: shortRegion(s.city.name),
          })}
        </Fact>
        <Fact label={t('catalog.product.pengampu')}>
          {s.pengampu.length ? s.pengampu.map((a) => a.name).join('; ') : t('catalog.product.none')}
        </Fact>
      </dl>
      <p>
        <Link href={searchHref({ q: '', city: s.city.code, district: s.district.code })} className="cat-back">
          {t('catalog.product.moreFromDistrict', { district: s.district.name })}
        </Link>
      </p>
    </section>
  );
}

/**
 * Each channel the product is sold in, with what it means for the buyer. Jumat Beli Lokal links to the open or live
 * edition that lists the product (its page in the storefront); the other channels' pages come later.
 */
function WhereToBuy({
  channels: flagged,
  inEdition,
  i18n,
}: {
  channels: Product['channels'];
  inEdition: Product['inEdition'];
  i18n: Msg;
}) {
  const { t } = i18n;
  const channels = inEdition && !flagged.includes('jbl') ? [...flagged, 'jbl' as const] : flagged;
  return (
    <section aria-labelledby="cat-buy-h">
      <h2 id="cat-buy-h">{t('catalog.buy.heading')}</h2>
      {channels.length === 0 ? (
        <p>{t('catalog.buy.none')}</p>
      ) : (
        <>
          <p>{t('catalog.buy.intro')}</p>
          <ul className="cards cat-channels">
            {channels.map((c) => (
              <li key={c} className="card" data-channel={c}>
                <h3>{t(`catalog.channel.${c}`)}</h3>
                <p>{t(`catalog.buy.${c}`)}</p>
                {c !== 'jbl' ? (
                  <p className="muted small">{t('catalog.buy.soon')}</p>
                ) : inEdition ? (
                  <p>
                    {t('catalog.buy.jblOpen', {
                      host: inEdition.host,
                      closes: i18n.dateTime(new Date(inEdition.preorderClosesAt)),
                    })}{' '}
                    <Link href={`/jumat-beli-lokal/${inEdition.editionId}/produk/${inEdition.itemId}`}>
                      {t('catalog.buy.jblLink')}
                    </Link>
                  </p>
                ) : (
                  <p>
                    {t('catalog.buy.jblNone')} <Link href="/jumat-beli-lokal">{t('catalog.buy.jblEditions')}</Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
