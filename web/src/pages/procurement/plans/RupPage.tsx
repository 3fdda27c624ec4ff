// `/pengadaan/rup`: an agency's RUP packages (search, the threshold in force), the entry form (the reservation
// rule's refusal lands next to its field) and the SiRUP import: preview with the suggested column mapping the
// user may change, the first rows as read, errors by line, then the import with that mapping.
import { type FormEvent, useState } from 'react';
import type { AgencyList } from '../../../../../src/procurement/plans/agency-schema.ts';
import type { PackageList, SirupPreview } from '../../../../../src/procurement/plans/plan-schema.ts';
import { ApiProblem, api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { RequireSession } from '../../../app/RequireSession.tsx';
import type { Me } from '../../../app/session.ts';
import { FormAlert, problemText } from '../../../ui/form.tsx';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { mayProc, ProcurementNav } from '../common.tsx';
import { ImportBox } from './ImportBox.tsx';
import { type PlansI18n, TableBox, usePlansI18n } from './parts.tsx';

const KINDS = ['barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya'] as const;
const METHODS = [
  'e_purchasing',
  'pengadaan_langsung',
  'penunjukan_langsung',
  'tender',
  'tender_cepat',
  'seleksi',
  'dikecualikan',
] as const;

export default function RupPage() {
  return <RequireSession>{(me) => <Rup me={me} />}</RequireSession>;
}

function Rup({ me }: { me: Me }) {
  const i18n = usePlansI18n();
  const { t } = i18n;
  const reads = mayProc(me, 'readsAgencyOrders');
  const manages = mayProc(me, 'managesPlans');
  const agencies = useGet<AgencyList>(reads ? '/api/procurement/agencies' : null);
  const [agencyId, setAgencyId] = useState('');
  const [q, setQ] = useState('');
  const chosen = agencyId || (agencies.status === 'ready' ? String(agencies.data.items[0]?.id ?? '') : '');
  const list = useGet<PackageList>(
    reads && chosen ? `/api/procurement/rup?agencyId=${chosen}${q ? `&q=${encodeURIComponent(q)}` : ''}` : null,
  );
  if (!reads)
    return (
      <Page title={t('plans.rup.title')}>
        <p className="notice">{t('plans.notAllowed')}</p>
      </Page>
    );
  const limit = list.status === 'ready' ? i18n.rupiah(list.data.threshold.amount) : 'Rp15.000.000.000';
  return (
    <Page title={t('plans.rup.title')}>
      <ProcurementNav me={me} />
      <p className="lead">{t('plans.rup.intro', { limit })}</p>
      <form className="stack" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="rup-agency">{t('plans.spending.agency')}</label>
        <select id="rup-agency" value={chosen} onChange={(e) => setAgencyId(e.target.value)}>
          {agencies.status === 'ready' &&
            agencies.data.items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} · {a.name}
              </option>
            ))}
        </select>
        <label htmlFor="rup-q">{t('plans.rup.search')}</label>
        <input id="rup-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </form>
      <LoadStatus state={list} onRetry={list.reload} />
      {list.status === 'ready' && (
        <TableBox>
          <table>
            <caption>
              {t('plans.rup.caption')} ({i18n.num(list.data.total)})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.rup.code')}</th>
                <th scope="col">{t('plans.rup.name')}</th>
                <th scope="col">{t('plans.rup.pagu')}</th>
                <th scope="col">{t('plans.rup.method')}</th>
                <th scope="col">{t('plans.rup.reserved')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <td>{p.rupCode}</td>
                  <td>{p.name}</td>
                  <td>{i18n.rupiah(p.pagu)}</td>
                  <td>{t(`plans.method.${p.method}` as const)}</td>
                  <td>{p.reservedSmall ? t('plans.rup.yes') : t('plans.rup.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      {manages && chosen && (
        <>
          <PackageForm i18n={i18n} agencyId={Number(chosen)} onSaved={list.reload} />
          <h2>{t('plans.rup.sirup')}</h2>
          <p className="muted">{t('plans.rup.sirupHint')}</p>
          <SirupImport i18n={i18n} agencyId={chosen} onDone={list.reload} />
        </>
      )}
    </Page>
  );
}

function PackageForm({ i18n, agencyId, onSaved }: { i18n: PlansI18n; agencyId: number; onSaved: () => void }) {
  const { t } = i18n;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    setErrors({});
    try {
      await api('/api/procurement/rup', {
        method: 'POST',
        body: {
          agencyId,
          rupCode: s('rupCode'),
          year: Number(s('year')),
          name: s('name'),
          pagu: Number(s('pagu').replace(/\D/g, '')),
          kind: s('kind'),
          method: s('method'),
          categoryCode: s('categoryCode') || null,
          kbliCodes: s('kbliCodes')
            .split(/[\s,]+/)
            .filter(Boolean),
          regionCode: s('regionCode') || null,
          selectionFrom: s('selectionFrom') || null,
          selectionTo: s('selectionTo') || null,
          reservedSmall: f.get('reservedSmall') === 'on',
          reservationExemptReason: s('reservationExemptReason') || null,
        },
      });
      setMsg({ ok: true, text: t('plans.saved') });
      form.reset();
      onSaved();
    } catch (err) {
      if (err instanceof ApiProblem)
        setErrors(Object.fromEntries(Object.entries(err.fieldErrors()).map(([k, v]) => [k, v[i18n.lang]])));
      setMsg({ ok: false, text: problemText(err, i18n) });
    }
  };
  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <>
      <label htmlFor={`rup-${name}`}>{label}</label>
      <input id={`rup-${name}`} name={name} aria-invalid={errors[name] ? true : undefined} {...props} />
      {errors[name] && <p className="field-error">{errors[name]}</p>}
    </>
  );
  return (
    <>
      <h2>{t('plans.rup.new')}</h2>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        {field('rupCode', t('plans.rup.code'), { required: true, inputMode: 'numeric' })}
        {field('name', t('plans.rup.name'), { required: true })}
        {field('year', t('plans.rup.year'), {
          required: true,
          inputMode: 'numeric',
          defaultValue: new Date().getFullYear(),
        })}
        {field('pagu', t('plans.rup.pagu'), { required: true, inputMode: 'numeric' })}
        <label htmlFor="rup-kind">{t('plans.rup.kind')}</label>
        <select id="rup-kind" name="kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`plans.kind.${k}` as const)}
            </option>
          ))}
        </select>
        <label htmlFor="rup-method">{t('plans.rup.method')}</label>
        <select id="rup-method" name="method">
          {METHODS.map((k) => (
            <option key={k} value={k}>
              {t(`plans.method.${k}` as const)}
            </option>
          ))}
        </select>
        {field('categoryCode', `${t('plans.rup.category')} (${t('plans.optional')})`)}
        {field('kbliCodes', `${t('plans.rup.kbli')} (${t('plans.optional')})`)}
        {field('regionCode', `${t('plans.rup.kota')} (${t('plans.optional')})`, { inputMode: 'numeric' })}
        {field('selectionFrom', t('plans.rup.selectionFrom'), { type: 'date' })}
        {field('selectionTo', t('plans.rup.selectionTo'), { type: 'date' })}
        <label>
          <input type="checkbox" name="reservedSmall" defaultChecked /> {t('plans.rup.reserved')}
        </label>
        <label htmlFor="rup-reason">{t('plans.rup.reason')}</label>
        <textarea
          id="rup-reason"
          name="reservationExemptReason"
          aria-invalid={errors.reservationExemptReason ? true : undefined}
        />
        {errors.reservationExemptReason && <p className="field-error">{errors.reservationExemptReason}</p>}
        <button type="submit" className="button">
          {t('plans.save')}
        </button>
        {msg && (msg.ok ? <p role="status">{msg.text}</p> : <FormAlert>{msg.text}</FormAlert>)}
      </form>
    </>
  );
}

