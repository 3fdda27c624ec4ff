import { type FormEvent, useRef, useState } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { Field, FormAlert, focusFirstError, problemText, SubmitButton } from '../../ui/form.tsx';
import { SelectField, TextAreaField } from '../../ui/fields.tsx';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { messages } from './i18n.ts';
import { channelKey } from './shared.tsx';
import type { Call, CallInput, Channel, Rubric } from './types.ts';

const CHANNELS: readonly Channel[] = ['e_order', 'jbl', 'mall'];
const TEXTS = ['title', 'description', 'criteria'] as const;

interface Choices {
  rubrics: Rubric[];
  kurators: { accountId: number; displayName: string }[];
  categories: { code: string; name: Bilingual; food: boolean }[];
}

/** A call's values as the form holds them (text as typed). */
function initial(c?: Call) {
  return {
    'title.id': c?.title.id ?? '',
    'title.en': c?.title.en ?? '',
    'description.id': c?.description.id ?? '',
    'description.en': c?.description.en ?? '',
    'criteria.id': c?.criteria.id ?? '',
    'criteria.en': c?.criteria.en ?? '',
    quota: c ? String(c.quota) : '',
    deadlineWib: c?.deadlineWib ?? '',
    channel: (c?.channel ?? 'jbl') as Channel,
    rubricCode: c?.rubric.code ?? '',
  };
}
type Values = ReturnType<typeof initial>;

/**
 * Create or edit a curation call: bilingual texts (Indonesian first), which products it takes, how many may pass,
 * the deadline in WIB wall-clock time, the channel it feeds, the rubric and the kurators who score.
 */
