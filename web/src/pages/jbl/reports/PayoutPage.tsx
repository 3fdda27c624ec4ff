import { useState } from 'react';
import type { PayoutStatement } from '../../../../../src/jbl/reports/schema.ts';
import { Page } from '../../../app/Page.tsx';
import { useAreaI18n } from '../../../i18n/area.ts';
import { RequireAbility } from '../../../ui/not-allowed.tsx';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { dayName, type Msg, messages } from './shared.tsx';

interface Business {
  id: number;
  name: string;
}

/**
 * `/jumat-beli-lokal/pembayaran` (the seller; the Dinas with `?usaha=<id>`): per edition, what buyers paid into the
 * platform's aggregator QRIS (the platform owes it to the seller) and what they paid straight into the seller's own
 * QRIS, and one edition's orders. Stacked cards, so it reads on a 360-px phone; the XLSX holds the same numbers.
 */
export default function PayoutPage() {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  return (
    <RequireAbility ability="jbl.readsPayouts" title={t('jblr.payout.title')} message={t('jblr.payout.notAllowed')}>
      {() => <PayoutView i18n={i18n} />}
    </RequireAbility>
  );
}

function PayoutView({ i18n }: { i18n: Msg }) {
  const { t } = i18n;
  const asked = Number(new URLSearchParams(location.search).get('usaha')) || null;
  const mine = useGet<{ items: Business[] }>(asked ? null : '/api/registry/members?limit=20');
  const businesses = mine.status === 'ready' ? mine.data.items : [];
  const [chosen, setChosen] = useState<number | null>(asked);
  const umkmId = chosen ?? businesses[0]?.id ?? null;
  const [editionId, setEditionId] = useState<number | null>(null);
  const q = editionId ? `?editionId=${editionId}` : '';
  const p = useGet<PayoutStatement>(umkmId ? `/api/jbl/payouts/sellers/${umkmId}${q}` : null);
  return (
    <Page title={t('jblr.payout.title')}>
      <p className="lead">{t('jblr.payout.intro')}</p>
      {businesses.length > 1 && (
        <label className="field">
          <span>{t('jblr.payout.business')}</span>
          <select value={umkmId ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
            {businesses.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {!asked && <LoadStatus state={mine} onRetry={mine.reload} />}
      {umkmId && <LoadStatus state={p} onRetry={p.reload} />}
      {p.status === 'ready' && <Statement p={p.data} i18n={i18n} onEdition={setEditionId} />}
    </Page>
  );
}

function Statement({ p, i18n, onEdition }: { p: PayoutStatement; i18n: Msg; onEdition: (id: number) => void }) {
  const { t, lang } = i18n;
  if (p.editions.length === 0) return <p className="notice">{t('jblr.payout.none')}</p>;
  const q = p.selected ? `?editionId=${p.selected.edition.id}` : '';
  return (
    <>
      <dl className="facts" data-testid="jbl-payout-total">
        <div>
          <dt>{t('jblr.payout.owed')}</dt>
          <dd>{i18n.rupiah(p.total.aggregator.total)}</dd>
        </div>
        <div>
          <dt>{t('jblr.payout.direct')}</dt>
          <dd>{i18n.rupiah(p.total.direct.total)}</dd>
        </div>
        <div>
          <dt>{t('jblr.total')}</dt>
          <dd>{i18n.rupiah(p.total.total)}</dd>
        </div>
      </dl>
      <p>
        <a className="button secondary" href={`/api/jbl/payouts/sellers/${p.seller.id}/export.xlsx${q}`} download>
          {t('jblr.report.xlsx')}
        </a>
      </p>
      <ul className="cards" data-testid="jbl-payout-editions">
        {p.editions.map((e) => (
          <li key={e.edition.id} className="card">
            <h3>
              <button type="button" className="link" onClick={() => onEdition(e.edition.id)}>
                {dayName(e.edition.heldOn, lang)} — {e.edition.host.name}
              </button>
            </h3>
            <p>
              {t('jblr.payout.owed')}: {i18n.rupiah(e.aggregator.total)} ({i18n.num(e.aggregator.orders)})
            </p>
            <p>
              {t('jblr.payout.direct')}: {i18n.rupiah(e.direct.total)} ({i18n.num(e.direct.orders)})
            </p>
          </li>
        ))}
      </ul>
      {p.selected && (
        <section aria-labelledby="jblr-orders">
          <h2 id="jblr-orders">{t('jblr.payout.orders', { date: dayName(p.selected.edition.heldOn, lang) })}</h2>
          <ul className="cards">
            {p.selected.orders.map((o) => (
              <li key={o.number} className="card">
                <strong>{o.number}</strong> · {i18n.rupiah(o.total)}
                <br />
                <span className="muted small">
                  {t(o.paidTo === 'aggregator' ? 'jblr.payout.paidTo.aggregator' : 'jblr.payout.paidTo.seller')} ·{' '}
                  {t('jblr.payout.paidAt')}{' '}
                  {new Date(o.paidAt).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Jakarta' })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