function SirupImport({ i18n, agencyId, onDone }: { i18n: PlansI18n; agencyId: string; onDone: () => void }) {
  const { t } = i18n;
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  return (
    <ImportBox<SirupPreview>
      i18n={i18n}
      id="sirup"
      previewUrl={`/api/procurement/agencies/${agencyId}/sirup/preview`}
      importUrl={`/api/procurement/agencies/${agencyId}/sirup/import`}
      extra={(p) => ({ mapping: JSON.stringify({ ...p.mapping, ...mapping }) })}
      onDone={onDone}
      renderPreview={(p) => (
        <>
          <fieldset>
            <legend>{t('plans.rup.mapping')}</legend>
            {p.mappingSource === 'remembered' && <p className="muted">{t('plans.rup.mappingRemembered')}</p>}
            {p.fields.map((f) => (
              <p key={f.field}>
                <label htmlFor={`map-${f.field}`}>
                  {f.label[i18n.lang]}
                  {f.required ? ' *' : ''}
                </label>
                <select
                  id={`map-${f.field}`}
                  value={(f.field in mapping ? mapping[f.field] : p.mapping[f.field]) ?? ''}
                  onChange={(e) => setMapping({ ...mapping, [f.field]: e.target.value || null })}
                >
                  <option value="">{t('plans.rup.noColumn')}</option>
                  {p.headers.filter(Boolean).map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </p>
            ))}
          </fieldset>
          <TableBox>
            <table>
              <caption>{t('plans.rup.firstRows')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.line')}</th>
                  <th scope="col">{t('plans.rup.code')}</th>
                  <th scope="col">{t('plans.rup.name')}</th>
                  <th scope="col">{t('plans.rup.pagu')}</th>
                  <th scope="col">{t('plans.rup.method')}</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.rupCode}</td>
                    <td>{r.name}</td>
                    <td>{i18n.rupiah(r.pagu)}</td>
                    <td>{t(`plans.method.${r.method}` as const)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      )}
    />
  );
}
