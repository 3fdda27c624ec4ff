import { useRef, useState } from 'react';
import type { ManagedProduct, MyBusinesses, ProductSaved } from '../../../../src/catalog/products/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link, navigate, useSearch } from '../../app/router.tsx';
import type { Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { problemText } from '../../ui/form.tsx';
import { NotAllowedPage } from '../../ui/not-allowed.tsx';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { messages } from './i18n.ts';
import { CurationBadge, isOwner, mayRead, StatusBadge, type Status } from './parts.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import { draftOf, EMPTY, ProductForm } from './ProductForm.tsx';

/** The permits page, where a missing halal certificate is added (the server's halal_certificate_required). */
function HalalLink({ error, umkmId }: { error: unknown; umkmId: number }) {
  const { t } = useAreaI18n(messages);
  if (!(error instanceof ApiProblem) || error.code !== 'halal_certificate_required') return null;
  return <Link href={`/anggota/${umkmId}/izin`}>{t('products.halalError.link')}</Link>;
}

/** A key per form visit: a retried "save" (a lost answer on a weak connection) creates the product once. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `/usaha-saya/produk/baru?usaha=…`: a new product, saved as a draft; then photos and publishing on its page. */
export function NewProductPage() {
  return <RequireSession>{(me) => <NewProduct me={me} />}</RequireSession>;
}

function NewProduct({ me }: { me: Me }) {
  const { t } = useAreaI18n(messages);
  const owner = isOwner(me);
  const wanted = Number(new URLSearchParams(useSearch()).get('usaha')) || null;
  const { state, reload } = useResource<MyBusinesses>(
    () => (owner ? api<MyBusinesses>('/api/catalog/my-businesses') : undefined),
    [owner],
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const key = useRef(newKey());
  if (!owner) return <NotAllowedPage title={t('products.new.title')} message={t('products.notAllowed')} />;
  const businesses = state.status === 'ready' ? state.items : [];
  const umkmId = chosen ?? businesses.find((b) => b.id === wanted)?.id ?? businesses[0]?.id ?? null;
  return (
    <Page title={t('products.new.title')}>
      <ul className="link-list pp-links">
        <li>
          <Link href="/usaha-saya/produk">{t('products.backToList')}</Link>
        </li>
      </ul>
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && umkmId === null && <p className="notice">{t('products.noBusiness')}</p>}
      {umkmId !== null && businesses.length > 1 && (
        <SelectField
          name="umkmId"
          label={t('products.business')}
          value={String(umkmId)}
          onChange={(e) => setChosen(Number(e.target.value))}
          options={businesses.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        />
      )}
      {umkmId !== null && (
        <ProductForm
          initial={EMPTY}
          submitLabel={t('products.saveNew')}
          renderProblem={(e) => <HalalLink error={e} umkmId={umkmId} />}
          onSave={async (body) => {
            const p = await api<ManagedProduct>(`/api/catalog/members/${umkmId}/products`, {
              method: 'POST',
              body,
              headers: { 'idempotency-key': key.current },
            });
            navigate(`/usaha-saya/produk/${p.id}?baru=1`, { replace: true });
          }}
        />
      )}
    </Page>
  );
}

/** `/usaha-saya/produk/:productId`: edit, photos, publish. Readers who may not edit (the desk) see it read-only. */
export default function ProductEditPage({ params }: PageProps) {
  return <RequireSession>{(me) => <EditProduct me={me} id={params.productId ?? ''} />}</RequireSession>;
}

function EditProduct({ me, id }: { me: Me; id: string }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const valid = /^\d{1,15}$/.test(id) && mayRead(me);
  const justCreated = new URLSearchParams(useSearch()).get('baru') === '1';
  const { state, setState, reload } = useResource<{ product: ManagedProduct }>(
    () =>
      valid ? api<ManagedProduct>(`/api/catalog/manage/products/${id}`).then((product) => ({ product })) : undefined,
    [id, valid],
  );
  const [saved, setSaved] = useState<string>();
  const [version, setVersion] = useState(0); // a fresh form after each save, filled from the saved product
  if (!mayRead(me)) return <NotAllowedPage title={t('products.edit.title')} message={t('products.notAllowed')} />;
  const notFound =
    !valid || (state.status === 'error' && state.error instanceof ApiProblem && state.error.status === 404);
  const update = (p: ManagedProduct) => setState({ status: 'ready', product: p });
  const title = state.status === 'ready' ? state.product.name : t('products.edit.title');
  return (
    <Page title={title}>
      <ul className="link-list pp-links">
        <li>
          <Link href={isOwner(me) ? '/usaha-saya/produk' : '/beranda'}>{t('products.backToList')}</Link>
        </li>
      </ul>
      {notFound && <p className="notice">{t('products.notFound')}</p>}
      {!notFound && <LoadStatus state={state} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <p className="muted">
            {t('products.business')}: {state.product.business.name}
          </p>
          {justCreated && !saved && state.product.status === 'draft' && (
            <p role="status" className="notice">
              {t('products.created')}
            </p>
          )}
          {saved && (
            <p role="status" className="notice">
              {saved}
            </p>
          )}
          {!state.product.canEdit && <p className="notice">{t('products.readOnly')}</p>}
          <StatePanel product={state.product} onChange={update} />
          <PhotoPicker
            product={state.product}
            onChange={(p) => {
              update(p);
              if (p.curationReset) setSaved(t('products.curationReset'));
            }}
          />
          {state.product.canEdit && (
            <ProductForm
              key={version}
              initial={draftOf(state.product)}
              product={state.product}
              submitLabel={t('products.save')}
              renderProblem={(e) => <HalalLink error={e} umkmId={state.product.business.id} />}
              onSave={async (body) => {
                const p = await api<ProductSaved>(`/api/catalog/manage/products/${state.product.id}`, {
                  method: 'PATCH',
                  body,
                });
                update(p);
                setVersion((v) => v + 1);
                setSaved(p.curationReset ? t('products.curationReset') : t('products.saved'));
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}

const ACTIONS: Record<
  Status,
  { to: Status; label: 'products.publish' | 'products.unpublish' | 'products.archive' | 'products.restore' }[]
> = {
  draft: [
    { to: 'published', label: 'products.publish' },
    { to: 'archived', label: 'products.archive' },
  ],
  published: [
    { to: 'draft', label: 'products.unpublish' },
    { to: 'archived', label: 'products.archive' },
  ],
  archived: [{ to: 'draft', label: 'products.restore' }],
};

/** Status, curation and catalogue state, and the buttons that publish, unpublish, archive or restore. */
function StatePanel({ product: p, onChange }: { product: ManagedProduct; onChange: (p: ManagedProduct) => void }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState<string>();

  async function change(to: Status) {
    setBusy(true);
    setFailure(undefined);
    setDone(undefined);
    try {
      const next = await api<ManagedProduct>(`/api/catalog/manage/products/${p.id}/status`, {
        method: 'POST',
        body: { status: to },
      });
      onChange(next);
      setDone(t('products.statusChanged', { status: t(`products.status.${next.status}`) }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="state-h" className="pp-state">
      <h2 id="state-h">{t('products.state.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('products.state.status')}</dt>
          <dd>
            <StatusBadge status={p.status} />
          </dd>
        </div>
        <div>
          <dt>{t('products.state.curation')}</dt>
          <dd>
            <CurationBadge curation={p.curation} />
            {p.curation.submissionId !== null && (
              <>
                {' '}
                <Link href={`/kurasi/pengajuan/${p.curation.submissionId}`}>{t('products.state.submission')}</Link>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('products.state.catalogue')}</dt>
          <dd>{p.listed ? t('products.listed') : t('products.state.notListed')}</dd>
        </div>
      </dl>
      <p className="hint">{t(`products.state.hint.${p.status}`)}</p>
      {failure !== undefined && (
        <div role="alert" className="notice error">
          <p>{problemText(failure, i18n)}</p>
          {failure instanceof ApiProblem && failure.code === 'halal_certificate_required' && (
            <p>
              <HalalLink error={failure} umkmId={p.business.id} />
            </p>
          )}
        </div>
      )}
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      {p.canEdit && (
        <p className="actions">
          {ACTIONS[p.status].map((a, i) => (
            <button
              key={a.to}
              type="button"
              className={i === 0 ? 'button' : 'button secondary'}
              disabled={busy}
              onClick={() => change(a.to)}
            >
              {t(a.label)}
            </button>
          ))}
        </p>
      )}
    </section>
  );
}
