import { useRef, useState } from 'react';
import type { AgencyOrder } from '../../../../../src/procurement/fulfilment/fulfilment-schema.ts';
import { api, upload } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import type { PageProps } from '../../../app/routes.ts';
import type { Me } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { Field, FormAlert, problemText, SubmitButton, useSubmit } from '../../../ui/form.tsx';
import { LoadStatus, useResource } from '../../../ui/resource.tsx';
import { groupRupiah, typedRupiah } from '../../../ui/rupiah.ts';
import { ProcurementNav, RequireProc } from '../common.tsx';
import { messages } from './i18n.ts';
import { LinesTable, MoneyFacts, type OrdersI18n, PaymentsList } from './shared.tsx';

const key = () => crypto.randomUUID();

/**
 * `/pengadaan/pesanan/:orderId`: one order of the agency — lines, money, BAST, due date, payments — and what the
 * caller may do on it now: the PPK signs the BAST or closes, the Bendahara records a payment, the PA/KPA decides an
 * autodebit (the server says which, per order).
 */
export default function OrderPage({ params }: PageProps) {
  const { t } = useAreaI18n(messages);
  const id = Number(params.orderId);
  return (
    <RequireProc
      rule="readsAgencyOrders"
      title={t('orders.order.title', { id: String(id) })}
      message={t('orders.notAllowed')}
    >
      {(me) => <OrderView me={me} id={id} />}
    </RequireProc>
  );
}

function OrderView({ me, id }: { me: Me; id: number }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const [notice, setNotice] = useState<string>();
  const { state, reload } = useResource(
    () => api<AgencyOrder>(`/api/procurement/orders/${id}`).then((o) => ({ o })),
    [id],
    {
      keep: 'reload',
    },
  );
  const done = (text: string) => {
    setNotice(text);
    reload();
  };
  return (
    <Page title={t('orders.order.title', { id: String(id) })}>
      <ProcurementNav me={me} />
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
              <dt>{t('orders.order.status')}</dt>
              <dd data-status={state.o.status}>{state.o.statusLabel[lang]}</dd>
            </div>
            <div>
              <dt>{t('orders.order.package')}</dt>
              <dd>{state.o.packageName}</dd>
            </div>
            <div>
              <dt>{t('orders.order.agency')}</dt>
              <dd>
                {state.o.agency.name}
                {state.o.unit && <span className="secondary">{state.o.unit}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('orders.order.seller')}</dt>
              <dd>{state.o.seller.name}</dd>
            </div>
            <div>
              <dt>{t('orders.order.address')}</dt>
              <dd>{state.o.deliveryAddress}</dd>
            </div>
            {state.o.deliveryNote && (
              <div>
                <dt>{t('orders.order.deliveryNote')}</dt>
                <dd>{state.o.deliveryNote}</dd>
              </div>
            )}
            {state.o.declineReason && (
              <div>
                <dt>{t('orders.order.declineReason')}</dt>
                <dd>{state.o.declineReason}</dd>
              </div>
            )}
            {state.o.bastNumber && (
              <div>
                <dt>{t('orders.order.bast')}</dt>
                <dd>
                  <code>{state.o.bastNumber}</code>
                  {state.o.bastPdf && (
                    <a className="secondary" href={state.o.bastPdf}>
                      {t('orders.order.bastPdf')}
                    </a>
                  )}
                </dd>
              </div>
            )}
            {state.o.dueDate && (
              <div>
                <dt>{t('orders.order.due')}</dt>
                <dd>
                  {i18n.date(state.o.dueDate)} ({t(`orders.order.basis.${state.o.agency.paymentDaysBasis}`)})
                  {state.o.daysOverdue !== null && (
                    <span className="secondary cur-overdue">
                      {t('orders.order.overdue', { n: i18n.num(state.o.daysOverdue) })}
                    </span>
                  )}
                  {state.o.paymentDays !== null && (
                    <span className="secondary">
                      {t('orders.order.paymentDays', { n: i18n.num(state.o.paymentDays) })}
                    </span>
                  )}
                </dd>
              </div>
            )}
          </dl>
          <LinesTable o={state.o} i18n={i18n} />
          <MoneyFacts o={state.o} i18n={i18n} />
          <PaymentsList o={state.o} i18n={i18n} proofs={`/api/procurement/orders/${id}/payments`} />
          <Actions o={state.o} i18n={i18n} done={done} />
        </>
      )}
    </Page>
  );
}

function Actions({ o, i18n, done }: { o: AgencyOrder; i18n: OrdersI18n; done: (text: string) => void }) {
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const act = async (path: string, text: (r: { bastNumber?: string; dueDate?: string }) => string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const r = await api<{ bastNumber?: string; dueDate?: string }>(path, {
        method: 'POST',
        body: {},
        headers: { 'idempotency-key': key() },
      });
      done(text(r));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  if (!o.can.signBast && !o.can.close && !o.can.pay && !o.can.decideAutodebit) return null;
  return (
    <section aria-labelledby="proc-actions">
      <h2 id="proc-actions">{t('orders.act.title')}</h2>
      <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
      {o.can.signBast && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            act(`/api/procurement/orders/${o.id}/bast`, (r) =>
              t('orders.act.signed', { number: r.bastNumber ?? '', date: r.dueDate ? i18n.date(r.dueDate) : '' }),
            )
          }
        >
          {busy ? t('orders.act.sending') : t('orders.act.signBast')}
        </button>
      )}
      {o.can.close && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => act(`/api/procurement/orders/${o.id}/close`, () => t('orders.act.closed'))}
        >
          {busy ? t('orders.act.sending') : t('orders.act.close')}
        </button>
      )}
      {o.can.pay && <PaymentForm o={o} i18n={i18n} done={done} />}
      {o.can.decideAutodebit && <DecisionForm o={o} i18n={i18n} done={done} />}
    </section>
  );
}

