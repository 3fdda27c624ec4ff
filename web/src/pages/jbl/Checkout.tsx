import { type FormEvent, useRef, useState } from 'react';
import { ApiProblem, api } from '../../app/api.ts';
import { Link, navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { FormAlert, focusFirstError, msgText, problemText, SubmitButton, useSubmit } from '../../ui/form.tsx';
import { type CartLine, clearCart, keepOrder, newAttemptKey, setQuantity } from './cart.ts';
import { loadShelf, type Shelf, trackHref } from './data.ts';
import type { Msg } from './parts.tsx';

// The checkout under the cart: who buys (a guest's name and number, or the signed-in account), where to pick up,
// and the order itself. One Idempotency-Key per attempt; a 409 sold_out adjusts just the named lines.

interface CheckoutAnswer {
  number: string;
  trackingToken: string;
}
/** A cart line the checkout refused: sold out (removed) or short (set to what is left). */
export interface Refused {
  name: string;
  message: { id: string; en: string };
  left: number;
}

export function Checkout(p: {
  editionId: number;
  lines: CartLine[];
  shelf: Shelf;
  i18n: Msg;
  onRefused: (r: Refused[]) => void;
}) {
  const { i18n } = p;
  const { t } = i18n;
  const session = useSession();
  const me = session.status === 'authenticated' ? session.me : null;
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, failure, busy, submit } = useSubmit(form);
  const [pickup, setPickup] = useState<'hub' | 'seller'>('hub');
  // One key per checkout attempt: a retry after a dropped connection reuses it, so it never makes a second order.
  const attempt = useRef<string | null>(null);

  const send = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget);
    const field = (n: string) => String(data.get(n) ?? '').trim();
    const missing: Record<string, { id: string; en: string }> = {};
    if (!me && field('name').length < 2) missing['buyer.name'] = i18n.msg('jbl.checkout.required');
    if (!me && !field('phone')) missing['buyer.phone'] = i18n.msg('jbl.checkout.required');
    if (pickup === 'hub' && !field('hub')) missing['pickup.hubCode'] = i18n.msg('jbl.checkout.hubRequired');
    if (Object.keys(missing).length) {
      setErrors(missing);
      focusFirstError(form.current);
      return;
    }
    const lines = p.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity }));
    const body = {
      lines,
      ...(me ? {} : { buyer: { name: field('name'), phone: field('phone') } }),
      pickup: pickup === 'hub' ? { kind: 'hub', hubCode: field('hub') } : { kind: 'seller' },
    };
    attempt.current ??= newAttemptKey();
    void submit(
      async () => {
        try {
          const out = await api<CheckoutAnswer>(`/api/jbl/editions/${p.editionId}/checkout`, {
            method: 'POST',
            body,
            headers: { 'idempotency-key': attempt.current! },
          });
          attempt.current = null;
          keepOrder(out.number, out.trackingToken);
          clearCart(p.editionId);
          navigate(trackHref(out.trackingToken));
        } catch (e) {
          // A definite answer ends the attempt; only a lost connection keeps the key for the retry.
          if (!(e instanceof ApiProblem && e.code === 'network')) attempt.current = null;
          if (e instanceof ApiProblem && e.code === 'sold_out') {
            // The form's alert says the server's sentence; the notice above the cart names each line.
            p.onRefused(await adjustCart(p.editionId, p.lines, e));
          }
          throw e;
        }
      },
      { leaves: true },
    );
  };
  const err = (name: string) => msgText(errors[name], i18n);
  return (
    <section aria-labelledby="jbl-checkout-h">
      <h2 id="jbl-checkout-h">{t('jbl.checkout.heading')}</h2>
      {p.shelf.selling === null && <p className="notice">{t('jbl.checkout.notSelling')}</p>}
      <form ref={form} noValidate onSubmit={send} className="jbl-checkout">
        {me ? (
          <p>
            {t('jbl.checkout.as', { name: me.account.displayName })}{' '}
            {me.roles.some((r) => r.role === 'asn_buyer') && t('jbl.checkout.asn')}
          </p>
        ) : (
          <>
            <p>
              {t('jbl.checkout.guest')}{' '}
              <Link href={`/masuk?lanjut=${encodeURIComponent(location.pathname)}`}>{t('jbl.checkout.login')}</Link>
            </p>
            <TextField name="name" label={t('jbl.checkout.name')} autoComplete="name" error={err('buyer.name')} />
            <TextField
              name="phone"
              label={t('jbl.checkout.phone')}
              hint={t('jbl.checkout.phoneHint')}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              error={err('buyer.phone') ?? err('buyer')}
            />
          </>
        )}
        <fieldset className="jbl-pickup">
          <legend>{t('jbl.checkout.pickup')}</legend>
          {(['hub', 'seller'] as const).map((k) => (
            <label key={k} className="check">
              <input type="radio" name="pickup" value={k} checked={pickup === k} onChange={() => setPickup(k)} />
              {t(k === 'hub' ? 'jbl.checkout.pickupHub' : 'jbl.checkout.pickupSeller')}
            </label>
          ))}
        </fieldset>
        {pickup === 'hub' && (
          <SelectField
            name="hub"
            label={t('jbl.checkout.hub')}
            error={err('pickup.hubCode') ?? err('pickup')}
            defaultValue=""
            options={
              <>
                <option value="">{t('jbl.checkout.hubChoose')}</option>
                {p.shelf.hubs.map((h) => (
                  <option key={h.code} value={h.code}>
                    {h.name}
                  </option>
                ))}
              </>
            }
          />
        )}
        <p className="muted">{t('jbl.checkout.noCod')}</p>
        <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
        <SubmitButton busy={busy} busyText={t('jbl.checkout.sending')}>
          {t('jbl.checkout.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}

/**
 * After a 409 sold_out: each named line (`body.lines.<i>.quantity`) is removed when nothing is left, or set to
 * what the shelf says is left now; the other lines stay as they were.
 */
async function adjustCart(editionId: number, sent: CartLine[], e: ApiProblem): Promise<Refused[]> {
  const now = await loadShelf(editionId).catch(() => null);
  const out: Refused[] = [];
  for (const fe of e.errors) {
    const i = Number(/^body\.lines\.(\d+)\./.exec(fe.field)?.[1] ?? Number.NaN);
    const line = sent[i];
    if (!line) continue;
    const available = now?.items.find((it) => it.id === line.itemId)?.available ?? 0;
    const left = fe.code === 'sold_out' ? 0 : Math.min(available, line.quantity - 1);
    setQuantity(editionId, line.itemId, Math.max(0, left));
    out.push({ name: line.name, message: fe.message, left: Math.max(0, left) });
  }
  return out;
}
