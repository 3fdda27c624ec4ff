import { type FormEvent, useState } from 'react';
import { ApiProblem } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { Link, navigate, useSearch } from '../../app/router.tsx';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { addToCart, keptOrders } from './cart.ts';
import {
  type Edition,
  editionHref,
  itemHref,
  loadEdition,
  loadShelf,
  nextMondayWib,
  type Shelf,
  type ShelfItem,
  trackHref,
} from './data.ts';
import { CartLink, EditionFacts, type Msg, SellingNotice, useJblI18n, WaShare } from './parts.tsx';

/**
 * `/jumat-beli-lokal` (the current edition) and `/jumat-beli-lokal/:editionId`: the edition with its countdown,
 * categories, a search within it and the product cards, each with "add to cart". Search and category live in the
 * address (`?q=`, `?kategori=`), so a filtered shelf can be shared and the back button works.
 */
export default function EditionPage({ params }: PageProps) {
  const i18n = useJblI18n();
  const { t } = i18n;
  const { state, reload } = useResource(
    () => loadEdition(params.editionId).then((edition) => ({ edition })),
    [params.editionId],
  );
  const notFound = state.status === 'error' && state.error instanceof ApiProblem && state.error.status === 404;
  const edition = state.status === 'ready' ? state.edition : null;
  const heading = edition ? t('jbl.edition.heading', { host: edition.host.name }) : t('jbl.title');
  return (
    <Page title={heading}>
      {notFound ? <p className="notice">{t('jbl.edition.notFound')}</p> : <LoadStatus state={state} onRetry={reload} />}
      {state.status === 'ready' && (edition ? <Storefront edition={edition} i18n={i18n} /> : <NoEdition i18n={i18n} />)}
      <KeptOrders i18n={i18n} />
    </Page>
  );
}

function NoEdition({ i18n }: { i18n: Msg }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="jbl-none-h">
      <h2 id="jbl-none-h">{t('jbl.none.heading')}</h2>
      <p>{t('jbl.none.text', { opens: i18n.dateTime(nextMondayWib()) })}</p>
    </section>
  );
}

function Storefront({ edition: e, i18n }: { edition: Edition; i18n: Msg }) {
  const { t, lang } = i18n;
  const params = new URLSearchParams(useSearch());
  const q = params.get('q') ?? '';
  const category = params.get('kategori') ?? '';
  const shelf = useResource(() => loadShelf(e.id, q, category).then((s) => ({ shelf: s })), [e.id, q, category], {
    keep: true,
  });
  const s = shelf.state.status === 'ready' ? shelf.state.shelf : null;
  const path = editionHref(e.id);
  return (
    <>
      <EditionFacts edition={e} i18n={i18n} />
      <p className="jbl-actions">
        <CartLink editionId={e.id} i18n={i18n} />
        <WaShare
          label={t('jbl.edition.share')}
          path={path}
          text={t('jbl.edition.shareText', { host: e.host.name, closes: e.wib.preorderCloses[lang] })}
        />
      </p>
      {s && <SellingNotice selling={s.selling} i18n={i18n} />}
      <SearchForm key={q} editionId={e.id} q={q} category={category} i18n={i18n} />
      {s && <Categories shelf={s} editionId={e.id} q={q} category={category} i18n={i18n} />}
      <LoadStatus state={shelf.state} onRetry={shelf.reload} />
      {s && <Products shelf={s} editionId={e.id} busy={shelf.loading} i18n={i18n} />}
    </>
  );
}

const shelfHref = (editionId: number, q: string, category: string) => {
  const qs = new URLSearchParams();
  if (q) qs.set('q', q);
  if (category) qs.set('kategori', category);
  const s = qs.toString();
  return `${editionHref(editionId)}${s ? `?${s}` : ''}`;
};

function SearchForm(p: { editionId: number; q: string; category: string; i18n: Msg }) {
  const { t } = p.i18n;
  const [text, setText] = useState(p.q);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    navigate(shelfHref(p.editionId, text.trim(), p.category), { keepScroll: true });
  };
  return (
    <form role="search" className="home-search jbl-search" onSubmit={submit}>
      <label htmlFor="jbl-q">{t('jbl.search.label')}</label>
      <div className="home-search-row">
        <input
          id="jbl-q"
          type="search"
          value={text}
          placeholder={t('jbl.search.hint')}
          onChange={(ev) => setText(ev.target.value)}
        />
        <button type="submit" className="button">
          {t('jbl.search.button')}
        </button>
      </div>
    </form>
  );
}

