import { useState } from 'react';
import type { PaymentOutcome } from '../../../../../src/jbl/orders/schema.ts';
import type { Packing, Payments, SellerEdition } from '../../../../../src/jbl/seller/schema.ts';
import type { Bilingual } from '../../../../../src/platform/schema.ts';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import type { PageProps } from '../../../app/routes.ts';
import type { Me } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { FormAlert, problemText } from '../../../ui/form.tsx';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { JblSellerNav, RequireJblSeller, STATUS_KEYS } from './common.tsx';
import { messages } from './i18n.ts';
import { PackingLists } from './Packing.tsx';
import { PaymentsReceived } from './Payments.tsx';
import { Lines, PrepareList, pickupText, type SellerI18n } from './parts.tsx';

/**
 * `/jual/jbl/:editionId`: the seller's Friday on a phone — what to prepare per product, the orders awaiting payment
 * ("Konfirmasi pembayaran" once the QRIS money is in), the packing lists per hub (printable) with "Tandai sudah
 * diserahkan", and the payments received with their totals.
 */
export default function EditionPage({ params }: PageProps) {
  const { t } = useAreaI18n(messages);
  return (
    <RequireJblSeller title={t('jblSeller.editions.title')} message={t('jblSeller.notAllowed')}>
      {(me) => <Edition me={me} id={Number(params.editionId)} />}
    </RequireJblSeller>
  );
}

function Edition({ me, id }: { me: Me; id: number }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const view = useGet<SellerEdition>(`/api/jbl/seller/editions/${id}`);
  const packing = useGet<Packing>(`/api/jbl/seller/editions/${id}/packing`);
  const payments = useGet<Payments>(`/api/jbl/seller/payments?editionId=${id}`);
  const [notice, setNotice] = useState<Bilingual>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState<string>();

  /** Confirms a payment or hands an order over, then reads the page's three parts again. */
  async function act(number: string, action: 'confirm-payment' | 'hand-over') {
    setBusy(number);
    setFailure(undefined);
    setNotice(undefined);
    try {
      const r = await api<Partial<PaymentOutcome>>(`/api/jbl/child-orders/${encodeURIComponent(number)}/${action}`, {
        method: 'POST',
      });
      setNotice(
        action === 'hand-over'
          ? i18n.msg('jblSeller.handOver.done', { number })
          : r.outcome === 'expired'
            ? i18n.msg('jblSeller.awaiting.expired', { number })
            : i18n.msg('jblSeller.awaiting.confirmed', { number }),
      );
      for (const g of [view, packing, payments]) g.reload();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(undefined);
    }
  }

  const title =
    view.status === 'ready'
      ? t('jblSeller.edition.title', { date: i18n.date(view.data.edition.heldOn) })
      : t('jblSeller.editions.title');
  return (
    <Page title={title}>
      <JblSellerNav me={me} />
      <LoadStatus state={view} onRetry={view.reload} />
      {notice && (
        <p role="status" className="notice no-print">
          {notice[lang]}
        </p>
      )}
      <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
      {view.status === 'ready' && (
        <>
          <p className="lead no-print">
            {t(STATUS_KEYS[view.data.edition.status])} ·{' '}
            {t('jblSeller.edition.facts', {
              closes: i18n.dateTime(new Date(view.data.edition.preorderClosesAt)),
              live: i18n.dateTime(new Date(view.data.edition.liveStartsAt)),
            })}
          </p>
          <PrepareList prepare={view.data.prepare} i18n={i18n} />
          <Awaiting
            orders={view.data.awaiting}
            i18n={i18n}
            busy={busy}
            onConfirm={(n) => void act(n, 'confirm-payment')}
          />
        </>
      )}
      <LoadStatus state={packing} onRetry={packing.reload} />
      {packing.status === 'ready' && (
        <PackingLists
          packing={packing.data}
          title={title}
          i18n={i18n}
          busy={busy}
          onHandOver={(n) => void act(n, 'hand-over')}
        />
      )}
      <LoadStatus state={payments} onRetry={payments.reload} />
      {payments.status === 'ready' && <PaymentsReceived payments={payments.data} i18n={i18n} />}
    </Page>
  );
}

function Awaiting({
  orders,
  i18n,
  busy,
  onConfirm,
}: {
  orders: SellerEdition['awaiting'];
  i18n: SellerI18n;
  busy: string | undefined;
  onConfirm: (number: string) => void;
}) {
  const { t } = i18n;
  return (
    <section aria-labelledby="jbls-awaiting" className="no-print">
      <h2 id="jbls-awaiting">{t('jblSeller.awaiting.title')}</h2>
      <p>{t('jblSeller.awaiting.intro')}</p>
      {orders.length === 0 ? (
        <p className="muted">{t('jblSeller.awaiting.empty')}</p>
      ) : (
        <ul className="proc-cards">
          {orders.map((o) => (
            <li key={o.number} className="proc-card" data-order={o.number}>
              <h3>
                <code>{o.number}</code>
                <span className="secondary">{pickupText(o.pickup, i18n)}</span>
              </h3>
              <dl>
                <div>
                  <dt>{t('jblSeller.buyer')}</dt>
                  <dd>{o.buyer}</dd>
                </div>
                <div>
                  <dt>{t('jblSeller.total')}</dt>
                  <dd>
                    <strong>{i18n.rupiah(o.total)}</strong>
                    <span className="secondary">
                      {t(o.paidTo === 'seller' ? 'jblSeller.paidTo.seller' : 'jblSeller.paidTo.aggregator')}
                    </span>
                  </dd>
                </div>
              </dl>
              <Lines lines={o.lines} i18n={i18n} />
              <p className="muted">
                {t('jblSeller.awaiting.until', { time: i18n.dateTime(new Date(o.holdExpiresAt)) })}
              </p>
              <button type="button" className="button" disabled={busy === o.number} onClick={() => onConfirm(o.number)}>
                {busy === o.number ? t('jblSeller.sending') : t('jblSeller.awaiting.confirm')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
