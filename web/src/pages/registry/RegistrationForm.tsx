import { type FormEvent, type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import { localDate } from '../../../../src/platform/time.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import type { Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { focusFirstError, problemText } from '../../ui/form.tsx';
import { RupiahField, SelectField, TextField } from './fields.tsx';
import { type BusinessKind, type ClientProblem, checkDraft, clearDraft, emptyDraft, formFieldOf, isBlank, loadDraft, type RegistrationDraft, requestBody, saveDraft } from './form-model.ts';
import { messages } from './i18n.ts';
import { useResource } from '../../ui/load.ts';
import { type Agency, type Check, referenceList, useIdentifierCheck } from './lookups.ts';
import { KbliPicker, type Place, RegionPicker } from './pickers.tsx';

export interface RegistrationResult {
  outcome: 'registered' | 'linked' | 'already_registered';
  umkmId: number;
  message: Bilingual;
  claimCode?: string;
  claimCodeExpiresAt?: string;
  businessName: string;
  ownerName: string;
  ownerPhone: string;
}

type Failure = { kind: 'check'; count: number } | { kind: 'offline' } | { kind: 'already' } | { kind: 'problem'; error: unknown; unplaced: Bilingual[] };

const PROBLEM_TEXT: Record<ClientProblem, 'registry.err.required' | 'registry.err.nikConfirm' | 'registry.err.year' | 'registry.err.number' | 'registry.err.email' | 'registry.err.kbli' | 'registry.err.negative'> = {
  required: 'registry.err.required',
  nikConfirm: 'registry.err.nikConfirm',
  year: 'registry.err.year',
  number: 'registry.err.number',
  email: 'registry.err.email',
  kbliRequired: 'registry.err.kbli',
  negative: 'registry.err.negative',
};

/** Form fields a server error can be shown next to; anything else goes in the form's alert. */
const FIELDS = new Set([
  'owner.fullName', 'owner.nik', 'owner.nikConfirmed', 'owner.phone', 'owner.email',
  'business.name', 'business.kind', 'business.nib', 'business.npwp', 'business.kbliCodes', 'business.city', 'business.district', 'business.villageCode',
  'business.address', 'business.postalCode', 'business.startYear', 'business.workers', 'business.capital', 'business.annualSales', 'business.fosteringAgencyId',
]);

function storageFor(mode: 'self' | 'desk'): Storage | undefined {
  try {
    // The owner's own phone keeps the draft until it is sent or deleted; the desk's shared computer only for the
    // browser tab (someone else's NIK should not outlive the visit on an office PC).
    return mode === 'self' ? localStorage : sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The register's long form, for the owner (`self`) and for the pendamping at the kecamatan desk (`desk`). Every
 * keystroke is kept on the device, so a dropped connection or a reload loses nothing; identifiers get instant
 * feedback from the register's own rules.
 */
export function RegistrationForm({ mode, me, prefill = {}, onDone }: { mode: 'self' | 'desk'; me: Me; prefill?: { fullName?: string; phone?: string }; onDone: (r: RegistrationResult) => void }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const storage = storageFor(mode);
  const key = `pasar-lokal.draft.registry.${mode}.${me.account.id}`;
  const [restored] = useState(() => loadDraft(storage, key));
  const [draft, setDraft] = useState<RegistrationDraft>(() => restored ?? emptyDraft(prefill));
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  const [failure, setFailure] = useState<Failure>();
  const [busy, setBusy] = useState(false);
  const [cleared, setCleared] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const deskDistricts = mode === 'desk' ? me.roles.filter((g) => g.role === 'pendamping').map((g) => g.scopeId) : undefined;
  const { state: agencies, reload: retryAgencies } = useResource(...referenceList<Agency>('/api/registry/fostering-agencies'));

  const nik = useIdentifierCheck('nik');
  const phone = useIdentifierCheck('phone');
  const nib = useIdentifierCheck('nib');
  const npwp = useIdentifierCheck('npwp');
  const postal = useIdentifierCheck('postal_code');

  // Kept on every change; an untouched form leaves nothing behind.
  useEffect(() => {
    if (isBlank(draft, prefill)) clearDraft(storage, key);
    else saveDraft(storage, key, draft);
  }, [draft]); // eslint-disable-line react-hooks/exhaustive-deps

  // A restored postal code gets its feedback again (a restored NIK gets it from the effect below).
  useEffect(() => {
    if (restored?.business.postalCode.trim()) void postal.check(restored.business.postalCode);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // The NIK is checked as soon as it has 16 digits (or more), and when the owner leaves the field.
  const nikDigits = draft.owner.nik.replace(/\s/g, '');
  useEffect(() => {
    if (nikDigits.length < 16) return nik.reset();
    const timer = setTimeout(() => void nik.check(draft.owner.nik), 250);
    return () => clearTimeout(timer);
  }, [nikDigits]); // eslint-disable-line react-hooks/exhaustive-deps

  const clearError = (...fields: string[]) =>
    setErrors((e) => {
      if (!fields.some((f) => f in e)) return e;
      const next = { ...e };
      for (const f of fields) delete next[f];
      return next;
    });
  const setOwner = <K extends keyof RegistrationDraft['owner']>(k: K, v: RegistrationDraft['owner'][K]) => {
    setDraft((d) => ({ ...d, owner: { ...d.owner, [k]: v, ...(k === 'nik' ? { nikConfirmed: false } : {}) } }));
    clearError(`owner.${k}`, ...(k === 'nik' ? ['owner.nikConfirmed'] : []));
  };
  const setBusiness = <K extends keyof RegistrationDraft['business']>(k: K, v: RegistrationDraft['business'][K]) => {
    setDraft((d) => ({ ...d, business: { ...d.business, [k]: v } }));
    clearError(`business.${k === 'kbli' ? 'kbliCodes' : k}`);
  };
  const setPlace = (p: Place) => {
    setDraft((d) => ({ ...d, business: { ...d.business, ...p } }));
    clearError('business.city', 'business.district', 'business.villageCode');
  };

  const err = (field: string) => errors[field]?.[lang];
  /** A field's message: the last submit's, else the instant check's (when it is about the value still there). */
  const checkErr = (field: string, c: Check, value: string) => err(field) ?? (c.status === 'invalid' && c.value === value ? c.message[lang] : undefined);
  const blurCheck = (c: ReturnType<typeof useIdentifierCheck>, value: string) => () => {
    if (value.trim() && !('value' in c.state && c.state.value === value)) void c.check(value);
  };

  const derived = nik.state.status === 'valid' && nik.state.value === draft.owner.nik ? (nik.state.derived as { gender: 'male' | 'female'; birth_date: string; region_known: boolean }) : undefined;
  const postalCities = postal.state.status === 'valid' && postal.state.value === draft.business.postalCode ? (postal.state.derived.city_codes as string[]) : undefined;
  const postalOtherCity = postalCities && draft.business.city && !postalCities.includes(draft.business.city);

  function discardDraft() {
    clearDraft(storage, key);
    setDraft(emptyDraft(prefill));
    setErrors({});
    setFailure(undefined);
    for (const c of [nik, phone, nib, npwp, postal]) c.reset();
    setCleared(true);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setCleared(false);
    const found: Record<string, Bilingual> = {};
    const currentYear = Number(localDate(new Date()).slice(0, 4));
    for (const [f, p] of Object.entries(checkDraft(draft, { nikDerived: derived !== undefined, currentYear }))) found[f] = i18n.msg(PROBLEM_TEXT[p]);
    for (const [f, c, v] of [['owner.nik', nik.state, draft.owner.nik], ['owner.phone', phone.state, draft.owner.phone], ['business.nib', nib.state, draft.business.nib], ['business.npwp', npwp.state, draft.business.npwp], ['business.postalCode', postal.state, draft.business.postalCode]] as const)
      if (!found[f] && c.status === 'invalid' && c.value === v) found[f] = c.message;
    setErrors(found);
    if (Object.keys(found).length) {
      setFailure({ kind: 'check', count: Object.keys(found).length });
      return focusFirstError(form.current);
    }
    setFailure(undefined);
    setBusy(true);
    try {
      const r = await api<Omit<RegistrationResult, 'businessName' | 'ownerName' | 'ownerPhone'>>(mode === 'self' ? '/api/registry/registrations' : '/api/registry/desk-registrations', {
        method: 'POST',
        body: requestBody(draft, derived),
      });
      clearDraft(storage, key);
      onDone({ ...r, businessName: draft.business.name.trim(), ownerName: draft.owner.fullName.trim(), ownerPhone: draft.owner.phone.trim() });
    } catch (error) {
      setBusy(false);
      const placed: Record<string, Bilingual> = {};
      const unplaced: Bilingual[] = [];
      if (error instanceof ApiProblem)
        for (const fe of error.errors) {
          const f = formFieldOf(fe.field);
          if (FIELDS.has(f)) placed[f] ??= fe.message;
          else unplaced.push(fe.message);
        }
      setErrors(placed);
      const code = error instanceof ApiProblem ? error.code : '';
      setFailure(code === 'network' ? { kind: 'offline' } : code === 'already_registered' ? { kind: 'already' } : { kind: 'problem', error, unplaced });
      requestAnimationFrame(() => (Object.keys(placed).length && code !== 'already_registered' ? focusFirstError(form.current) : alertRef.current?.focus()));
    }
  }

  const o = draft.owner;
  const b = draft.business;
  const currentYear = Number(localDate(new Date()).slice(0, 4));
  return (
    <form ref={form} className="form registry-form" noValidate onSubmit={submit} aria-busy={busy} data-mode={mode}>
      {restored && !cleared && !isBlank(draft, prefill) && (
        <div className="notice" role="status">
          <p>{t('registry.draft.restored')}</p>
          <button type="button" className="link-button" onClick={discardDraft}>
            {t('registry.draft.discard')}
          </button>
        </div>
      )}
      {cleared && (
        <p className="notice" role="status">
          {t('registry.draft.discarded')}
        </p>
      )}
      <FailureAlert failure={failure} alertRef={alertRef} mode={mode} />

      <fieldset>
        <legend>{mode === 'desk' ? t('registry.owner.legendDesk') : t('registry.owner.legend')}</legend>
        <TextField name="owner.fullName" label={t('registry.owner.fullName')} hint={t('registry.owner.fullName.hint')} autoComplete={mode === 'self' ? 'name' : 'off'} value={o.fullName} onChange={(e) => setOwner('fullName', e.target.value)} error={err('owner.fullName')} />
        <NikField value={o.nik} onChange={(v) => setOwner('nik', v)} onBlur={blurCheck(nik, o.nik)} check={nik.state} derived={derived} error={checkErr('owner.nik', nik.state, o.nik)} confirmed={o.nikConfirmed} onConfirm={(v) => setOwner('nikConfirmed', v)} confirmError={err('owner.nikConfirmed')} mode={mode} />
        <TextField name="owner.phone" label={t('registry.owner.phone')} hint={mode === 'desk' ? t('registry.owner.phone.hintDesk') : t('registry.owner.phone.hint')} type="tel" inputMode="tel" autoComplete={mode === 'self' ? 'tel' : 'off'} value={o.phone} onChange={(e) => { setOwner('phone', e.target.value); phone.reset(); }} onBlur={blurCheck(phone, o.phone)} error={checkErr('owner.phone', phone.state, o.phone)} />
        <TextField name="owner.email" label={t('registry.owner.email')} optional type="email" inputMode="email" autoComplete={mode === 'self' ? 'email' : 'off'} autoCapitalize="none" value={o.email} onChange={(e) => setOwner('email', e.target.value)} error={err('owner.email')} />
      </fieldset>

      <fieldset>
        <legend>{t('registry.business.legend')}</legend>
        <TextField name="business.name" label={t('registry.business.name')} hint={t('registry.business.name.hint')} autoComplete="organization" value={b.name} onChange={(e) => setBusiness('name', e.target.value)} error={err('business.name')} />
        <SelectField
          name="business.kind"
          label={t('registry.business.kind')}
          hint={t('registry.business.kind.hint')}
          value={b.kind}
          onChange={(e) => setBusiness('kind', e.target.value as BusinessKind)}
          error={err('business.kind')}
          options={(['jakpreneur', 'non_jakpreneur', 'cooperative'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`registry.kind.${k}`)}
            </option>
          ))}
        />
        <KbliPicker value={b.kbli} onChange={(v) => setBusiness('kbli', v)} error={err('business.kbliCodes')} />
        <TextField name="business.nib" label={t('registry.business.nib')} hint={t('registry.business.nib.hint')} optional inputMode="numeric" autoComplete="off" value={b.nib} onChange={(e) => { setBusiness('nib', e.target.value); nib.reset(); }} onBlur={blurCheck(nib, b.nib)} error={checkErr('business.nib', nib.state, b.nib)} />
        <TextField name="business.npwp" label={t('registry.business.npwp')} hint={t('registry.business.npwp.hint')} optional inputMode="numeric" autoComplete="off" value={b.npwp} onChange={(e) => { setBusiness('npwp', e.target.value); npwp.reset(); }} onBlur={blurCheck(npwp, b.npwp)} error={checkErr('business.npwp', npwp.state, b.npwp)} />
      </fieldset>

      <fieldset>
        <legend>{t('registry.place.legend')}</legend>
        <RegionPicker value={{ city: b.city, district: b.district, villageCode: b.villageCode }} onChange={setPlace} deskDistricts={deskDistricts} errors={{ city: err('business.city'), district: err('business.district'), villageCode: err('business.villageCode') }} />
        <TextField name="business.address" label={t('registry.business.address')} hint={t('registry.business.address.hint')} autoComplete={mode === 'self' ? 'street-address' : 'off'} value={b.address} onChange={(e) => setBusiness('address', e.target.value)} error={err('business.address')} />
        <TextField
          name="business.postalCode"
          label={t('registry.business.postalCode')}
          inputMode="numeric"
          autoComplete={mode === 'self' ? 'postal-code' : 'off'}
          maxLength={10}
          value={b.postalCode}
          onChange={(e) => { setBusiness('postalCode', e.target.value); postal.reset(); }}
          onBlur={blurCheck(postal, b.postalCode)}
          error={checkErr('business.postalCode', postal.state, b.postalCode) ?? (postalOtherCity ? t('registry.postal.otherCity') : undefined)}
        />
      </fieldset>

      <fieldset>
        <legend>{t('registry.size.legend')}</legend>
        <p className="hint">{t('registry.size.intro')}</p>
        <TextField name="business.startYear" label={t('registry.business.startYear')} hint={t('registry.business.startYear.hint', { year: currentYear })} inputMode="numeric" autoComplete="off" maxLength={4} value={b.startYear} onChange={(e) => setBusiness('startYear', e.target.value)} error={err('business.startYear')} />
        <TextField name="business.workers" label={t('registry.business.workers')} hint={t('registry.business.workers.hint')} inputMode="numeric" autoComplete="off" maxLength={6} value={b.workers} onChange={(e) => setBusiness('workers', e.target.value)} error={err('business.workers')} />
        <RupiahField name="business.capital" label={t('registry.business.capital')} hint={t('registry.business.capital.hint')} value={b.capital} onDigits={(v) => setBusiness('capital', v)} error={err('business.capital')} />
        <RupiahField name="business.annualSales" label={t('registry.business.annualSales')} hint={t('registry.business.annualSales.hint')} optional value={b.annualSales} onDigits={(v) => setBusiness('annualSales', v)} error={err('business.annualSales')} />
      </fieldset>

      <fieldset>
        <legend>{t('registry.agency.legend')}</legend>
        <SelectField
          name="business.fosteringAgencyId"
          label={t('registry.business.agency')}
          hint={t('registry.business.agency.hint')}
          value={b.fosteringAgencyId}
          disabled={agencies.status !== 'ready'}
          onChange={(e) => setBusiness('fosteringAgencyId', e.target.value)}
          error={err('business.fosteringAgencyId')}
          options={
            <>
              <option value="">{agencies.status === 'loading' ? t('app.loading') : agencies.status === 'error' ? t('registry.loadFailed') : t('registry.choose')}</option>
              {agencies.status === 'ready' && agencies.items.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </>
          }
        >
          {agencies.status === 'error' && (
            <button type="button" className="link-button" onClick={retryAgencies}>
              {t('figures.retry')}
            </button>
          )}
        </SelectField>
      </fieldset>

      <p className="hint">{mode === 'self' ? t('registry.draft.kept') : t('registry.draft.keptDesk')}</p>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('registry.submitting') : mode === 'desk' ? t('registry.submitDesk') : t('registry.submit')}
        </button>
        {!isBlank(draft, prefill) && (
          <button type="button" className="button secondary" onClick={discardDraft}>
            {t('registry.draft.discard')}
          </button>
        )}
      </div>
    </form>
  );
}

/** NIK with instant feedback: what is wrong, or what it says (gender, birth date) for the owner to confirm. */
function NikField(p: {
  value: string;
  onChange: (v: string) => void;
  onBlur: () => void;
  check: Check;
  derived?: { gender: 'male' | 'female'; birth_date: string; region_known: boolean };
  error?: string;
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
  confirmError?: string;
  mode: 'self' | 'desk';
}) {
  const { t, date } = useAreaI18n(messages);
  const base = useId().replace(/:/g, '');
  const errId = `nik-${base}-error`;
  const factsId = `nik-${base}-facts`;
  const confirmErrId = `nik-${base}-confirm-error`;
  return (
    <TextField
      name="owner.nik"
      label={t('registry.owner.nik')}
      hint={t('registry.owner.nik.hint')}
      inputMode="numeric"
      autoComplete="off"
      maxLength={24}
      invalid={p.error !== undefined}
      describedBy={[p.error && errId, p.derived && factsId].filter(Boolean).join(' ') || undefined}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
      onBlur={p.onBlur}
    >
      <div aria-live="polite" className="live">
        {p.error && (
          <p id={errId} className="field-error" data-nik-error>
            {p.error}
          </p>
        )}
        {!p.error && p.check.status === 'checking' && <p className="hint">{t('registry.nik.checking')}</p>}
        {!p.error && p.check.status === 'unavailable' && <p className="hint">{t('registry.nik.unavailable')}</p>}
        {p.derived && !p.error && (
          <div id={factsId} className="derived" data-nik-facts>
            <p className="derived-title">{t('registry.nik.says')}</p>
            <dl>
              <div>
                <dt>{t('registry.nik.gender')}</dt>
                <dd>{t(p.derived.gender === 'female' ? 'registry.gender.female' : 'registry.gender.male')}</dd>
              </div>
              <div>
                <dt>{t('registry.nik.birthDate')}</dt>
                <dd data-birth-date={p.derived.birth_date}>{date(p.derived.birth_date)}</dd>
              </div>
            </dl>
            {!p.derived.region_known && <p className="hint">{t('registry.nik.regionUnknown')}</p>}
          </div>
        )}
      </div>
      {p.derived && !p.error && (
        <div className={`confirm${p.confirmError ? ' has-error' : ''}`}>
          <label className="check">
            <input type="checkbox" name="owner.nikConfirmed" checked={p.confirmed} onChange={(e) => p.onConfirm(e.target.checked)} aria-invalid={p.confirmError ? true : undefined} aria-describedby={[factsId, p.confirmError && confirmErrId].filter(Boolean).join(' ')} />
            {p.mode === 'desk' ? t('registry.nik.confirmDesk') : t('registry.nik.confirm')}
          </label>
          {p.confirmError && (
            <p id={confirmErrId} className="field-error">
              {p.confirmError}
            </p>
          )}
          <p className="hint">{t('registry.nik.notRight')}</p>
        </div>
      )}
    </TextField>
  );
}

function FailureAlert({ failure, alertRef, mode }: { failure?: Failure; alertRef: RefObject<HTMLDivElement | null>; mode: 'self' | 'desk' }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  if (!failure) return null;
  let body: ReactNode;
  if (failure.kind === 'check') body = <p>{t('registry.err.count', { n: failure.count })}</p>;
  else if (failure.kind === 'offline') body = <p>{t('registry.err.offline')}</p>;
  else if (failure.kind === 'already')
    body =
      mode === 'self' ? (
        <>
          <p>{t('registry.err.already')}</p>
          <p>
            <Link href="/aktifkan">{t('registry.err.already.claim')}</Link>
          </p>
        </>
      ) : (
        <p>{t('registry.err.alreadyDesk')}</p>
      );
  else
    body = (
      <>
        <p>{problemText(failure.error, i18n)}</p>
        {failure.unplaced.length > 0 && (
          <ul>
            {failure.unplaced.map((m) => (
              <li key={m.id}>{m[lang]}</li>
            ))}
          </ul>
        )}
      </>
    );
  return (
    <div ref={alertRef} role="alert" tabIndex={-1} className="notice error" data-failure={failure.kind}>
      {body}
    </div>
  );
}
