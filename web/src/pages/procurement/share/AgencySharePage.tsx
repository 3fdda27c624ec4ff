import { useState } from 'react';
import type { AgencyShareT, ShareOrdersT } from '../../../../../src/procurement/share/schema.ts';
import type { PageProps } from '../../../app/routes.ts';
import { Page } from '../../../app/Page.tsx';
import { RequireSession } from '../../../app/RequireSession.tsx';
import type { Me } from '../../../app/session.ts';
import { type AreaI18n, useAreaI18n } from '../../../i18n/area.ts';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { ProcurementNav, thisYear } from '../common.tsx';
import { messages } from './i18n.ts';
import { BothBases, PeriodPicker, PeriodTable, Trend } from './SharePage.tsx';
import { GradeBadge, monthName, pct, Scroll } from './shared.tsx';

type Msg = AreaI18n<keyof typeof messages.id>;
type Period = 'month' | 'quarter' | 'year';

/** `/pengadaan/porsi-umk/instansi/:agencyId`: one agency, its units, and the orders of a month. */
export default function AgencySharePage({ params }: PageProps) {
  return <RequireSession>{(me) => <AgencyView me={me} agencyId={Number(params.agencyId)} />}</RequireSession>;
}

function AgencyView({ me, agencyId }: { me: Me; agencyId: number }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [year, setYear] = useState(thisYear());
  const [period, setPeriod] = useState<Period>('month');
  const share = useGet<AgencyShareT>(`/api/procurement/share/agencies/${agencyId}?year=${year}&period=${period}`);
  const title = share.status === 'ready' ? t('share.agency.title', { name: share.data.name }) : t('share.title');
  return (
    <Page title={title}>
      <ProcurementNav me={me} />
      <p>
        <a href="/pengadaan/porsi-umk">{t('share.back')}</a>
      </p>
      <PeriodPicker year={year} period={period} onYear={setYear} onPeriod={setPeriod} i18n={i18n} />
      <LoadStatus state={share} onRetry={share.reload} />
      {share.status === 'ready' && (
        <>
          <BothBases f={share.data.total} target={share.data.target} i18n={i18n} />
          {period !== 'year' && <PeriodTable rows={share.data.byPeriod} i18n={i18n} />}
          <Trend trend={share.data.trend} target={share.data.target} i18n={i18n} />
          <Units a={share.data} i18n={i18n} />
          <Orders a={share.data} i18n={i18n} />
        </>
      )}
    </Page>
  );
}

function Units({ a, i18n }: { a: AgencyShareT; i18n: Msg }) {
  const { t, lang } = i18n;
  return (
    <section aria-labelledby="units">
      <h2 id="units">{t('share.units')}</h2>
      <p className="muted small">{t('share.units.note')}</p>
      <Scroll label={t('share.units')}>
        <table className="ra-table" data-testid="unit-table">
          <caption>{t('share.units')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('share.unit')}</th>
              <th scope="col" className="num">
                {t('share.committed')}
              </th>
              <th scope="col" className="num">
                {t('share.realised')}
              </th>
              <th scope="col" className="num">
                {t('share.allSpending')}
              </th>
              <th scope="col" className="num">
                {t('share.orders')}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.units.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name ?? t('share.noUnit')}</th>
                <td className="num">
                  {pct(u.total.committed.share, lang)} <GradeBadge grade={u.total.committed.grade} />
                </td>
                <td className="num">
                  {pct(u.total.realised.share, lang)} <GradeBadge grade={u.total.realised.grade} />
                </td>
                <td className="num">{i18n.rupiah(u.total.committed.platformTotal)}</td>
                <td className="num">{i18n.num(u.total.orders)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}

function Orders({ a, i18n }: { a: AgencyShareT; i18n: Msg }) {
  const { t, lang } = i18n;
  const months = a.trend.map((p) => p.period);
  const busiest = [...a.trend].sort((x, y) => y.orders - x.orders)[0]?.period ?? months[0]!;
  const [month, setMonth] = useState(busiest);
  const [unit, setUnit] = useState('');
  const [page, setPage] = useState(1);
  const orders = useGet<ShareOrdersT>(
    `/api/procurement/share/agencies/${a.id}/orders?month=${month}&page=${page}${unit === '' ? '' : `&unitId=${unit}`}`,
  );
  const pages = orders.status === 'ready' ? Math.max(1, Math.ceil(orders.data.totalCount / orders.data.pageSize)) : 1;
  return (
    <section aria-labelledby="orders">
      <h2 id="orders">{t('share.orders')}</h2>
      <form className="form sh-filters" aria-label={t('share.orders')} onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('share.orders.month')}</span>
          <select
            name="month"
            value={month}
            onChange={(e) => {
              setMonth(e.target.value);
              setPage(1);
            }}
          >
            {months.map((m) => (
              <option key={m} value={m}>
                {monthName(m, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('share.orders.unit')}</span>
          <select
            name="unit"
            value={unit}
            onChange={(e) => {
              setUnit(e.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('share.orders.allUnits')}</option>
            {a.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name ?? t('share.noUnit')}
              </option>
            ))}
          </select>
        </label>
      </form>
      <LoadStatus state={orders} onRetry={orders.reload} />
      {orders.status === 'ready' &&
        (orders.data.items.length === 0 ? (
          <p className="notice">{t('share.orders.none')}</p>
        ) : (
          <>
            <Scroll label={t('share.orders')}>
              <table className="ra-table" data-testid="order-table">
                <caption>
                  {t('share.orders.caption', { month: monthName(month, lang), n: i18n.num(orders.data.totalCount) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('share.order')}</th>
                    <th scope="col">{t('share.seller')}</th>
                    <th scope="col">{t('share.unit')}</th>
                    <th scope="col">{t('share.status')}</th>
                    <th scope="col">{t('share.counts')}</th>
                    <th scope="col" className="num">
                      {t('share.total')}
                    </th>
                    <th scope="col" className="num">
                      {t('share.paid')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {orders.data.items.map((o) => (
                    <tr key={o.id}>
                      <th scope="row">
                        <a href={`/pengadaan/pesanan/${o.id}`}>#{o.id}</a>
                      </th>
                      <td>{o.seller}</td>
                      <td>{o.unitName ?? t('share.noUnit')}</td>
                      <td>{o.status}</td>
                      <td>{o.countsUmk ? t('share.yes') : t('share.no')}</td>
                      <td className="num">{i18n.rupiah(o.total)}</td>
                      <td className="num">{i18n.rupiah(o.paidAmount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
            <nav className="sh-pager" aria-label={t('share.pageOf', { page, pages })}>
              <button type="button" className="button secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('share.prev')}
              </button>
              <span>{t('share.pageOf', { page, pages })}</span>
              <button
                type="button"
                className="button secondary"
                disabled={page >= pages}
                onClick={() => setPage(page + 1)}
              >
                {t('share.next')}
              </button>
            </nav>
          </>
        ))}
    </section>
  );
}
