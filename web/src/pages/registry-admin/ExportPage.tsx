import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import type { Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { Field } from '../../ui/form.tsx';
import { SliceFields } from './filters.tsx';
import { queryOf } from './format.ts';
import { messages } from './i18n.ts';
import { LoadStatus, useGet } from '../../ui/resource.tsx';
import { can, holdsScope, NotAllowed, SelectField, useSearchState } from './shared.tsx';

interface Summary {
  rows: number;
  nikMasked: boolean;
  xlsxAllowed: boolean;
  xlsxMaxRows: number;
}
const SIZES = ['micro', 'small', 'medium', 'large'] as const;
const KINDS = ['jakpreneur', 'non_jakpreneur', 'cooperative'] as const;
const KEYS = ['kota', 'kecamatan', 'pengampu', 'sizeClass', 'kind', 'registeredSince'] as const;

/**
 * `/ekspor`: the filtered register as CSV or XLSX. The server scopes the rows to the caller and masks the NIK
 * unless the role may see it; the summary says how many rows and which, before anything is downloaded.
 */
export default function ExportPage() {
  return <RequireSession>{(me) => <ExportView me={me} />}</RequireSession>;
}

function ExportView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const allowed = can(me, 'registry.exports');
  const [f, setF] = useSearchState(KEYS);
  const since = /^\d{4}-\d{2}-\d{2}$/.test(f.registeredSince) ? f.registeredSince : '';
  const query = queryOf({
    kota: f.kecamatan ? '' : f.kota,
    kecamatan: f.kecamatan,
    pengampu: f.pengampu,
    sizeClass: f.sizeClass,
    kind: f.kind,
    registeredSince: since,
  });
  const summary = useGet<Summary>(allowed ? `/api/registry/export/summary${query}` : null, 'reload');
  if (!allowed)
    return (
      <Page title={t('regadmin.export.title')}>
        <NotAllowed />
      </Page>
    );
  // A kecamatan desk's rows are its kecamatan whatever the filter: no region pickers to mislead.
  const districtOnly = holdsScope(me, 'district') && !holdsScope(me, 'province') && !holdsScope(me, 'fostering_agency');
  return (
    <Page title={t('regadmin.export.title')}>
      <p className="lead">{t('regadmin.export.intro')}</p>
      <form className="form ra-filters" aria-label={t('regadmin.filters')} onSubmit={(e) => e.preventDefault()}>
        <SliceFields value={f} onChange={setF} region={!districtOnly} />
        <SelectField
          name="sizeClass"
          label={t('regadmin.export.sizeClass')}
          value={f.sizeClass}
          onChange={(e) => setF({ sizeClass: e.target.value })}
        >
          <option value="">{t('regadmin.all')}</option>
          {SIZES.map((s) => (
            <option key={s} value={s}>
              {t(`regadmin.export.size.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="kind"
          label={t('regadmin.export.kind')}
          value={f.kind}
          onChange={(e) => setF({ kind: e.target.value })}
        >
          <option value="">{t('regadmin.all')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`regadmin.export.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <Field
          name="registeredSince"
          type="date"
          label={t('regadmin.export.since')}
          value={f.registeredSince}
          onChange={(e) => setF({ registeredSince: e.target.value })}
        />
      </form>
      <section aria-labelledby="export-summary" className="ra-export">
        <h2 id="export-summary" aria-live="polite">
          {summary.status === 'ready'
            ? t('regadmin.export.rows', { n: i18n.num(summary.data.rows) })
            : t('regadmin.export.counting')}
        </h2>
        <LoadStatus state={summary} onRetry={summary.reload} secondary />
        {summary.status === 'ready' &&
          (summary.data.rows === 0 ? (
            <p className="notice">{t('regadmin.export.nothing')}</p>
          ) : (
            <>
              <p className="notice" data-nik={summary.data.nikMasked ? 'masked' : 'clear'}>
                {t(summary.data.nikMasked ? 'regadmin.export.nikMasked' : 'regadmin.export.nikClear')}
              </p>
              <p className="actions">
                <a className="button" href={`/api/registry/export.csv${query}`} download>
                  {t('regadmin.export.csv')}
                </a>
                {summary.data.xlsxAllowed && (
                  <a className="button secondary" href={`/api/registry/export.xlsx${query}`} download>
                    {t('regadmin.export.xlsx')}
                  </a>
                )}
              </p>
              {!summary.data.xlsxAllowed && (
                <p className="muted">{t('regadmin.export.xlsxTooMany', { max: i18n.num(summary.data.xlsxMaxRows) })}</p>
              )}
            </>
          ))}
      </section>
    </Page>
  );
}
