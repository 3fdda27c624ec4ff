// `/peluang`: the public list of upcoming procurement packages (filters, pages; a list of cards that fits 360 px);
// `/peluang/untuk-anda`: the owner's matches, each with why it matched.
import { useState } from 'react';
import type { Categories } from '../../../../../src/catalog/products/schema.ts';
import type { ForMeList, OpportunityList } from '../../../../../src/procurement/plans/plan-schema.ts';
import { Page } from '../../../app/Page.tsx';
import { RequireSession } from '../../../app/RequireSession.tsx';
import { Link } from '../../../app/router.tsx';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { type PlansI18n, usePlansI18n } from './parts.tsx';

type Item = OpportunityList['items'][number] & { reasons?: ForMeList['items'][number]['reasons'] };
const KINDS = ['barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya'] as const;
const KOTA = [
  ['3171', 'Jakarta Pusat'],
  ['3172', 'Jakarta Utara'],
  ['3173', 'Jakarta Barat'],
  ['3174', 'Jakarta Selatan'],
  ['3175', 'Jakarta Timur'],
  ['3101', 'Kepulauan Seribu'],
] as const;

function Card({ o, i18n }: { o: Item; i18n: PlansI18n }) {
  const { t } = i18n;
  return (
    <li className="card plans-opp" data-package={o.id}>
      <h3>{o.name}</h3>
      <p className="secondary">
        {o.agencyName} · {i18n.rupiah(o.pagu)}
      </p>
      <p>
        {t(`plans.kind.${o.kind}` as const)} · {t(`plans.method.${o.method}` as const)}
        {o.categoryName ? ` · ${o.categoryName[i18n.lang]}` : ''} · {o.regionName ?? t('plans.opp.province')}
      </p>
      {o.selectionFrom && (
        <p className="muted">{t('plans.opp.selection', { from: o.selectionFrom, to: o.selectionTo ?? '…' })}</p>
      )}
      {o.reservedSmall && <p className="badge">{t('plans.opp.reserved')}</p>}
      {o.reasons && (
        <>
          <h4>{t('plans.opp.why')}</h4>
          <ul>
            {o.reasons.map((r) => (
              <li key={r.kind}>{r.text[i18n.lang]}</li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

export default function OpportunitiesPage() {
  const i18n = usePlansI18n();
  const { t } = i18n;
  const [kind, setKind] = useState('');
  const [kota, setKota] = useState('');
  const [category, setCategory] = useState('');
  const [page, setPage] = useState(1);
  const categories = useGet<Categories>('/api/catalog/categories');
  const query = new URLSearchParams({
    page: String(page),
    ...(kind ? { kind } : {}),
    ...(kota ? { kota } : {}),
    ...(category ? { category } : {}),
  });
  const res = useGet<OpportunityList>(`/api/procurement/opportunities?${query}`);
  return (
    <Page title={t('plans.opp.title')}>
      <p className="lead">{t('plans.opp.intro')}</p>
      <p>
        <Link href="/peluang/untuk-anda">{t('plans.opp.forMe')}</Link>
      </p>
      <form className="stack" aria-label={t('plans.opp.filter')} onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="opp-kind">{t('plans.opp.kind')}</label>
        <select
          id="opp-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            setPage(1);
          }}
        >
          <option value="">{t('plans.opp.all')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`plans.kind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="opp-category">{t('plans.opp.category')}</label>
        <select
          id="opp-category"
          value={category}
          onChange={(e) => {
            setCategory(e.target.value);
            setPage(1);
          }}
        >
          <option value="">{t('plans.opp.all')}</option>
          {categories.status === 'ready' &&
            categories.data.items.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name[i18n.lang]}
              </option>
            ))}
        </select>
        <label htmlFor="opp-kota">{t('plans.opp.kota')}</label>
        <select
          id="opp-kota"
          value={kota}
          onChange={(e) => {
            setKota(e.target.value);
            setPage(1);
          }}
        >
          <option value="">{t('plans.opp.all')}</option>
          {KOTA.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </form>
      <LoadStatus state={res} onRetry={res.reload} />
      {res.status === 'ready' && (
        <section aria-busy={res.loading}>
          <p role="status">{t('plans.opp.count', { n: i18n.num(res.data.total) })}</p>
          {res.data.items.length === 0 ? (
            <p className="muted">{t('plans.opp.none')}</p>
          ) : (
            <ul className="items">
              {res.data.items.map((o) => (
                <Card key={o.id} o={o} i18n={i18n} />
              ))}
            </ul>
          )}
          <p className="actions">
            {page > 1 && (
              <button type="button" className="button secondary" onClick={() => setPage(page - 1)}>
                {t('plans.opp.prev')}
              </button>
            )}
            {page * res.data.pageSize < res.data.total && (
              <button type="button" className="button secondary" onClick={() => setPage(page + 1)}>
                {t('plans.opp.next')}
              </button>
            )}
          </p>
        </section>
      )}
    </Page>
  );
}

export function ForMePage() {
  return <RequireSession>{() => <ForMe />}</RequireSession>;
}

function ForMe() {
  const i18n = usePlansI18n();
  const res = useGet<ForMeList>('/api/procurement/opportunities/for-me');
  return (
    <Page title={i18n.t('plans.opp.forMe')}>
      <p className="lead">{i18n.t('plans.opp.forMeIntro')}</p>
      <LoadStatus state={res} onRetry={res.reload} />
      {res.status === 'ready' &&
        (res.data.items.length === 0 ? (
          <p className="muted">{i18n.t('plans.opp.none')}</p>
        ) : (
          <ul className="items">
            {res.data.items.map((o) => (
              <Card key={o.id} o={o} i18n={i18n} />
            ))}
          </ul>
        ))}
    </Page>
  );
}