function Categories(p: { shelf: Shelf; editionId: number; q: string; category: string; i18n: Msg }) {
  const { t, lang } = p.i18n;
  const all = p.shelf.categories.reduce((n, c) => n + c.count, 0);
  const chip = (code: string, label: string) => (
    <li key={code || 'all'}>
      <Link
        href={shelfHref(p.editionId, p.q, code)}
        keepScroll
        marksCurrent={false}
        aria-current={p.category === code ? 'true' : undefined}
        className="jbl-chip"
      >
        {label}
      </Link>
    </li>
  );
  return (
    <nav aria-label={t('jbl.categories')}>
      <ul className="jbl-chips">
        {chip('', t('jbl.categories.all', { n: p.i18n.num(all) }))}
        {p.shelf.categories.map((c) => chip(c.code, `${c.name[lang]} (${p.i18n.num(c.count)})`))}
      </ul>
    </nav>
  );
}

function Products({ shelf, editionId, busy, i18n }: { shelf: Shelf; editionId: number; busy: boolean; i18n: Msg }) {
  const { t } = i18n;
  const [said, setSaid] = useState('');
  const add = (it: ShelfItem) => {
    const n = addToCart(editionId, {
      itemId: it.id,
      name: it.name,
      price: it.price,
      unit: it.unit,
      seller: { id: it.seller.id, name: it.seller.name },
    });
    setSaid(t('jbl.item.added', { name: it.name, n: i18n.num(n) }));
  };
  return (
    <section aria-labelledby="jbl-products-h" aria-busy={busy}>
      <h2 id="jbl-products-h">
        {t('jbl.products')}{' '}
        <span className="muted small">{t('jbl.products.count', { n: i18n.num(shelf.items.length) })}</span>
      </h2>
      <p role="status" className="jbl-said">
        {said}
      </p>
      {shelf.items.length === 0 ? (
        <p>{t('jbl.products.empty')}</p>
      ) : (
        <ul className="jbl-grid">
          {shelf.items.map((it) => (
            <ItemCard
              key={it.id}
              item={it}
              editionId={editionId}
              canBuy={shelf.selling !== null}
              onAdd={add}
              i18n={i18n}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ItemCard(p: {
  item: ShelfItem;
  editionId: number;
  canBuy: boolean;
  onAdd: (it: ShelfItem) => void;
  i18n: Msg;
}) {
  const { item: it, i18n } = p;
  const { t } = i18n;
  return (
    <li className="jbl-card" data-item={it.id} data-sold-out={it.soldOut || undefined}>
      {it.photoUrl ? (
        <img className="jbl-thumb" src={it.photoUrl} alt="" width={96} height={96} loading="lazy" decoding="async" />
      ) : (
        <span className="jbl-thumb jbl-thumb-none" aria-hidden="true" />
      )}
      <div className="jbl-card-body">
        <h3>
          <Link href={itemHref(p.editionId, it.id)}>{it.name}</Link>
        </h3>
        <p className="jbl-price">{t('jbl.item.perUnit', { price: i18n.rupiah(it.price), unit: it.unit })}</p>
        <p className="muted small">{t('jbl.item.by', { seller: it.seller.name, kecamatan: it.seller.kecamatan })}</p>
        {it.soldOut ? (
          <p className="jbl-soldout">{t('jbl.item.soldOut')}</p>
        ) : (
          p.canBuy && (
            <button type="button" className="button" onClick={() => p.onAdd(it)}>
              {t('jbl.item.add')}
              <span className="sr-only">{t('jbl.item.addNamed', { name: it.name })}</span>
            </button>
          )
        )}
      </div>
    </li>
  );
}

/** The tracking links of orders made on this phone, so they are found again without the message. */
function KeptOrders({ i18n }: { i18n: Msg }) {
  const orders = keptOrders();
  if (!orders.length) return null;
  return (
    <section aria-labelledby="jbl-kept-h">
      <h2 id="jbl-kept-h">{i18n.t('jbl.myOrders')}</h2>
      <ul>
        {orders.map((o) => (
          <li key={o.token}>
            <Link href={trackHref(o.token)}>{o.number}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
