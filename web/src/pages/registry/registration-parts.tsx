// The register's form in parts: its fieldsets (each a section of the form), the NIK field, and the failure alert.
import { type ReactNode, type RefObject, useId } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import { localDate } from '../../../../src/platform/time.ts';
import { ApiProblem } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { problemText } from '../../ui/form.tsx';
import { useResource } from '../../ui/load.ts';
import { RupiahField, SelectField, TextField } from './fields.tsx';
import { type BusinessKind, type ClientProblem, formFieldOf, type RegistrationDraft } from './form-model.ts';
import { messages } from './i18n.ts';
import { type Agency, type Check, referenceList, type useIdentifierCheck } from './lookups.ts';
import { KbliPicker, type Place, RegionPicker } from './pickers.tsx';

export type IdentifierCheck = ReturnType<typeof useIdentifierCheck>;
export type NikFacts = { gender: 'male' | 'female'; birth_date: string; region_known: boolean };

/** What every fieldset reads from the form: the draft, the texts, the errors, and the setters. */
export interface FieldsetProps {
  mode: 'self' | 'desk';
  draft: RegistrationDraft;
  t: AreaI18n<keyof typeof messages.id>['t'];
  err: (field: string) => string | undefined;
  checkErr: (field: string, c: Check, value: string) => string | undefined;
  blurCheck: (c: IdentifierCheck, value: string) => () => void;
  setOwner: <K extends keyof RegistrationDraft['owner']>(k: K, v: RegistrationDraft['owner'][K]) => void;
  setBusiness: <K extends keyof RegistrationDraft['business']>(k: K, v: RegistrationDraft['business'][K]) => void;
}

export type Failure =
  | { kind: 'check'; count: number }
  | { kind: 'offline' }
  | { kind: 'already' }
  | { kind: 'problem'; error: unknown; unplaced: Bilingual[] };

export const PROBLEM_TEXT: Record<
  ClientProblem,
  | 'registry.err.required'
  | 'registry.err.nikConfirm'
  | 'registry.err.year'
  | 'registry.err.number'
  | 'registry.err.email'
  | 'registry.err.kbli'
  | 'registry.err.negative'
> = {
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
  'owner.fullName',
  'owner.nik',
  'owner.nikConfirmed',
  'owner.phone',
  'owner.email',
  'business.name',
  'business.kind',
  'business.nib',
  'business.npwp',
  'business.kbliCodes',
  'business.city',
  'business.district',
  'business.villageCode',
  'business.address',
  'business.postalCode',
  'business.startYear',
  'business.workers',
  'business.capital',
  'business.annualSales',
  'business.fosteringAgencyId',
]);

/** A server's field errors: those next to a field of the form (`placed`), the rest for the form's alert. */
export function placeErrors(error: unknown): { placed: Record<string, Bilingual>; unplaced: Bilingual[] } {
  const placed: Record<string, Bilingual> = {};
  const unplaced: Bilingual[] = [];
  if (error instanceof ApiProblem)
    for (const fe of error.errors) {
      const f = formFieldOf(fe.field);
      if (FIELDS.has(f)) placed[f] ??= fe.message;
      else unplaced.push(fe.message);
    }
  return { placed, unplaced };
}

