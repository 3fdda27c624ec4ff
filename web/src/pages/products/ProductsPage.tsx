import { useState } from 'react';
import type { MyBusinesses, ProductList } from '../../../../src/catalog/products/schema.ts';
import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import type { Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { NotAllowedPage } from '../../ui/not-allowed.tsx';
import { LoadMore, LoadStatus, useResource } from '../../ui/resource.tsx';
import { messages } from './i18n.ts';
import { CurationBadge, isOwner, StatusBadge } from './parts.tsx';

type Business = MyBusinesses['items'][number];

/** `/usaha-saya/produk`: the owner's products, one list per business, with status and curation state. */
export default function ProductsPage() {
  return <RequireSession>{(me) => <Products me={me} />}</RequireSession>;
}

function Products({ me }: { me: Me }) {
  const { t } = useAreaI18n(messages);
  const owner = isOwner(me);
  const { state, reload } = useResource<MyBusinesses>(
    () => (owner ? api<MyBusinesses>('/api/catalog/my-businesses') : undefined),
    [owner],
  );
  if (!owner) return <NotAllowedPage title={t('products.title')} message={t('products.notAllowed')} />;
  return (
    <Page title={t('products.title')}>
      <p className="lead">{t('products.intro')}</p>
      <ul className="link-list pp-links">
        <li>
          <Link href="/usaha-saya">{t('products.back')}</Link>
        </li>
      </ul>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && state.items.length === 0 && (
        <div className="notice">
          <p>{t('products.noBusiness')}</p>
          <p>
            <Link href="/daftar" className="button">
              {t('products.register')}
            </Link>
          </p>
        </div>
      )}
      {state.status === 'ready' && state.items.map((b) => <BusinessProducts key={b.id} business={b} />)}
    </Page>
  );
}

function BusinessProducts({ business: b }: { business: Business }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: undefined });
  const { state, setState, reload } = useResource<ProductList>(
    () => api<ProductList>(`/api/catalog/members/${b.id}/products`),
    [b.id],
  );
  const h = `business-${b.id}-h`;

  function loadMore() {
    if (state.status !== 'ready' || !state.nextCursor) return;
    setMore({ busy: true, error: undefined });
    api<ProductList>(`/api/catalog/members/${b.id}/products?cursor=${state.nextCursor}`).then(
      (next) => {
        setState((s) =>
          s.status === 'ready' ? { ...s, items: [...s.items, ...next.items], nextCursor: next.nextCursor } : s,
        );
        setMore({ busy: false, error: undefined });
      },
      (error: unknown) => setMore({ busy: false, error }),
    );
  }

  return (
    <section aria-labelledby={h} className="role-section pp-business" data-business={b.id}>
      <h2 id={h}>{b.name}</h2>
      <p className="muted">
        {t('products.counts', {
          published: i18n.num(b.products.published),
          draft: i18n.num(b.products.draft),
          archived: i18n.num(b.products.archived),
        })}
      </p>
      {b.halalCertificate === 'missing' && (
        <div className="notice pp-halal">
          <p>{t('products.halalMissing')}</p>
          <p>
            <Link href={`/anggota/${b.id}/izin`}>{t('products.halalAdd')}</Link>
          </p>
        </div>
      )}
      <p>
        <Link href={`/usaha-saya/produk/baru?usaha=${b.id}`} className="button">
          {t('products.add')}
        </Link>
      </p>
      <LoadStatus state={state} onRetry={reload} secondary />
      {state.status === 'ready' && state.items.length === 0 && <p className="muted">{t('products.none')}</p>}
      {state.status === 'ready' && state.items.length > 0 && (
        <ul className="pp-list" aria-label={t('products.listOf', { name: b.name })}>
          {state.items.map((p) => (
            <li key={p.id} data-product={p.id}>
              {p.cover ? (
                <img src={p.cover.thumbUrl} alt="" width={64} height={64} loading="lazy" className="pp-thumb" />
              ) : (
                <span className="pp-thumb pp-nophoto" aria-hidden="true" />
              )}
              <span className="pp-item">
                <Link href={`/usaha-saya/produk/${p.id}`} className="pp-name">
                  {p.name}
                </Link>
                <span className="secondary">
                  {t('products.perUnit', { price: i18n.rupiah(p.price), unit: p.unit })} ·{' '}
                  {p.photoCount ? t('products.photoCount', { n: i18n.num(p.photoCount) }) : t('products.noPhoto')}
                </span>
                <span className="pp-badges">
                  <StatusBadge status={p.status} /> <CurationBadge curation={p.curation} />
                  {p.listed && <span className="pp-badge pp-listed">{t('products.listed')}</span>}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {state.status === 'ready' && (
        <LoadMore
          more={state.nextCursor !== null}
          busy={more.busy}
          error={more.error}
          label={t('products.loadMore')}
          onLoad={loadMore}
        />
      )}
    </section>
  );
}
