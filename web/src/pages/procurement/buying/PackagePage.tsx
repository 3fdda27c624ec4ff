import { useRef, useState } from 'react';
import { api, upload } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import type { RouteParams } from '../../../app/match.ts';
import { Link } from '../../../app/router.tsx';
import type { Me } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { SelectField, TextAreaField, TextField } from '../../../ui/fields.tsx';
import { FormAlert, problemText } from '../../../ui/form.tsx';
import { LoadStatus, useResource } from '../../../ui/resource.tsx';
import { ProcurementNav, RequireProc } from '../common.tsx';
import { messages } from './i18n.ts';
import { ActionForm, type BuyingI18n, Facts, statusKey, value } from './shared.tsx';
import type { CartGroup, Package, PlacedOrders, Search } from './types.ts';

const DOC_KINDS = ['kak', 'hps', 'spk', 'other'] as const;

/**
 * `/pengadaan/paket/:packageId`: the package, its documents and orders, and the viewer's step on it: the PA/KPA
 * assigns a PPK, the PPK names the Pejabat Pengadaan and uploads documents, the Pejabat Pengadaan sets the address,
 * searches e-Order products, fills the cart, asks for exceptions and places the orders.
 */
export default function PackagePage({ params }: { params: RouteParams }) {
  const { t } = useAreaI18n(messages);
  return (
    <RequireProc rule="readsAgencyOrders" title={t('buying.packages.title')} message={t('buying.packages.notAllowed')}>
      {(me) => <PackageView me={me} id={Number(params.packageId)} />}
    </RequireProc>
  );
}

function PackageView({ me, id }: { me: Me; id: number }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  // Wrapped: the resource's own `status` would hide the package's.
  const { state, reload } = useResource(
    () => api<Package>(`/api/procurement/buying/packages/${id}`).then((p) => ({ p })),
    [id],
    { keep: 'reload' },
  );
  const p = state.status === 'ready' ? state.p : undefined;
  return (
    <Page title={p ? t('buying.package.title', { name: p.name }) : t('buying.packages.title')}>
      <ProcurementNav me={me} />
      <LoadStatus state={state} onRetry={reload} />
      {p && (
        <>
          <PackageFacts p={p} i18n={i18n} />
          {p.can.assignPpk && <AssignForm p={p} step="ppk" onDone={reload} />}
          {p.can.prepare && <AssignForm p={p} step="pp" onDone={reload} />}
          <Documents p={p} i18n={i18n} onDone={reload} />
          {p.can.buy && (
            <>
              <AddressForm p={p} onDone={reload} />
              <ProductSearch p={p} onAdded={reload} />
              <Cart p={p} onChange={reload} />
              {p.mandateRules.length > 0 && <ExceptionForm p={p} onDone={reload} />}
            </>
          )}
          <PackageExceptions p={p} i18n={i18n} />
          <Orders p={p} i18n={i18n} onChange={reload} />
        </>
      )}
    </Page>
  );
}

function PackageFacts({ p, i18n }: { p: Package; i18n: BuyingI18n }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="pb-facts-h" className="pb-section">
      <h2 id="pb-facts-h">{t('buying.package.facts')}</h2>
      <Facts
        rows={[
          [t('buying.package.status'), t(statusKey(p.status))],
          [t('buying.package.rup'), p.rupCode],
          [t('buying.package.agency'), p.agency.name],
          [t('buying.package.unit'), p.unit ?? '—'],
          [t('buying.package.pagu'), i18n.rupiah(p.pagu)],
          [t('buying.package.kind'), p.kind.replace(/_/g, ' ')],
          [t('buying.package.reserved'), p.reservedSmall ? t('buying.package.yes') : t('buying.package.no')],
          [t('buying.package.ppk'), p.ppk?.name ?? t('buying.package.none')],
          [t('buying.package.pp'), p.pp?.name ?? t('buying.package.none')],
          [t('buying.package.address'), p.deliveryAddress ?? t('buying.package.none')],
        ]}
      />
    </section>
  );
}

