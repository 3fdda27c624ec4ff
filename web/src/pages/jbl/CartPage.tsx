import { useEffect, useRef, useState } from 'react';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { bySeller, type CartLine, setQuantity, useCart } from './cart.ts';
import { Checkout, type Refused } from './Checkout.tsx';
import { editionHref, loadShelf, rejectNotFound, validId } from './data.ts';
import { type Msg, useJblI18n } from './parts.tsx';

/** `/jumat-beli-lokal/:editionId/keranjang`: the cart grouped by seller, and the checkout. */
export default function CartPage({ params }: PageProps) {
  const i18n = useJblI18n();
  const { t } = i18n;
  const editionId = Number(params.editionId) || 0;
  const lines = useCart(editionId);
  const [refused, setRefused] = useState<Refused[]>([]);
  const shelf = useResource(
    () => (validId(params.editionId) ? loadShelf(editionId) : rejectNotFound()).then((s) => ({ shelf: s })),
    [editionId],
    { keep: 'reload' },
  );
  return (
    <Page title={t('jbl.cart.title')}>
      <p>
        <Link href={editionHref(editionId)}>{t('jbl.product.back')}</Link>
      </p>
      {refused.length > 0 && <RefusedNotice refused={refused} i18n={i18n} />}
      {lines.length === 0 ? (
        <p>
          {t('jbl.cart.empty')} <Link href={editionHref(editionId)}>{t('jbl.cart.toEdition')}</Link>
        </p>
      ) : (
        <>
          <CartLines editionId={editionId} lines={lines} i18n={i18n} />
          <LoadStatus state={shelf.state} onRetry={shelf.reload} />
          {shelf.state.status === 'ready' && (
            <Checkout
              editionId={editionId}
              lines={lines}
              shelf={shelf.state.shelf}
              i18n={i18n}
              onRefused={(r) => {
                setRefused(r);
                shelf.reload();
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}

function CartLines({ editionId, lines, i18n }: { editionId: number; lines: CartLine[]; i18n: Msg }) {
  const { t } = i18n;
  const groups = bySeller(lines);
  const total = groups.reduce((s, g) => s + g.subtotal, 0);
  return (
    <section aria-labelledby="jbl-cart-h">
      <h2 id="jbl-cart-h" className="sr-only">
        {t('jbl.cart.title')}
      </h2>
      <p className="muted">{t('jbl.cart.perSeller')}</p>
      {groups.map((g) => (
        <div key={g.seller.id} className="jbl-group" data-seller={g.seller.id}>
          <h3>{t('jbl.cart.seller', { seller: g.seller.name })}</h3>
          <ul className="jbl-lines">
            {g.lines.map((l) => (
              <li key={l.itemId} data-line={l.itemId}>
                <span className="jbl-line-name">{l.name}</span>
                <span className="jbl-line-controls">
                  <label className="sr-only" htmlFor={`jbl-qty-${l.itemId}`}>
                    {t('jbl.cart.quantity', { name: l.name })}
                  </label>
                  <input
                    id={`jbl-qty-${l.itemId}`}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={1000}
                    value={l.quantity}
                    onChange={(e) => {
                      const n = Math.floor(Number(e.target.value));
                      if (n >= 1 && n <= 1000) setQuantity(editionId, l.itemId, n);
                    }}
                  />
                  <span>× {i18n.rupiah(l.price)}</span>
                  <button
                    type="button"
                    className="button secondary small"
                    onClick={() => setQuantity(editionId, l.itemId, 0)}
                  >
                    <span aria-hidden="true">✕</span>
                    <span className="sr-only">{t('jbl.cart.remove', { name: l.name })}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <p className="jbl-subtotal">
            {t('jbl.cart.subtotal', { seller: g.seller.name })}: <strong>{i18n.rupiah(g.subtotal)}</strong>
          </p>
        </div>
      ))}
      <p className="jbl-total">
        {t('jbl.cart.total')}: <strong>{i18n.rupiah(total)}</strong>
      </p>
    </section>
  );
}

function RefusedNotice({ refused, i18n }: { refused: Refused[]; i18n: Msg }) {
  const { t, lang } = i18n;
  const box = useRef<HTMLDivElement>(null);
  // The buyer pressed "order" at the foot of the page: bring the named lines into view above the cart.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new refusal (a new list) scrolls again
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start' });
  }, [refused]);
  return (
    <div ref={box} role="alert" className="notice error jbl-refused">
      <h2>{t('jbl.soldOut.heading')}</h2>
      <ul>
        {refused.map((r) => (
          <li key={r.name}>
            {r.left > 0
              ? t('jbl.soldOut.adjusted', { name: r.name, message: r.message[lang], n: i18n.num(r.left) })
              : t('jbl.soldOut.removed', { name: r.name, message: r.message[lang] })}
          </li>
        ))}
      </ul>
      <p>{t('jbl.soldOut.kept')}</p>
    </div>
  );
}
