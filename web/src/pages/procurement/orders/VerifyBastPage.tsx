import { useState } from 'react';
import type { PublicBast } from '../../../../../src/procurement/fulfilment/fulfilment-schema.ts';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { navigate, useSearch } from '../../../app/router.tsx';
import { useAreaI18n } from '../../../i18n/area.ts';
import { LoadStatus, useResource } from '../../../ui/resource.tsx';
import { messages } from './i18n.ts';

/**
 * `/verifikasi-bast?nomor=…`: what a BAST's QR opens, for anyone without logging in — whether the number is
 * recorded, for which agency, day, value and supplier business. No personal data.
 */
export default function VerifyBastPage() {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const number = (new URLSearchParams(useSearch()).get('nomor') ?? '').trim();
  const [typed, setTyped] = useState(number);
  const { state, reload } = useResource<{ b: PublicBast | null }>(
    () =>
      number
        ? api<PublicBast>(`/api/procurement/bast/verify?number=${encodeURIComponent(number)}`).then((b) => ({ b }))
        : Promise.resolve({ b: null }),
    [number],
  );
  const b = state.status === 'ready' ? state.b : null;
  return (
    <Page title={t('orders.verify.title')}>
      <p className="muted">{t('orders.verify.intro')}</p>
      <form
        className="proc-form"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/verifikasi-bast?nomor=${encodeURIComponent(typed.trim())}`);
        }}
      >
        <div className="field">
          <label htmlFor="bast-number">{t('orders.verify.number')}</label>
          <input
            id="bast-number"
            name="nomor"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            maxLength={100}
          />
        </div>
        <button type="submit" className="button">
          {t('orders.verify.check')}
        </button>
      </form>
      <LoadStatus state={state} onRetry={reload} />
      {b && (
        <div
          className={`cur-verdict cur-verdict-${b.valid ? 'valid' : 'unknown'}`}
          data-verdict={b.valid ? 'valid' : 'unknown'}
        >
          <h2 className="cur-verdict-word">{t(b.valid ? 'orders.verify.valid' : 'orders.verify.unknown')}</h2>
          <p>{t(b.valid ? 'orders.verify.validExplain' : 'orders.verify.unknownExplain')}</p>
        </div>
      )}
      {b?.valid && (
        <dl className="facts proc-facts">
          <div>
            <dt>{t('orders.verify.number')}</dt>
            <dd>
              <code>{b.number}</code>
            </dd>
          </div>
          <div>
            <dt>{t('orders.verify.agency')}</dt>
            <dd>{b.agency}</dd>
          </div>
          <div>
            <dt>{t('orders.verify.date')}</dt>
            <dd>{b.date && i18n.date(b.date)}</dd>
          </div>
          <div>
            <dt>{t('orders.verify.total')}</dt>
            <dd>{b.total !== null && i18n.rupiah(b.total)}</dd>
          </div>
          <div>
            <dt>{t('orders.verify.seller')}</dt>
            <dd>{b.seller}</dd>
          </div>
        </dl>
      )}
    </Page>
  );
}