function AssignForm({ p, step: role, onDone }: { p: Package; step: 'ppk' | 'pp'; onDone: () => void }) {
  const { t } = useAreaI18n(messages);
  const people = role === 'ppk' ? p.candidates.ppk : p.candidates.pp;
  const field = role === 'ppk' ? 'ppkAccountId' : 'ppAccountId';
  const title = t(role === 'ppk' ? 'buying.assignPpk.title' : 'buying.assignPp.title');
  return (
    <section aria-label={title} className="pb-section">
      <h2>{title}</h2>
      {people.length === 0 ? (
        <p className="notice">
          {t(role === 'ppk' ? 'buying.assignPpk.noneAvailable' : 'buying.assignPp.noneAvailable')}
        </p>
      ) : (
        <ActionForm
          label={title}
          submit={t(role === 'ppk' ? 'buying.assignPpk.submit' : 'buying.assignPp.submit')}
          done={t('buying.done')}
          onDone={onDone}
          action={(form) =>
            api(`/api/procurement/buying/packages/${p.id}/${role === 'ppk' ? 'ppk' : 'pejabat-pengadaan'}`, {
              method: 'POST',
              body: { [field]: Number(value(form, field)) },
            })
          }
        >
          {(errors) => (
            <SelectField
              name={field}
              label={t(role === 'ppk' ? 'buying.assignPpk.field' : 'buying.assignPp.field')}
              error={errors[field]}
              defaultValue={String((role === 'ppk' ? p.ppk : p.pp)?.accountId ?? '')}
              options={
                <>
                  <option value="">{t('buying.pick')}</option>
                  {people.map((o) => (
                    <option key={o.accountId} value={o.accountId}>
                      {o.name}
                    </option>
                  ))}
                </>
              }
            />
          )}
        </ActionForm>
      )}
    </section>
  );
}

function Documents({ p, i18n, onDone }: { p: Package; i18n: BuyingI18n; onDone: () => void }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="pb-docs-h" className="pb-section">
      <h2 id="pb-docs-h">{t('buying.docs.title')}</h2>
      {p.documents.length === 0 ? (
        <p className="muted">{t('buying.docs.none')}</p>
      ) : (
        <ul className="items">
          {p.documents.map((d) => (
            <li key={d.id}>
              <a href={d.url} download={d.fileName} className="primary">
                {t(`buying.docs.kind.${d.kind as (typeof DOC_KINDS)[number]}`)}: {d.fileName}
              </a>
              <span className="secondary">{i18n.dateTime(new Date(d.uploadedAt))}</span>
            </li>
          ))}
        </ul>
      )}
      {p.can.prepare && (
        <ActionForm
          label={t('buying.docs.upload')}
          submit={t('buying.docs.upload')}
          done={t('buying.docs.uploaded')}
          onDone={onDone}
          action={async (form) => {
            const data = new FormData();
            data.set('kind', value(form, 'kind'));
            const file = (form.elements.namedItem('document') as HTMLInputElement).files?.[0];
            if (file) {
              data.set('fileName', file.name);
              data.set('document', file);
            }
            await upload(`/api/procurement/buying/packages/${p.id}/documents`, data);
            form.reset();
          }}
        >
          {(errors) => (
            <>
              <SelectField
                name="kind"
                label={t('buying.docs.kind')}
                error={errors.kind}
                options={DOC_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`buying.docs.kind.${k}`)}
                  </option>
                ))}
              />
              <TextField
                name="document"
                type="file"
                accept="application/pdf,image/jpeg,image/png"
                label={t('buying.docs.file')}
                error={errors.document}
              />
            </>
          )}
        </ActionForm>
      )}
    </section>
  );
}

function AddressForm({ p, onDone }: { p: Package; onDone: () => void }) {
  const { t } = useAreaI18n(messages);
  return (
    <section aria-label={t('buying.address.title')} className="pb-section">
      <h2>{t('buying.address.title')}</h2>
      <ActionForm
        label={t('buying.address.title')}
        submit={t('buying.address.submit')}
        done={t('buying.done')}
        onDone={onDone}
        action={(form) =>
          api(`/api/procurement/buying/packages/${p.id}/delivery-address`, {
            method: 'PUT',
            body: { address: value(form, 'address') },
          })
        }
      >
        {(errors) => (
          <TextAreaField
            name="address"
            label={t('buying.address.field')}
            error={errors.address}
            defaultValue={p.deliveryAddress ?? ''}
            autoComplete="street-address"
          />
        )}
      </ActionForm>
    </section>
  );
}

