import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import { localDate } from '../../../../src/platform/time.ts';
import { ApiProblem, api } from '../../app/api.ts';
import type { Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { focusFirstError } from '../../ui/form.tsx';
import {
  checkDraft,
  clearDraft,
  emptyDraft,
  isBlank,
  loadDraft,
  type RegistrationDraft,
  requestBody,
  saveDraft,
} from './form-model.ts';
import { messages } from './i18n.ts';
import { type Check, useIdentifierCheck } from './lookups.ts';
import type { Place } from './pickers.tsx';
import {
  AgencyFieldset,
  BusinessFieldset,
  FailureAlert,
  type Failure,
  type FieldsetProps,
  type IdentifierCheck,
  type NikFacts,
  OwnerFieldset,
  placeErrors,
  PlaceFieldset,
  PROBLEM_TEXT,
  SizeFieldset,
} from './registration-parts.tsx';

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
export function RegistrationForm({
  mode,
  me,
  prefill = {},
  onDone,
}: {
  mode: 'self' | 'desk';
  me: Me;
  prefill?: { fullName?: string; phone?: string };
  onDone: (r: RegistrationResult) => void;
}) {
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
  const deskDistricts =
    mode === 'desk' ? me.roles.filter((g) => g.role === 'pendamping').map((g) => g.scopeId) : undefined;

  const nik = useIdentifierCheck('nik');
  const phone = useIdentifierCheck('phone');
  const nib = useIdentifierCheck('nib');
  const npwp = useIdentifierCheck('npwp');
  const postal = useIdentifierCheck('postal_code');

  // Kept on every change; an untouched form leaves nothing behind.
  // biome-ignore lint/correctness/useExhaustiveDependencies: saved when the draft changes, not when the storage key or prefill objects are remade
  useEffect(() => {
    if (isBlank(draft, prefill)) clearDraft(storage, key);
    else saveDraft(storage, key, draft);
  }, [draft]);

  // A restored postal code gets its feedback again (a restored NIK gets it from the effect below).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for a restored draft, on the first render only
  useEffect(() => {
    if (restored?.business.postalCode.trim()) void postal.check(restored.business.postalCode);
  }, []);

  // The NIK is checked as soon as it has 16 digits (or more), and when the owner leaves the field.
  const nikDigits = draft.owner.nik.replace(/\s/g, '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: checks the NIK when its digits change, not when the checker object is remade
  useEffect(() => {
    if (nikDigits.length < 16) return nik.reset();
    const timer = setTimeout(() => void nik.check(draft.owner.nik), 250);
    return () => clearTimeout(timer);
  }, [nikDigits]);

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
  const checkErr = (field: string, c: Check, value: string) =>
    err(field) ?? (c.status === 'invalid' && c.value === value ? c.message[lang] : undefined);
  const blurCheck = (c: IdentifierCheck, value: string) => () => {
    if (value.trim() && !('value' in c.state && c.state.value === value)) void c.check(value);
  };

  const derived =
    nik.state.status === 'valid' && nik.state.value === draft.owner.nik ? (nik.state.derived as NikFacts) : undefined;
  const postalCities =
    postal.state.status === 'valid' && postal.state.value === draft.business.postalCode
      ? (postal.state.derived.city_codes as string[])
      : undefined;
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
    for (const [f, p] of Object.entries(checkDraft(draft, { nikDerived: derived !== undefined, currentYear })))
      found[f] = i18n.msg(PROBLEM_TEXT[p]);
    for (const [f, c, v] of [
      ['owner.nik', nik.state, draft.owner.nik],
      ['owner.phone', phone.state, draft.owner.phone],
      ['business.nib', nib.state, draft.business.nib],
      ['business.npwp', npwp.state, draft.business.npwp],
      ['business.postalCode', postal.state, draft.business.postalCode],
    ] as const)
      if (!found[f] && c.status === 'invalid' && c.value === v) found[f] = c.message;
    setErrors(found);
    if (Object.keys(found).length) {
      setFailure({ kind: 'check', count: Object.keys(found).length });
      return focusFirstError(form.current);
    }
    setFailure(undefined);
    setBusy(true);
    try {
      const r = await api<Omit<RegistrationResult, 'businessName' | 'ownerName' | 'ownerPhone'>>(
        mode === 'self' ? '/api/registry/registrations' : '/api/registry/desk-registrations',
        {
          method: 'POST',
          body: requestBody(draft, derived),
        },
      );
      clearDraft(storage, key);
      onDone({
        ...r,
        businessName: draft.business.name.trim(),
        ownerName: draft.owner.fullName.trim(),
        ownerPhone: draft.owner.phone.trim(),
      });
    } catch (error) {
      setBusy(false);
      const { placed, unplaced } = placeErrors(error);
      setErrors(placed);
      const code = error instanceof ApiProblem ? error.code : '';
      setFailure(
        code === 'network'
          ? { kind: 'offline' }
          : code === 'already_registered'
            ? { kind: 'already' }
            : { kind: 'problem', error, unplaced },
      );
      requestAnimationFrame(() =>
        Object.keys(placed).length && code !== 'already_registered'
          ? focusFirstError(form.current)
          : alertRef.current?.focus(),
      );
    }
  }

  const f: FieldsetProps = { mode, draft, t, err, checkErr, blurCheck, setOwner, setBusiness };
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

      <OwnerFieldset f={f} nik={nik} phone={phone} derived={derived} />

      <BusinessFieldset f={f} nib={nib} npwp={npwp} />

      <PlaceFieldset
        f={f}
        postal={postal}
        postalOtherCity={Boolean(postalOtherCity)}
        deskDistricts={deskDistricts}
        onPlace={setPlace}
      />

      <SizeFieldset f={f} />

      <AgencyFieldset f={f} />

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
