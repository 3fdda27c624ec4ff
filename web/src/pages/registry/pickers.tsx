import { useEffect, useId, useRef, useState } from 'react';
import { useAreaI18n } from '../../i18n/area.ts';
import { useKbliSearch } from '../../ui/kbli-search.ts';
import { SelectField, TextField } from './fields.tsx';
import type { KbliChoice } from './form-model.ts';
import { messages } from './i18n.ts';
import { type Loaded, useResource } from '../../ui/load.ts';
import { type Region, referenceList } from './lookups.ts';

const MAX_KBLI = 5;

/**
 * KBLI 2020 by code or words (`/api/kbli?q=`): results are buttons, the chosen codes a list with "Hapus". The
 * first chosen is the main line of business.
 */
export function KbliPicker({
  value,
  onChange,
  error,
}: {
  value: KbliChoice[];
  onChange: (v: KbliChoice[]) => void;
  error?: string;
}) {
  const { t } = useAreaI18n(messages);
  const [q, setQ] = useState('');
  const found = useKbliSearch(q, 8);
  const input = useRef<HTMLInputElement>(null);
  const chosenId = useId();

  const add = (k: KbliChoice) => {
    if (!value.some((v) => v.code === k.code)) onChange([...value, k].slice(0, MAX_KBLI));
    setQ('');
    input.current?.focus();
  };
  const remove = (code: string) => {
    onChange(value.filter((v) => v.code !== code));
    input.current?.focus();
  };
  const results = found.status === 'ready' ? found.items.filter((k) => !value.some((v) => v.code === k.code)) : [];

  return (
    <div className="kbli">
      {value.length > 0 && (
        <ul className="chosen" id={chosenId} aria-label={t('registry.kbli.chosen')}>
          {value.map((k, i) => (
            <li key={k.code} data-kbli={k.code}>
              <span>
                <strong>{k.code}</strong> {k.title}
                {i === 0 && <span className="badge">{t('registry.kbli.main')}</span>}
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => remove(k.code)}
                aria-label={t('registry.kbli.remove', { code: k.code })}
              >
                {t('registry.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {value.length < MAX_KBLI && (
        <TextField
          ref={input}
          name="business.kbliCodes"
          label={t('registry.kbli.label')}
          hint={t('registry.kbli.hint')}
          error={error}
          describedBy={value.length ? chosenId : undefined}
          type="search"
          autoComplete="off"
          enterKeyHint="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            // Enter picks the only match instead of submitting the whole form half-filled.
            if (e.key === 'Enter') {
              e.preventDefault();
              if (results.length === 1) add(results[0]!);
            }
          }}
        >
          <p className="hint" role="status">
            {found.status === 'loading' && t('registry.kbli.searching')}
            {found.status === 'error' && t('registry.kbli.failed')}
            {found.status === 'ready' &&
              (results.length ? t('registry.kbli.results', { n: results.length }) : t('registry.kbli.none'))}
          </p>
          {results.length > 0 && (
            <ul className="choices">
              {results.map((k) => (
                <li key={k.code}>
                  <button type="button" className="choice" onClick={() => add(k)}>
                    <strong>{k.code}</strong> {k.title}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </TextField>
      )}
    </div>
  );
}

export interface Place {
  city: string;
  district: string;
  villageCode: string;
}

/**
 * Kota → kecamatan → kelurahan from `/api/regions`. At the desk the pendamping works in their own kecamatan(s):
 * the choice starts there, and only its kelurahan are offered (the server refuses others anyway).
 */
export function RegionPicker({
  value,
  onChange,
  deskDistricts,
  errors,
}: {
  value: Place;
  onChange: (p: Place) => void;
  deskDistricts?: string[];
  errors: { city?: string; district?: string; villageCode?: string };
}) {
  const { t } = useAreaI18n(messages);
  const desk = deskDistricts !== undefined;
  const cities = useResource(...referenceList<Region>(desk ? null : '/api/regions?level=city'));
  const allDistricts = useResource(...referenceList<Region>(desk ? '/api/regions?level=district' : null));
  const districts = useResource(
    ...referenceList<Region>(desk || !value.city ? null : `/api/regions?parent=${value.city}&level=district`),
  );
  const villages = useResource(
    ...referenceList<Region>(value.district ? `/api/regions?parent=${value.district}&level=village` : null),
  );
  const mine =
    desk && allDistricts.state.status === 'ready'
      ? allDistricts.state.items.filter((d) => deskDistricts.includes(d.code))
      : [];

  // At the desk with one kecamatan, it is already chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the desk's kecamatan list or the chosen one changes, not on every onChange identity
  useEffect(() => {
    if (desk && mine.length >= 1 && !mine.some((d) => d.code === value.district))
      onChange({ city: mine[0]!.parent_code ?? '', district: mine[0]!.code, villageCode: '' });
  }, [desk, mine.length, value.district]);

  const options = (l: Loaded<{ items: Region[] }>, waitingFor?: string) => (
    <>
      <option value="">
        {l.state.status === 'loading'
          ? t('app.loading')
          : l.state.status === 'error'
            ? t('registry.loadFailed')
            : (waitingFor ?? t('registry.choose'))}
      </option>
      {l.state.status === 'ready' &&
        l.state.items.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
    </>
  );
  const retry = (l: Loaded<{ items: Region[] }>) =>
    l.state.status === 'error' && (
      <button type="button" className="link-button" onClick={l.reload}>
        {t('figures.retry')}
      </button>
    );

  return (
    <>
      {desk ? (
        mine.length > 1 ? (
          <SelectField
            name="business.district"
            label={t('registry.district')}
            value={value.district}
            error={errors.district}
            onChange={(e) =>
              onChange({
                city: mine.find((d) => d.code === e.target.value)?.parent_code ?? '',
                district: e.target.value,
                villageCode: '',
              })
            }
            options={mine.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          />
        ) : (
          <p className="fixed-place" data-district={value.district}>
            {t('registry.district')}: <strong>{mine[0]?.name ?? t('app.loading')}</strong>{' '}
            <span className="muted">{t('registry.desk.yourDistrict')}</span>
          </p>
        )
      ) : (
        <>
          <SelectField
            name="business.city"
            label={t('registry.city')}
            value={value.city}
            error={errors.city}
            disabled={cities.state.status !== 'ready'}
            onChange={(e) => onChange({ city: e.target.value, district: '', villageCode: '' })}
            options={options(cities)}
          >
            {retry(cities)}
          </SelectField>
          <SelectField
            name="business.district"
            label={t('registry.district')}
            value={value.district}
            error={errors.district}
            disabled={!value.city || districts.state.status !== 'ready'}
            onChange={(e) => onChange({ ...value, district: e.target.value, villageCode: '' })}
            options={options(districts, value.city ? undefined : t('registry.chooseCityFirst'))}
          >
            {retry(districts)}
          </SelectField>
        </>
      )}
      <SelectField
        name="business.villageCode"
        label={t('registry.village')}
        value={value.villageCode}
        disabled={!value.district || villages.state.status !== 'ready'}
        error={errors.villageCode}
        onChange={(e) => onChange({ ...value, villageCode: e.target.value })}
        options={options(villages, value.district ? undefined : t('registry.chooseDistrictFirst'))}
      >
        {retry(villages)}
      </SelectField>
    </>
  );
}
