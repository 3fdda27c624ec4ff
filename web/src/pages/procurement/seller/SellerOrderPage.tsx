import { useRef, useState } from 'react';
import type { SellerOrder } from '../../../../../src/procurement/fulfilment/fulfilment-schema.ts';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import type { PageProps } from '../../../app/routes.ts';
import type { Me } from '../../../app/session.ts';
import { type AreaI18n, useAreaI18n } from '../../../i18n/area.ts';
import { Field, FormAlert, problemText, useSubmit } from '../../../ui/form.tsx';
import { LoadStatus, useResource } from '../../../ui/resource.tsx';
import { ProcurementNav, RequireProc } from '../common.tsx';
import { messages as orderMessages } from '../orders/i18n.ts';
import { LinesTable, MoneyFacts, PaymentsList } from '../orders/shared.tsx';
import { messages } from './i18n.ts';

type SellerI18n = AreaI18n<keyof typeof messages.id>;

/**
 * `/jual/pesanan/:orderId`: one government order for the seller — what to deliver where, the money with the tax
 * withheld, the BAST, the expected payment date and the history — and its answer: accept, decline with a reason,
 * mark delivered.
 */
export default function SellerOrderPage({ params }: PageProps) {
  const { t } = useAreaI18n(messages);
  const id = Number(params.orderId);
  return (
    <RequireProc rule="sells" title={t('seller.order.title', { id: String(id) })} message={t('seller.notAllowed')}>
      {(me) => <OrderView me={me} id={id} />}
    </RequireProc>
  );
}

function OrderView({ me, id }: { me: Me; id: number }) {
  const i18n = useAreaI18n(messages);
  const orders = useAreaI18n(orderMessages);
  const { t, lang } = i18n;
  const [notice, setNotice] = useState<string>();
  const { state, reload } = useResource(
    () => api<SellerOrder>(`/api/procurement/seller/orders/${id}`).then((o) => ({ o })),
    [id],
    { keep: 'reload' },
  );
  return (
    <Page title={t('seller.order.title', { id: String(id) })}>
      <ProcurementNav me={me} side="seller" />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && (
        <>
          <dl className="facts proc-facts">
            <div>
              <dt>{orders.t('orders.order.status')}</dt>
              <dd data-status={state.o.status}>{state.o.statusLabel[lang]}</dd>
            </div>
            <div>
              <dt>{orders.t('orders.order.agency')}</dt>
              <dd>
                {state.o.agency.name}
                {state.o.unit && <span className="secondary">{state.o.unit}</span>}
              </dd>
            </div>
            <div>
              <dt>{orders.t('orders.order.address')}</dt>
              <dd>{state.o.deliveryAddress}</dd>
            </div>
            {state.o.declineReason && (
              <div>
                <dt>{orders.t('orders.order.declineReason')}</dt>
                <dd>{state.o.declineReason}</dd>
              </div>
            )}
            {state.o.deliveryNote && (
              <div>
                <dt>{orders.t('orders.order.deliveryNote')}</dt>
                <dd>{state.o.deliveryNote}</dd>
              </div>
            )}
            {state.o.bastNumber && (
              <div>
                <dt>{orders.t('orders.order.bast')}</dt>
                <dd>
                  <code>{state.o.bastNumber}</code>
                  {state.o.bastPdf && (
                    <a className="secondary" href={state.o.bastPdf}>
                      {orders.t('orders.order.bastPdf')}
                    </a>
                  )}
                </dd>
              </div>
            )}
            {!['declined', 'cancelled'].includes(state.o.status) && (
              <div>
                <dt>{t('seller.order.expected')}</dt>
                <dd>
                  {state.o.dueDate
                    ? t('seller.order.expectedExplain', {
                        date: i18n.date(state.o.dueDate),
                        basis: orders.t(`orders.order.basis.${state.o.agency.paymentDaysBasis}`),
                      })
                    : t('seller.order.notYet')}
                  {state.o.daysOverdue !== null && (
                    <span className="secondary cur-overdue">
                      {orders.t('orders.order.overdue', { n: i18n.num(state.o.daysOverdue) })}
                    </span>
                  )}
                </dd>
              </div>
            )}
          </dl>
          <Answer
            o={state.o}
            i18n={i18n}
            done={(status) => {
              setNotice(t('seller.act.done', { status }));
              reload();
            }}
          />
          <LinesTable o={state.o} i18n={orders} />
          <MoneyFacts o={state.o} i18n={orders} />
          <PaymentsList o={state.o} i18n={orders} proofs={`/api/procurement/seller/orders/${id}/payments`} />
          <History o={state.o} i18n={i18n} />
        </>
      )}
    </Page>
  );
}

function History({ o, i18n }: { o: SellerOrder; i18n: SellerI18n }) {
  const { t } = i18n;
  const steps = [
    ['placed', o.placedAt],
    ['accepted', o.acceptedAt],
    ['declined', o.declinedAt],
    ['delivered', o.deliveredAt],
    ['received', o.receivedAt],
    ['paid', o.paidAt],
    ['closed', o.closedAt],
  ] as const;
  return (
    <section aria-labelledby="seller-history">
      <h2 id="seller-history">{t('seller.order.history')}</h2>
      <ol className="items">
        {steps
          .filter(([, at]) => at)
          .map(([step, at]) => (
            <li key={step}>
              <span>{t(`seller.order.step.${step}`)}</span>
              <span className="secondary">{i18n.dateTime(new Date(at!))}</span>
            </li>
          ))}
      </ol>
    </section>
  );
}

function Answer({ o, i18n, done }: { o: SellerOrder; i18n: SellerI18n; done: (status: string) => void }) {
  const { t, lang } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const { errors, failure, busy, submit } = useSubmit(form);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  if (!o.can.accept && !o.can.deliver) return null;
  const send = (action: 'accept' | 'decline' | 'deliver', body: object) =>
    submit(async () => {
      const r = await api<{ status: string }>(`/api/procurement/seller/orders/${o.id}/${action}`, {
        method: 'POST',
        headers: { 'idempotency-key': crypto.randomUUID() },
        body,
      });
      done(t(`seller.order.step.${r.status as 'accepted'}`));
    });
  const err = (name: string) => errors[name] && ('key' in errors[name] ? undefined : errors[name][lang]);
  return (
    <form ref={form} noValidate className="proc-form" onSubmit={(e) => e.preventDefault()}>
      <h2>{t('seller.act.title')}</h2>
      <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
      {o.can.accept && (
        <>
          <button type="button" className="button" disabled={busy} onClick={() => void send('accept', {})}>
            {busy ? t('seller.act.sending') : t('seller.act.accept')}
          </button>
          <Field
            name="reason"
            label={t('seller.act.reason')}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
            error={err('reason')}
          />
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => void send('decline', { reason })}
          >
            {t('seller.act.decline')}
          </button>
        </>
      )}
      {o.can.deliver && (
        <>
          <Field
            name="note"
            label={t('seller.act.note')}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            error={err('note')}
          />
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void send('deliver', note.trim() ? { note: note.trim() } : {})}
          >
            {busy ? t('seller.act.sending') : t('seller.act.deliver')}
          </button>
        </>
      )}
    </form>
  );
}