export function CallForm({ call, onSaved }: { call?: Call; onSaved: (c: Call) => void }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const [v, setV] = useState<Values>(() => initial(call));
  const [categories, setCategories] = useState<string[]>(call?.categoryCodes ?? []);
  const [kurators, setKurators] = useState<number[]>(call?.kurators?.map((k) => k.accountId) ?? []);
  const [foodOnly, setFoodOnly] = useState(call?.foodOnly ?? false);
  const [requirePublished, setRequirePublished] = useState(call?.requirePublished ?? true);
  const [requiresHalal, setRequiresHalal] = useState(call?.requiresHalal ?? false);
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const choices = useResource<Choices>(
    () =>
      Promise.all([
        api<{ items: Rubric[] }>('/api/curation/rubrics'),
        api<{ items: Choices['kurators'] }>('/api/curation/kurators'),
        api<{ items: Choices['categories'] }>('/api/catalog/categories'),
      ]).then(([r, k, c]) => ({ rubrics: r.items, kurators: k.items, categories: c.items })),
    [],
  );
  const set = (k: keyof Values) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  const err = (k: string) => errors[k]?.[lang];
  const rubricCode = v.rubricCode || (choices.state.status === 'ready' ? (choices.state.rubrics[0]?.code ?? '') : '');

  function localErrors(): Record<string, Bilingual> {
    const found: Record<string, Bilingual> = {};
    for (const k of ['title.id', 'title.en', 'description.id', 'description.en', 'criteria.id', 'criteria.en'] as const)
      if (!v[k].trim()) found[k] = i18n.msg('curation.form.required');
    if (!/^\d{1,6}$/.test(v.quota.trim()) || Number(v.quota) < 1) found.quota = i18n.msg('curation.form.quotaRule');
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v.deadlineWib))
      found.deadlineWib = i18n.msg('curation.form.deadlineRule');
    return found;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = localErrors();
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) return focusFirstError(form.current);
    const body: CallInput = {
      title: { id: v['title.id'].trim(), en: v['title.en'].trim() },
      description: { id: v['description.id'].trim(), en: v['description.en'].trim() },
      criteria: { id: v['criteria.id'].trim(), en: v['criteria.en'].trim() },
      categoryCodes: categories,
      foodOnly,
      requirePublished,
      requiresHalal,
      quota: Number(v.quota),
      deadlineWib: v.deadlineWib,
      channel: v.channel,
      rubricCode,
      kuratorIds: kurators,
    };
    setBusy(true);
    try {
      onSaved(
        call
          ? await api<Call>(`/api/curation/calls/${call.id}`, { method: 'PATCH', body })
          : await api<Call>('/api/curation/calls', { method: 'POST', body }),
      );
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiProblem) {
        // `title.id` stays itself; an array's item (`kuratorIds.0`) belongs to the array's fieldset.
        const placed: Record<string, Bilingual> = {};
        for (const fe of error.errors) {
          const name = fe.field.replace(/^body\./, '').replace(/^(categoryCodes|kuratorIds)\..*$/, '$1');
          placed[name] ??= fe.message;
        }
        setErrors(placed);
      }
      setFailure(error);
      focusFirstError(form.current);
    }
  }

  return (
    <form
      ref={form}
      className="form cur-call-form"
      noValidate
      onSubmit={submit}
      aria-busy={busy}
      aria-label={call ? t('curation.calls.editTitle') : t('curation.calls.new')}
    >
      <FormAlert>{failure !== undefined ? problemText(failure, i18n) : null}</FormAlert>
      {TEXTS.map((k) => (
        <fieldset key={k} className="cur-pair">
          <legend>{t(`curation.form.${k}`)}</legend>
          {(['id', 'en'] as const).map((l) => {
            const name = `${k}.${l}` as const;
            const label = t(l === 'id' ? 'curation.form.inId' : 'curation.form.inEn');
            return k === 'title' ? (
              <Field
                key={name}
                name={name}
                label={label}
                maxLength={200}
                value={v[name]}
                onChange={(e) => set(name)(e.target.value)}
                error={err(name)}
              />
            ) : (
              <TextAreaField
                key={name}
                name={name}
                label={label}
                maxLength={5000}
                value={v[name]}
                onChange={(e) => set(name)(e.target.value)}
                error={err(name)}
              />
            );
          })}
        </fieldset>
      ))}
      <SelectField
        name="channel"
        label={t('curation.call.channel')}
        value={v.channel}
        onChange={(e) => set('channel')(e.target.value)}
        error={err('channel')}
        options={CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(channelKey(c))}
          </option>
        ))}
      />
      <Field
        name="quota"
        label={t('curation.form.quota')}
        hint={t('curation.form.quotaHint')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={v.quota}
        onChange={(e) => set('quota')(e.target.value.replace(/\D/g, ''))}
        error={err('quota')}
      />
      <Field
        name="deadlineWib"
        type="datetime-local"
        label={t('curation.form.deadline')}
        hint={t('curation.form.deadlineHint')}
        value={v.deadlineWib}
        onChange={(e) => set('deadlineWib')(e.target.value)}
        error={err('deadlineWib')}
      />
      <LoadStatus state={choices.state} onRetry={choices.reload} secondary />
      {choices.state.status === 'ready' && (
        <>
          <SelectField
            name="rubricCode"
            label={t('curation.call.rubric')}
            value={rubricCode}
            onChange={(e) => set('rubricCode')(e.target.value)}
            error={err('rubricCode')}
            options={choices.state.rubrics.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name[lang]}
              </option>
            ))}
          />
          <Checks
            name="kuratorIds"
            legend={t('curation.form.kurators')}
            hint={t('curation.form.kuratorsHint')}
            error={err('kuratorIds')}
            options={choices.state.kurators.map((k) => ({ value: String(k.accountId), label: k.displayName }))}
            chosen={kurators.map(String)}
            onChange={(xs) => setKurators(xs.map(Number))}
          />
          <Checks
            name="categoryCodes"
            legend={t('curation.form.categories')}
            hint={t('curation.form.categoriesHint')}
            error={err('categoryCodes')}
            options={choices.state.categories.map((c) => ({ value: c.code, label: c.name[lang] }))}
            chosen={categories}
            onChange={setCategories}
          />
        </>
      )}
      <fieldset className="cur-pair">
        <legend>{t('curation.form.rules')}</legend>
        <label className="check">
          <input type="checkbox" name="foodOnly" checked={foodOnly} onChange={(e) => setFoodOnly(e.target.checked)} />
          {t('curation.form.foodOnly')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="requirePublished"
            checked={requirePublished}
            onChange={(e) => setRequirePublished(e.target.checked)}
          />
          {t('curation.form.requirePublished')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="requiresHalal"
            checked={requiresHalal}
            onChange={(e) => setRequiresHalal(e.target.checked)}
          />
          {t('curation.form.requiresHalal')}
        </label>
      </fieldset>
      <SubmitButton busy={busy} busyText={t('curation.sending')}>
        {call ? t('curation.form.save') : t('curation.form.create')}
      </SubmitButton>
    </form>
  );
}

function Checks(p: {
  name: string;
  legend: string;
  hint: string;
  error?: string;
  options: { value: string; label: string }[];
  chosen: string[];
  onChange: (xs: string[]) => void;
}) {
  const id = `cur-${p.name}`;
  const toggle = (value: string, on: boolean) =>
    p.onChange(on ? [...p.chosen, value] : p.chosen.filter((x) => x !== value));
  return (
    <fieldset
      className={`cur-checks${p.error ? ' has-error' : ''}`}
      aria-describedby={[`${id}-hint`, p.error && `${id}-error`].filter(Boolean).join(' ')}
    >
      <legend>{p.legend}</legend>
      <p id={`${id}-hint`} className="hint">
        {p.hint}
      </p>
      {p.options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            name={p.name}
            value={o.value}
            checked={p.chosen.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
            aria-invalid={p.error ? true : undefined}
          />
          {o.label}
        </label>
      ))}
      {p.error && (
        <p id={`${id}-error`} className="field-error">
          {p.error}
        </p>
      )}
    </fieldset>
  );
}