function ProductSearch({ p, onAdded }: { p: Package; onAdded: () => void }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [q, setQ] = useState('');
  const { state, reload } = useResource(
    () => api<Search>(`/api/catalog/search?channel=e_order&limit=10${q ? `&q=${encodeURIComponent(q)}` : ''}`),
    [q],
  );
  const [said, setSaid] = useState('');
  const [failure, setFailure] = useState<unknown>();
  async function add(productId: number, name: string, quantity: number) {
    setFailure(undefined);
    setSaid('');
    try {
      await api(`/api/procurement/buying/packages/${p.id}/cart`, { method: 'PUT', body: { productId, quantity } });
      setSaid(t('buying.search.added', { name }));
      onAdded();
    } catch (e) {
      setFailure(e);
    }
  }
  return (
    <section aria-labelledby="pb-search-h" className="pb-section">
      <h2 id="pb-search-h">{t('buying.search.title')}</h2>
      <p className="muted">{t('buying.search.intro')}</p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(value(e.currentTarget, 'q'));
        }}
        className="pb-form"
      >
        <TextField name="q" type="search" label={t('buying.search.q')} defaultValue={q} />
        <button type="submit" className="button secondary">
          {t('buying.search.submit')}
        </button>
      </form>
      <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
      <p role="status">{said}</p>
      <LoadStatus state={state} onRetry={reload} secondary />
      {state.status === 'ready' &&
        (state.items.length === 0 ? (
          <p className="muted">{t('buying.search.empty')}</p>
        ) : (
          <ul className="items pb-products">
            {state.items.map((it) => (
              <li key={it.id} data-product={it.id}>
                <span className="primary">
                  {it.name} — {i18n.rupiah(it.price)} / {it.unit}
                </span>
                <span className="secondary">
                  {t('buying.search.seller', { name: it.seller.name, city: it.seller.city.name })}
                </span>
                <form
                  className="pb-add"
                  aria-label={`${t('buying.search.add')}: ${it.name}`}
                  onSubmit={(e) => {
                    e.preventDefault();
                    void add(it.id, it.name, Number(value(e.currentTarget, 'quantity')) || 1);
                  }}
                >
                  <TextField
                    name="quantity"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    defaultValue="1"
                    label={t('buying.search.quantity')}
                  />
                  <button type="submit" className="button secondary">
                    {t('buying.search.add')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function Cart({ p, onChange }: { p: Package; onChange: () => void }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const key = useRef(crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [said, setSaid] = useState('');
  const cart = p.cart;
  async function run(f: () => Promise<void>) {
    setBusy(true);
    setFailure(undefined);
    setSaid('');
    try {
      await f();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }
  const place = () =>
    run(async () => {
      const out = await api<PlacedOrders>(`/api/procurement/buying/packages/${p.id}/orders`, {
        method: 'POST',
        body: {},
        headers: { 'idempotency-key': key.current },
      });
      key.current = crypto.randomUUID();
      setSaid(t('buying.place.done', { n: i18n.num(out.orders.length) }));
      onChange();
    });
  const remove = (productId: number) =>
    run(async () => {
      await api(`/api/procurement/buying/packages/${p.id}/cart`, { method: 'PUT', body: { productId, quantity: 0 } });
      onChange();
    });
  return (
    <section aria-labelledby="pb-cart-h" className="pb-section">
      <h2 id="pb-cart-h">{t('buying.cart.title')}</h2>
      <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
      <p role="status">{said}</p>
      {!cart || cart.groups.length === 0 ? (
        <p className="muted">{t('buying.cart.empty')}</p>
      ) : (
        <>
          <p className="muted small">{t('buying.cart.date', { date: i18n.date(cart.date) })}</p>
          {cart.groups.map((g) => (
            <SellerCart key={g.umkmId} g={g} i18n={i18n} busy={busy} onRemove={remove} />
          ))}
          <p className="pb-total">{t('buying.cart.total', { amount: i18n.rupiah(cart.total) })}</p>
          <button type="button" className="button" disabled={busy} onClick={() => void place()}>
            {busy ? t('buying.sending') : t('buying.place.submit')}
          </button>
        </>
      )}
    </section>
  );
}

function SellerCart({
  g,
  i18n,
  busy,
  onRemove,
}: {
  g: CartGroup;
  i18n: BuyingI18n;
  busy: boolean;
  onRemove: (productId: number) => void;
}) {
  const { t, lang } = i18n;
  const m = g.money;
  const money: [string, number][] = [
    [t('buying.money.dpp'), m.dpp],
    [t('buying.money.ppn'), m.ppn],
    [t('buying.money.pph22'), m.pph22],
    [t('buying.money.pph23'), m.pph23],
    [t('buying.money.pp55'), m.pp55],
    [t('buying.money.withheld'), m.withheld],
    [t('buying.money.net'), m.net],
    [t('buying.money.advance'), m.advanceCeiling],
  ];
  return (
    <div className="pb-seller" data-seller={g.umkmId}>
      <div className="pb-scroll">
        <table className="pb-table">
          <caption>
            {t('buying.cart.caption', { seller: g.name })} —{' '}
            {g.countsUmk ? t('buying.cart.umk') : t('buying.cart.notUmk')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('buying.cart.product')}</th>
              <th scope="col" className="num">
                {t('buying.cart.qty')}
              </th>
              <th scope="col" className="num">
                {t('buying.cart.amount')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('buying.cart.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {g.lines.map((l) => (
              <tr key={l.productId}>
                <td>
                  {l.name}
                  <br />
                  <span className="muted small">
                    {i18n.rupiah(l.unitPrice)} / {l.unit}
                  </span>
                </td>
                <td className="num">{i18n.num(l.quantity)}</td>
                <td className="num">{i18n.rupiah(l.amount)}</td>
                <td>
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={busy}
                    aria-label={`${t('buying.cart.remove')}: ${l.name}`}
                    onClick={() => onRemove(l.productId)}
                  >
                    {t('buying.cart.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('buying.cart.subtotal')}
              </th>
              <td className="num">{i18n.rupiah(g.subtotal)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {g.brokenRules.map((r) => (
        <p key={r.code} className={r.excepted ? 'notice' : 'notice error'}>
          {t(r.excepted ? 'buying.cart.excepted' : 'buying.cart.broken', { title: r.title[lang] })}
        </p>
      ))}
      <details className="pb-money">
        <summary>{t('buying.money.title')}</summary>
        <dl className="pb-facts">
          {money.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{i18n.rupiah(v)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted small">{t('buying.money.rounding')}</p>
      </details>
    </div>
  );
}

function ExceptionForm({ p, onDone }: { p: Package; onDone: () => void }) {
  const { t, lang } = useAreaI18n(messages);
  return (
    <section aria-label={t('buying.exception.title')} className="pb-section">
      <h2>{t('buying.exception.title')}</h2>
      <ActionForm
        label={t('buying.exception.title')}
        submit={t('buying.exception.submit')}
        done={t('buying.exception.sent')}
        onDone={onDone}
        action={(form) =>
          api(`/api/procurement/buying/packages/${p.id}/exceptions`, {
            method: 'POST',
            body: { ruleCode: value(form, 'ruleCode'), justification: value(form, 'justification') },
          })
        }
      >
        {(errors) => (
          <>
            <SelectField
              name="ruleCode"
              label={t('buying.exception.rule')}
              error={errors.ruleCode}
              options={p.mandateRules.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.title[lang]}
                </option>
              ))}
            />
            <TextAreaField
              name="justification"
              label={t('buying.exception.justification')}
              error={errors.justification}
              minLength={20}
            />
          </>
        )}
      </ActionForm>
    </section>
  );
}

function PackageExceptions({ p, i18n }: { p: Package; i18n: BuyingI18n }) {
  const { t, lang } = i18n;
  if (p.exceptions.length === 0) return null;
  return (
    <section aria-labelledby="pb-exc-h" className="pb-section">
      <h2 id="pb-exc-h">{t('buying.exceptions.ofPackage')}</h2>
      <ul className="items">
        {p.exceptions.map((e) => (
          <li key={e.id} data-exception={e.id} data-status={e.status}>
            <span className="primary">{e.ruleTitle[lang]}</span>
            <span className="secondary">
              {t(`buying.exception.status.${e.status}`)} · {e.justification}
            </span>
            {e.decisionNote && <span className="secondary">{e.decisionNote}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Orders({ p, i18n, onChange }: { p: Package; i18n: BuyingI18n; onChange: () => void }) {
  const { t, lang } = i18n;
  const [failure, setFailure] = useState<unknown>();
  const [said, setSaid] = useState('');
  async function cancel(orderId: number) {
    setFailure(undefined);
    try {
      await api(`/api/procurement/buying/orders/${orderId}/cancel`, { method: 'POST', body: {} });
      setSaid(t('buying.orders.cancelled'));
      onChange();
    } catch (e) {
      setFailure(e);
    }
  }
  return (
    <section aria-labelledby="pb-orders-h" className="pb-section">
      <h2 id="pb-orders-h">{t('buying.orders.title')}</h2>
      <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
      <p role="status">{said}</p>
      {p.orders.length === 0 ? (
        <p className="muted">{t('buying.orders.none')}</p>
      ) : (
        <ul className="items">
          {p.orders.map((o) => (
            <li key={o.id} data-order={o.id} data-status={o.status}>
              <Link href={`/pengadaan/pesanan/${o.id}`} className="primary">
                #{o.id} · {o.seller.name}
              </Link>
              <span className="secondary">
                {o.statusLabel[lang]} · {i18n.rupiah(o.total)} · {i18n.dateTime(new Date(o.placedAt))}
              </span>
              {p.can.buy && o.status === 'placed' && (
                <button type="button" className="button secondary small" onClick={() => void cancel(o.id)}>
                  {t('buying.orders.cancel')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