/** The owner: name, NIK (checked as typed), phone, email. */
export function OwnerFieldset({
  f,
  nik,
  phone,
  derived,
}: {
  f: FieldsetProps;
  nik: IdentifierCheck;
  phone: IdentifierCheck;
  derived: NikFacts | undefined;
}) {
  const { t, mode, err, checkErr, blurCheck, setOwner } = f;
  const o = f.draft.owner;
  return (
    <fieldset>
      <legend>{mode === 'desk' ? t('registry.owner.legendDesk') : t('registry.owner.legend')}</legend>
      <TextField
        name="owner.fullName"
        label={t('registry.owner.fullName')}
        hint={t('registry.owner.fullName.hint')}
        autoComplete={mode === 'self' ? 'name' : 'off'}
        value={o.fullName}
        onChange={(e) => setOwner('fullName', e.target.value)}
        error={err('owner.fullName')}
      />
      <NikField
        value={o.nik}
        onChange={(v) => setOwner('nik', v)}
        onBlur={blurCheck(nik, o.nik)}
        check={nik.state}
        derived={derived}
        error={checkErr('owner.nik', nik.state, o.nik)}
        confirmed={o.nikConfirmed}
        onConfirm={(v) => setOwner('nikConfirmed', v)}
        confirmError={err('owner.nikConfirmed')}
        mode={mode}
      />
      <TextField
        name="owner.phone"
        label={t('registry.owner.phone')}
        hint={mode === 'desk' ? t('registry.owner.phone.hintDesk') : t('registry.owner.phone.hint')}
        type="tel"
        inputMode="tel"
        autoComplete={mode === 'self' ? 'tel' : 'off'}
        value={o.phone}
        onChange={(e) => {
          setOwner('phone', e.target.value);
          phone.reset();
        }}
        onBlur={blurCheck(phone, o.phone)}
        error={checkErr('owner.phone', phone.state, o.phone)}
      />
      <TextField
        name="owner.email"
        label={t('registry.owner.email')}
        optional
        type="email"
        inputMode="email"
        autoComplete={mode === 'self' ? 'email' : 'off'}
        autoCapitalize="none"
        value={o.email}
        onChange={(e) => setOwner('email', e.target.value)}
        error={err('owner.email')}
      />
    </fieldset>
  );
}

/** The business: name, kind, KBLI, NIB, NPWP. */
export function BusinessFieldset({ f, nib, npwp }: { f: FieldsetProps; nib: IdentifierCheck; npwp: IdentifierCheck }) {
  const { t, err, checkErr, blurCheck, setBusiness } = f;
  const b = f.draft.business;
  return (
    <fieldset>
      <legend>{t('registry.business.legend')}</legend>
      <TextField
        name="business.name"
        label={t('registry.business.name')}
        hint={t('registry.business.name.hint')}
        autoComplete="organization"
        value={b.name}
        onChange={(e) => setBusiness('name', e.target.value)}
        error={err('business.name')}
      />
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
      <TextField
        name="business.nib"
        label={t('registry.business.nib')}
        hint={t('registry.business.nib.hint')}
        optional
        inputMode="numeric"
        autoComplete="off"
        value={b.nib}
        onChange={(e) => {
          setBusiness('nib', e.target.value);
          nib.reset();
        }}
        onBlur={blurCheck(nib, b.nib)}
        error={checkErr('business.nib', nib.state, b.nib)}
      />
      <TextField
        name="business.npwp"
        label={t('registry.business.npwp')}
        hint={t('registry.business.npwp.hint')}
        optional
        inputMode="numeric"
        autoComplete="off"
        value={b.npwp}
        onChange={(e) => {
          setBusiness('npwp', e.target.value);
          npwp.reset();
        }}
        onBlur={blurCheck(npwp, b.npwp)}
        error={checkErr('business.npwp', npwp.state, b.npwp)}
      />
    </fieldset>
  );
}