function PaymentForm({ o, i18n, done }: { o: AgencyOrder; i18n: OrdersI18n; done: (text: string) => void }) {
  const { t, lang } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const { errors, failure, busy, submit } = useSubmit(form);
  const [kind, setKind] = useState<'transfer' | 'autodebit'>('transfer');
  const [amount, setAmount] = useState('');
  const [tax, setTax] = useState('');
  const [reference, setReference] = useState('');
  const [proof, setProof] = useState<File | null>(null);
  const err = (name: string) => errors[name] && ('key' in errors[name] ? undefined : errors[name][lang]);
  const idem = useRef(key());
  return (
    <form
      ref={form}
      noValidate
      className="proc-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(async () => {
          const r = await api<{ paymentId: number; paymentStatus: string }>(
            `/api/procurement/orders/${o.id}/payments`,
            {
              method: 'POST',
              headers: { 'idempotency-key': idem.current },
              body: {
                kind,
                amount: Number(amount || 0),
                ...(tax !== '' ? { taxWithheld: Number(tax) } : {}),
                ...(reference.trim() ? { reference: reference.trim() } : {}),
              },
            },
          );
          if (proof) {
            const data = new FormData();
            data.append('proof', proof);
            await upload(`/api/procurement/orders/${o.id}/payments/${r.paymentId}/proof`, data);
          }
          idem.current = key();
          done(t(r.paymentStatus === 'paid' ? 'orders.pay.done' : 'orders.pay.requested'));
        });
      }}
    >
      <h3>{t('orders.pay.title')}</h3>
      <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
      <fieldset>
        <legend>{t('orders.pay.kind')}</legend>
        {(['transfer', 'autodebit'] as const).map((k) => (
          <label className="check" key={k}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`orders.pay.${k}`)}
          </label>
        ))}
      </fieldset>
      <Field
        name="amount"
        label={t('orders.pay.amount')}
        hint={t('orders.pay.amountHint', { left: i18n.rupiah(o.outstanding) })}
        inputMode="numeric"
        value={groupRupiah(amount, lang)}
        onChange={(e) => setAmount(typedRupiah(e.target.value, 15))}
        error={err('amount')}
        required
      />
      <Field
        name="taxWithheld"
        label={t('orders.pay.tax')}
        hint={t('orders.pay.taxHint', { tax: i18n.rupiah(o.money.withheld) })}
        inputMode="numeric"
        value={groupRupiah(tax, lang)}
        onChange={(e) => setTax(typedRupiah(e.target.value, 15))}
        error={err('taxWithheld')}
      />
      <Field
        name="reference"
        label={t('orders.pay.reference')}
        value={reference}
        maxLength={200}
        onChange={(e) => setReference(e.target.value)}
        error={err('reference')}
      />
      {kind === 'transfer' && (
        <Field
          name="proof"
          type="file"
          label={t('orders.pay.proof')}
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => setProof(e.target.files?.[0] ?? null)}
          error={err('proof')}
        />
      )}
      <SubmitButton busy={busy} busyText={t('orders.act.sending')}>
        {t('orders.pay.submit')}
      </SubmitButton>
    </form>
  );
}

function DecisionForm({ o, i18n, done }: { o: AgencyOrder; i18n: OrdersI18n; done: (text: string) => void }) {
  const { t, lang } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const { errors, failure, busy, submit } = useSubmit(form);
  const [note, setNote] = useState('');
  const requests = o.payments.filter((p) => p.status === 'requested');
  const decide = (paymentId: number, decision: 'approve' | 'reject') =>
    submit(async () => {
      await api(`/api/procurement/orders/${o.id}/payments/${paymentId}/decision`, {
        method: 'POST',
        headers: { 'idempotency-key': key() },
        body: { decision, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      done(t('orders.decide.done'));
    });
  const noteError = errors.note && ('key' in errors.note ? undefined : errors.note[lang]);
  return (
    <form ref={form} noValidate className="proc-form" onSubmit={(e) => e.preventDefault()}>
      <h3>{t('orders.decide.title')}</h3>
      <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
      <Field
        name="note"
        label={t('orders.decide.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={noteError}
      />
      {requests.map((p) => (
        <div key={p.id} className="proc-decision">
          <p>
            {t('orders.decide.request', {
              amount: i18n.rupiah(p.amount),
              tax: i18n.rupiah(p.taxWithheld),
              date: i18n.dateTime(new Date(p.requestedAt)),
            })}
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void decide(p.id, 'approve')}>
            {t('orders.decide.approve')}
          </button>{' '}
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => void decide(p.id, 'reject')}
          >
            {t('orders.decide.reject')}
          </button>
        </div>
      ))}
    </form>
  );
}
