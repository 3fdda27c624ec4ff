import { useAreaI18n } from '../../i18n/area.ts';
import { useResource } from '../../ui/load.ts';
import { referenceList } from '../../ui/reference-list.ts';
import { messages } from './i18n.ts';
import { type Agency, itemsOf, type Region, SelectField } from './shared.tsx';

export interface SliceFilters {
  pengampu: string;
  kota: string;
  kecamatan: string;
}

/**
 * Pengampu, kota and kecamatan pickers shared by the funnel, overlap and export pages. A role whose scope fixes
 * one of them (a pengampu officer's agency, a pendamping's kecamatan) does not get that picker: the server would
 * refuse any other value.
 */
export function SliceFields({
  value,
  onChange,
  agency = true,
  region = true,
  district = true,
}: {
  value: SliceFilters;
  onChange: (next: Partial<SliceFilters>) => void;
  agency?: boolean;
  region?: boolean;
  district?: boolean;
}) {
  const { t } = useAreaI18n(messages);
  const agencies = itemsOf(useResource(...referenceList<Agency>(agency ? '/api/registry/fostering-agencies' : null)));
  const cities = itemsOf(useResource(...referenceList<Region>(region ? '/api/regions?level=city' : null)));
  const districts = itemsOf(
    useResource(
      ...referenceList<Region>(
        region && district && value.kota ? `/api/regions?parent=${value.kota}&level=district` : null,
      ),
    ),
  );
  return (
    <>
      {agency && (
        <SelectField
          name="pengampu"
          label={t('regadmin.agency')}
          value={value.pengampu}
          onChange={(e) => onChange({ pengampu: e.target.value })}
        >
          <option value="">{t('regadmin.allAgencies')}</option>
          <AgencyOptions agencies={agencies} />
        </SelectField>
      )}
      {region && (
        <SelectField
          name="kota"
          label={t('regadmin.city')}
          value={value.kota}
          onChange={(e) => onChange({ kota: e.target.value, kecamatan: '' })}
        >
          <option value="">{t('regadmin.allCities')}</option>
          {cities.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
      )}
      {region && district && (
        <SelectField
          name="kecamatan"
          label={t('regadmin.district')}
          value={value.kecamatan}
          disabled={!value.kota}
          onChange={(e) => onChange({ kecamatan: e.target.value })}
        >
          <option value="">{value.kota ? t('regadmin.allDistricts') : t('regadmin.chooseCityFirst')}</option>
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}

/** The pengampu as `<option>`s, in a stable order, labelled `code — name`. */
export function AgencyOptions({ agencies }: { agencies: readonly Agency[] }) {
  return (
    <>
      {[...agencies]
        .sort((a, b) => a.id - b.id)
        .map((a) => (
          <option key={a.id} value={String(a.id)}>
            {a.code} — {a.name}
          </option>
        ))}
    </>
  );
}
