import { useState } from 'react';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { addToCart } from './cart.ts';
import {
  type Edition,
  editionHref,
  itemHref,
  loadEdition,
  loadShelf,
  type Shelf,
  type ShelfItem,
  validId,
} from './data.ts';
import { CartLink, Countdown, type Msg, SellingNotice, useJblI18n, WaShare } from './parts.tsx';

/** `/jumat-beli-lokal/:editionId/produk/:itemId`: one product of the edition, why it is there, add and share. */
export default function ItemPage({ params }: PageProps) {
  const i18n = useJblI18n();
  const { t } = i18n;
  const { editionId = '', itemId = '' } = params;
  const { state, reload } = useResource(
    () =>
      Promise.all([loadEdition(editionId), validId(editionId) ? loadShelf(Number(editionId)) : null]).then(
        ([edition, shelf]) => ({ edition: edition!, shelf: shelf! }),
      ),
    [editionId],
  );
  const item = state.status === 'ready' ? state.shelf.items.find((i) => String(i.id) === itemId) : undefined;
  const missing = state.status === 'ready' && !item;
  return (
    <Page title={item?.name ?? t(missing ? 'jbl.product.notFound' : 'jbl.title')}>
      <p>
        <Link href={editionHref(Number(editionId) || 0)}>{t('jbl.product.back')}</Link>
      </p>
      <LoadStatus state={state} onRetry={reload} />
      {missing && <p className="notice">{t('jbl.product.notFound')}</p>}
      {state.status === 'ready' && item && <Item item={item} edition={state.edition} shelf={state.shelf} i18n={i18n} />}
    </Page>
  );
}

function Item({ item: it, edition: e, shelf, i18n }: { item: ShelfItem; edition: Edition; shelf: Shelf; i18n: Msg }) {
  const { t, lang } = i18n;
  const [said, setSaid] = useState('');
  const price = t('jbl.item.perUnit', { price: i18n.rupiah(it.price), unit: it.unit });
  const add = () => {
    const n = addToCart(e.id, {
      itemId: it.id,
      name: it.name,
      price: it.price,
      unit: it.unit,
      seller: { id: it.seller.id, name: it.seller.name },
    });
    setSaid(t('jbl.item.added', { name: it.name, n: i18n.num(n) }));
  };
  return (
    <>
      <div className="jbl-item">
        {it.photoUrl && (
          <img
            className="jbl-photo"
            src={it.photoUrl.replace('size=thumb', 'size=display')}
            alt={it.name}
            width={320}
            height={320}
            decoding="async"
          />
        )}
        <div>
          <p>
            <span className="jbl-price jbl-price-big">{price}</span>
            <br />
            {t('jbl.item.by', { seller: it.seller.name, kecamatan: it.seller.kecamatan })}
          </p>
          <p className="muted">
            {it.soldOut ? (
              <strong className="jbl-soldout">{t('jbl.item.soldOut')}</strong>
            ) : (
              t('jbl.item.left', { n: i18n.num(it.available), unit: it.unit })
            )}
          </p>
          <SellingNotice selling={shelf.selling} i18n={i18n} />
          <p className="jbl-actions">
            {!it.soldOut && shelf.selling !== null && (
              <button type="button" className="button" onClick={add}>
                {t('jbl.item.add')}
              </button>
            )}
            <CartLink editionId={e.id} i18n={i18n} />
          </p>
          <p role="status" className="jbl-said">
            {said}
          </p>
        </div>
      </div>
      <Countdown edition={e} i18n={i18n} />
      <section aria-labelledby="jbl-why-h" className="jbl-why">
        <h2 id="jbl-why-h">{t('jbl.product.why')}</h2>
        <p>{it.reason[lang]}</p>
      </section>
      {it.description.trim() && (
        <section aria-labelledby="jbl-desc-h">
          <h2 id="jbl-desc-h">{t('jbl.product.description')}</h2>
          <p className="cat-description">{it.description}</p>
        </section>
      )}
      <p className="jbl-actions">
        <WaShare
          label={t('jbl.product.share')}
          path={itemHref(e.id, it.id)}
          text={t('jbl.product.shareText', { name: it.name, price: i18n.rupiah(it.price), seller: it.seller.name })}
        />
        <Link href={`/produk/${it.productId}`}>{t('jbl.product.catalog')}</Link>
      </p>
    </>
  );
}
