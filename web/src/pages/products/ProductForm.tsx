import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { Categories, ManagedProduct } from '../../../../src/catalog/products/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { FormAlert, focusFirstError, problemText, SubmitButton } from '../../ui/form.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { type Kbli, useKbliSearch } from '../../ui/kbli-search.ts';
import { useResource } from '../../ui/load.ts';
import { groupRupiah, isNegative, typedRupiah } from '../../ui/rupiah.ts';
import { messages } from './i18n.ts';
import type { ProductsI18n } from './parts.tsx';

/** The form's values as typed (digits as strings), and what the API takes. */
export interface Draft {
  name: string;
  description: string;
  categoryCode: string;
  kbli: { code: string; title: string } | null;
  price: string;
  unit: string;
  stock: string;
  minOrder: string;
  leadTimeDays: string;
  halal: boolean;
}
type Body = {
  name: string;
  description: string;
  categoryCode: string;
  kbliCode: string | null;
  price: number;
  unit: string;
  stock: number;
  minOrder: number;
  leadTimeDays: number;
  halal: boolean;
};
type Bi = { id: string; en: string };

export const EMPTY: Draft = {
  name: '',
  description: '',
  categoryCode: '',
  kbli: null,
  price: '',
  unit: '',
  stock: '0',
  minOrder: '1',
  leadTimeDays: '1',
  halal: false,
};

export const draftOf = (p: ManagedProduct): Draft => ({
  name: p.name,
  description: p.description,
  categoryCode: p.category.code,
  kbli: p.kbli,
  price: String(p.price),
  unit: p.unit,
  stock: String(p.stock),
  minOrder: String(p.minOrder),
  leadTimeDays: String(p.leadTimeDays),
  halal: p.halal,
});

/** Checks what the phone can check (required, whole numbers); the server checks again and has the last word. */
function bodyOf(d: Draft, i18n: ProductsI18n): { body: Body; errors: Record<string, Bi> } {
  const errors: Record<string, Bi> = {};
  const whole = (k: 'price' | 'stock' | 'minOrder' | 'leadTimeDays') => {
    const v = d[k].trim();
    if (v === '') errors[k] = i18n.msg('products.err.required');
    else if (isNegative(v)) errors[k] = i18n.msg('products.err.negative');
    else if (!/^\d{1,13}$/.test(v)) errors[k] = i18n.msg('products.err.number');
    return Number(v);
  };
  for (const k of ['name', 'categoryCode', 'unit'] as const)
    if (!d[k].trim()) errors[k] = i18n.msg('products.err.required');
  const body = {
    name: d.name.trim(),
    description: d.description.trim(),
    categoryCode: d.categoryCode,
    kbliCode: d.kbli?.code ?? null,
    price: whole('price'),
    unit: d.unit.trim(),
    stock: whole('stock'),
    minOrder: whole('minOrder'),
    leadTimeDays: whole('leadTimeDays'),
    halal: d.halal,
  };
  return { body, errors };
}

/** The fields a change of which un-curates a curated product (the server's `resetsCuration`). */
const judgedOf = (changed: Partial<Body>, resets: readonly string[]) =>
  Object.keys(changed).filter((k) => resets.includes(k));

interface Props {
  initial: Draft;
  /** The product being edited (absent: a new one). */
  product?: ManagedProduct;
  /** Sends the body (all fields when new; the changed ones when editing). */
  onSave: (body: Partial<Body>) => Promise<void>;
  submitLabel: string;
  /** A failure's extra words beyond the server's message (the halal certificate's link). */
  renderProblem?: (e: unknown) => ReactNode;
}