/** Where the business is: kota → kecamatan → kelurahan, address, postal code (checked against the kota). */
export function PlaceFieldset({
  f,
  postal,
  postalOtherCity,
  deskDistricts,
  onPlace,
}: {
  f: FieldsetProps;
  postal: IdentifierCheck;
  postalOtherCity: boolean;
  deskDistricts?: string[];
  onPlace: (p: Place) => void;
}) {
  const { t, mode, err, checkErr, blurCheck, setBusiness } = f;
  const b = f.draft.business;
  return (
    <fieldset>
      <legend>{t('registry.place.legend')}</legend>
      <RegionPicker
        value={{ city: b.city, district: b.district, villageCode: b.villageCode }}
        onChange={onPlace}
        deskDistricts={deskDistricts}
        errors={{
          city: err('business.city'),
          district: err('business.district'),
          villageCode: err('business.villageCode'),
        }}
      />
      <TextField
        name="business.address"
        label={t('registry.business.address')}
        hint={t('registry.business.address.hint')}
        autoComplete={mode === 'self' ? 'street-address' : 'off'}
        value={b.address}
        onChange={(e) => setBusiness('address', e.target.value)}
        error={err('business.address')}
      />
      <TextField
        name="business.postalCode"
        label={t('registry.business.postalCode')}
        inputMode="numeric"
        autoComplete={mode === 'self' ? 'postal-code' : 'off'}
        maxLength={10}
        value={b.postalCode}
        onChange={(e) => {
          setBusiness('postalCode', e.target.value);
          postal.reset();
        }}
        onBlur={blurCheck(postal, b.postalCode)}
        error={
          checkErr('business.postalCode', postal.state, b.postalCode) ??
          (postalOtherCity ? t('registry.postal.otherCity') : undefined)
        }
      />
    </fieldset>
  );
}

/** Size class inputs: start year, workers, capital, annual sales. */
export function SizeFieldset({ f }: { f: FieldsetProps }) {
  const { t, err, setBusiness } = f;
  const b = f.draft.business;
  const currentYear = Number(localDate(new Date()).slice(0, 4));
  return (
    <fieldset>
      <legend>{t('registry.size.legend')}</legend>
      <p className="hint">{t('registry.size.intro')}</p>
      <TextField
        name="business.startYear"
        label={t('registry.business.startYear')}
        hint={t('registry.business.startYear.hint', { year: currentYear })}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        value={b.startYear}
        onChange={(e) => setBusiness('startYear', e.target.value)}
        error={err('business.startYear')}
      />
      <TextField
        name="business.workers"
        label={t('registry.business.workers')}
        hint={t('registry.business.workers.hint')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={b.workers}
        onChange={(e) => setBusiness('workers', e.target.value)}
        error={err('business.workers')}
      />
      <RupiahField
        name="business.capital"
        label={t('registry.business.capital')}
        hint={t('registry.business.capital.hint')}
        value={b.capital}
        onDigits={(v) => setBusiness('capital', v)}
        error={err('business.capital')}
      />
      <RupiahField
        name="business.annualSales"
        label={t('registry.business.annualSales')}
        hint={t('registry.business.annualSales.hint')}
        optional
        value={b.annualSales}
        onDigits={(v) => setBusiness('annualSales', v)}
        error={err('business.annualSales')}
      />
    </fieldset>
  );
}

/** The pengampu (fostering agency), from the reference list. */
export function AgencyFieldset({ f }: { f: FieldsetProps }) {
  const { t, err, setBusiness } = f;
  const b = f.draft.business;
  const { state: agencies, reload: retryAgencies } = useResource(
    ...referenceList<Agency>('/api/registry/fostering-agencies'),
  );
  return (
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
            <option value="">
              {agencies.status === 'loading'
                ? t('app.loading')
                : agencies.status === 'error'
                  ? t('registry.loadFailed')
                  : t('registry.choose')}
            </option>
            {agencies.status === 'ready' &&
              agencies.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
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
  );
}

/** NIK with instant feedback: what is wrong, or what it says (gender, birth date) for the owner to confirm. */
export function NikField(p: {
  value: string;
  onChange: (v: string) => void;
  onBlur: () => void;
  check: Check;
  derived?: NikFacts;
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
            <input
              type="checkbox"
              name="owner.nikConfirmed"
              checked={p.confirmed}
              onChange={(e) => p.onConfirm(e.target.checked)}
              aria-invalid={p.confirmError ? true : undefined}
              aria-describedby={[factsId, p.confirmError && confirmErrId].filter(Boolean).join(' ')}
            />
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

export function FailureAlert({
  failure,
  alertRef,
  mode,
}: {
  failure?: Failure;
  alertRef: RefObject<HTMLDivElement | null>;
  mode: 'self' | 'desk';
}) {
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