export function ProductForm({ initial, product, onSave, submitLabel, renderProblem }: Props) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const [d, setD] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, Bi>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<string>();
  const { state: categoriesState } = useResource(loadCategories, [], { known: () => categoriesKept });
  const categories = categoriesState.status === 'ready' ? categoriesState.items : [];
  const locked = product?.lockedForReview ?? false;
  const curated = product?.curation.curated ?? false;
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) => {
      setD((x) => ({ ...x, [k]: v }));
      setConfirming(false);
      setNote(undefined);
      setErrors((e) => {
        const { [k === 'kbli' ? 'kbliCode' : k]: _, ...rest } = e;
        return rest;
      });
    };
  const err = (k: string) => errors[k]?.[lang];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { body, errors: found } = bodyOf(d, i18n);
    setFailure(undefined);
    setNote(undefined);
    setErrors(found);
    if (Object.keys(found).length) return focusFirstError(form.current);
    let send: Partial<Body> = body;
    if (product) {
      const before = bodyOf(draftOf(product), i18n).body;
      send = Object.fromEntries(Object.entries(body).filter(([k, v]) => before[k as keyof Body] !== v));
      if (Object.keys(send).length === 0) return setNote(t('products.noChanges'));
      // A curated product: say what the change costs before it is made (the server's rule, resetsCuration).
      if (curated && judgedOf(send, product.resetsCuration).length > 0 && !confirming) return setConfirming(true);
    }
    setConfirming(false);
    setBusy(true);
    try {
      await onSave(send);
    } catch (error) {
      if (error instanceof ApiProblem) setErrors(error.fieldErrors());
      setFailure(error);
      focusFirstError(form.current);
    } finally {
      setBusy(false);
    }
  }

  const food = categories.filter((c) => c.food);
  const other = categories.filter((c) => !c.food);
  return (
    <form
      ref={form}
      className="form pp-form"
      noValidate
      onSubmit={submit}
      aria-busy={busy}
      aria-labelledby="product-form-h"
    >
      <h2 id="product-form-h">{t('products.details')}</h2>
      {curated && <p className="notice pp-warning">{t('products.curationWarning')}</p>}
      {locked && <p className="notice">{t('products.locked')}</p>}
      <FormAlert>
        {failure !== undefined ? (
          <>
            {problemText(failure, i18n)} {renderProblem?.(failure)}
          </>
        ) : null}
      </FormAlert>
      <TextField
        name="name"
        label={t('products.field.name')}
        hint={t('products.field.name.hint')}
        maxLength={200}
        autoComplete="off"
        disabled={locked}
        value={d.name}
        onChange={(e) => set('name')(e.target.value)}
        error={err('name')}
      />
      <TextAreaField
        name="description"
        label={t('products.field.description')}
        hint={t('products.field.description.hint')}
        optional
        maxLength={5000}
        rows={4}
        disabled={locked}
        value={d.description}
        onChange={(e) => set('description')(e.target.value)}
        error={err('description')}
      />
      <SelectField
        name="categoryCode"
        label={t('products.field.category')}
        disabled={locked}
        value={d.categoryCode}
        onChange={(e) => set('categoryCode')(e.target.value)}
        error={err('categoryCode')}
        options={
          <>
            <option value="">{t('products.choose')}</option>
            <optgroup label={t('products.field.category.food')}>
              {food.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name[lang]}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('products.field.category.other')}>
              {other.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name[lang]}
                </option>
              ))}
            </optgroup>
          </>
        }
      />
      <KbliField value={d.kbli} onChange={set('kbli')} error={err('kbliCode')} />
      <PriceField value={d.price} onDigits={set('price')} error={err('price')} i18n={i18n} />
      <TextField
        name="unit"
        label={t('products.field.unit')}
        hint={t('products.field.unit.hint')}
        maxLength={30}
        autoComplete="off"
        value={d.unit}
        onChange={(e) => set('unit')(e.target.value)}
        error={err('unit')}
      />
      <TextField
        name="stock"
        label={t('products.field.stock')}
        inputMode="numeric"
        autoComplete="off"
        value={d.stock}
        onChange={(e) => set('stock')(e.target.value)}
        error={err('stock')}
      />
      <TextField
        name="minOrder"
        label={t('products.field.minOrder')}
        inputMode="numeric"
        autoComplete="off"
        value={d.minOrder}
        onChange={(e) => set('minOrder')(e.target.value)}
        error={err('minOrder')}
      />
      <TextField
        name="leadTimeDays"
        label={t('products.field.leadTime')}
        hint={t('products.field.leadTime.hint')}
        inputMode="numeric"
        autoComplete="off"
        value={d.leadTimeDays}
        onChange={(e) => set('leadTimeDays')(e.target.value)}
        error={err('leadTimeDays')}
      />
      <div className={`field${err('halal') ? ' has-error' : ''}`}>
        <label className="check">
          <input
            type="checkbox"
            name="halal"
            checked={d.halal}
            disabled={locked}
            onChange={(e) => set('halal')(e.target.checked)}
            aria-invalid={err('halal') ? true : undefined}
          />
          {t('products.field.halal')}
        </label>
        {err('halal') && <p className="field-error">{err('halal')}</p>}
      </div>
      {confirming && (
        <div role="alert" className="notice pp-warning">
          <p>{t('products.curationConfirm')}</p>
        </div>
      )}
      {note && (
        <p role="status" className="muted">
          {note}
        </p>
      )}
      <p className="actions">
        <SubmitButton busy={busy} busyText={t('products.saving')}>
          {confirming ? t('products.curationConfirmYes') : submitLabel}
        </SubmitButton>
        {confirming && (
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            {t('products.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}

/**
 * Rupiah on a phone's number pad, grouped as typed (`1.250.000`), with the price as buyers will read it. A minus
 * typed first is shown and refused at once, next to the field (never read as the price without it).
 */
function PriceField({
  value,
  onDigits,
  error,
  i18n,
}: {
  value: string;
  onDigits: (v: string) => void;
  error?: string;
  i18n: ProductsI18n;
}) {
  const { t, lang } = i18n;
  const shownId = useId();
  const negative = isNegative(value);
  const shown = value !== '' && !negative;
  return (
    <TextField
      name="price"
      label={t('products.field.price')}
      hint={t('products.field.price.hint')}
      describedBy={shown ? shownId : undefined}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      value={groupRupiah(value, lang)}
      onChange={(e) => onDigits(typedRupiah(e.target.value, 13))}
      error={error ?? (negative ? t('products.err.negative') : undefined)}
    >
      {shown && (
        <p id={shownId} className="hint pp-price-shown">
          {t('products.field.price.shown', { price: i18n.rupiah(Number(value)) })}
        </p>
      )}
    </TextField>
  );
}

/** Product categories: one answer per visit (a failure is not kept; the form's own save reports the outage). */
let categoriesKept: Categories | undefined;
const loadCategories = () =>
  api<Categories>('/api/catalog/categories').then((r) => {
    categoriesKept = r;
    return r;
  });

/** One optional KBLI 2020 subclass, found by word or code (`/api/kbli?q=`). */
function KbliField({
  value,
  onChange,
  error,
}: {
  value: Kbli | null;
  onChange: (v: Kbli | null) => void;
  error?: string;
}) {
  const { t } = useAreaI18n(messages);
  const [q, setQ] = useState('');
  const found = useKbliSearch(q, 6);

  if (value)
    return (
      <div className="field pp-kbli">
        <p className="pp-kbli-chosen" data-kbli={value.code}>
          {t('products.field.kbli.chosen', { code: value.code, title: value.title })}
        </p>
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          {t('products.field.kbli.remove')}
        </button>
        {error && <p className="field-error">{error}</p>}
      </div>
    );
  return (
    <TextField
      name="kbliCode"
      label={t('products.field.kbli')}
      hint={t('products.field.kbli.hint')}
      optional
      type="search"
      autoComplete="off"
      enterKeyHint="search"
      value={q}
      onChange={(e) => setQ(e.target.value)}
      onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
      error={error}
    >
      <p className="hint" role="status">
        {found.status === 'loading' && t('products.field.kbli.searching')}
        {found.status === 'error' && t('products.field.kbli.failed')}
        {found.status === 'ready' && found.items.length === 0 && t('products.field.kbli.none')}
      </p>
      {found.status === 'ready' && found.items.length > 0 && (
        <ul className="choices">
          {found.items.map((k) => (
            <li key={k.code}>
              <button type="button" className="choice" onClick={() => onChange(k)}>
                <strong>{k.code}</strong> {k.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </TextField>
  );
}
