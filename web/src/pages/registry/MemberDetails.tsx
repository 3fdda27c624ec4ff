import { useState } from 'react';
import type { Member } from '../../../../src/registry/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { problemText } from '../../ui/form.tsx';
import { messages } from './i18n.ts';

export type { Member };

const SIZE = {
  micro: ['registry.size.micro', 'registry.size.micro.text'],
  small: ['registry.size.small', 'registry.size.small.text'],
  medium: ['registry.size.medium', 'registry.size.medium.text'],
  large: ['registry.size.large', 'registry.size.large.text'],
} as const;
const KIND = {
  jakpreneur: 'registry.kind.jakpreneur',
  non_jakpreneur: 'registry.kind.non_jakpreneur',
  cooperative: 'registry.kind.cooperative',
} as const;
const CHANNEL = {
  self: 'registry.channel.self',
  desk: 'registry.channel.desk',
  import: 'registry.channel.import',
  seed: 'registry.channel.seed',
} as const;
const pick = <T extends Record<string, string>>(m: T, k: string | null): T[keyof T] | undefined =>
  k !== null && k in m ? m[k as keyof T] : undefined;

/** A member's record as the register holds it; the NIK masked, with an audited "show" for those who may. */
export function MemberDetails({ member: m, canReveal }: { member: Member; canReveal: boolean }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const size = m.sizeClass && m.sizeClass in SIZE ? SIZE[m.sizeClass as keyof typeof SIZE] : undefined;
  const kind = pick(KIND, m.kind);
  const channel = pick(CHANNEL, m.registrationChannel);
  const money = (v: number | null) => (v === null ? t('registry.none') : i18n.rupiah(v));
  return (
    <dl className="facts member" data-umkm={m.id}>
      <div>
        <dt>{t('registry.business.name')}</dt>
        <dd data-field="name">{m.name}</dd>
      </div>
      <div>
        <dt>{t('registry.owner.fullName')}</dt>
        <dd>{m.owner.fullName}</dd>
      </div>
      <div>
        <dt>{t('registry.owner.nik')}</dt>
        <dd>
          <NikValue umkmId={m.id} masked={m.owner.nikMasked} canReveal={canReveal} />
        </dd>
      </div>
      <div>
        <dt>{t('registry.sizeClass')}</dt>
        <dd data-size={m.sizeClass ?? ''}>
          {size ? (
            <>
              <strong>{t(size[0])}</strong>
              <span className="secondary">{t(size[1])}</span>
            </>
          ) : (
            t('registry.size.unknown')
          )}
        </dd>
      </div>
      <div>
        <dt>{t('registry.business.kind')}</dt>
        <dd>{kind ? t(kind) : m.kind}</dd>
      </div>
      <div>
        <dt>{t('registry.kbli.chosen')}</dt>
        <dd>{m.kbliCodes.join(', ')}</dd>
      </div>
      <div>
        <dt>{t('registry.business.nib')}</dt>
        <dd>{m.nib ?? t('registry.none')}</dd>
      </div>
      <div>
        <dt>{t('registry.business.address')}</dt>
        <dd>
          {m.address}
          <span className="secondary">
            {[m.village.name, m.village.district, m.village.city, m.postalCode].filter(Boolean).join(', ')}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('registry.business.startYear')}</dt>
        <dd>{m.startYear ?? t('registry.none')}</dd>
      </div>
      <div>
        <dt>{t('registry.business.workers')}</dt>
        <dd>{m.workers === null ? t('registry.none') : i18n.num(m.workers)}</dd>
      </div>
      <div>
        <dt>{t('registry.business.capital')}</dt>
        <dd>{money(m.capital)}</dd>
      </div>
      <div>
        <dt>{t('registry.business.annualSales')}</dt>
        <dd>{money(m.annualSales)}</dd>
      </div>
      <div>
        <dt>{t('registry.agencies')}</dt>
        <dd>
          <ul className="plain">
            {m.fosteringAgencies.map((a) => (
              <li key={a.id}>
                {a.name} <span className="secondary">{t('registry.since', { date: i18n.date(a.since) })}</span>
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('registry.registeredAt')}</dt>
        <dd>
          {i18n.dateTime(new Date(m.registeredAt))}
          {channel && <span className="secondary">{t(channel)}</span>}
        </dd>
      </div>
    </dl>
  );
}

/** `3171********0001`, and for the roles that check KTPs (and the owner) the clear NIK on request — audited. */
function NikValue({ umkmId, masked, canReveal }: { umkmId: number; masked: string; canReveal: boolean }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [clear, setClear] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  async function reveal() {
    setBusy(true);
    setFailure(undefined);
    try {
      setClear((await api<{ nik: string }>(`/api/registry/members/${umkmId}/nik`)).nik);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="nik">
      <code data-nik={clear ? 'clear' : 'masked'}>{clear ?? masked}</code>
      {canReveal &&
        (clear ? (
          <button type="button" className="link-button" onClick={() => setClear(undefined)}>
            {t('registry.nik.hide')}
          </button>
        ) : (
          <button type="button" className="link-button" disabled={busy} onClick={() => void reveal()}>
            {t('registry.nik.show')}
          </button>
        ))}
      {canReveal && !clear && <span className="secondary">{t('registry.nik.audited')}</span>}
      {failure !== undefined && (
        <span role="alert" className="field-error">
          {failure instanceof ApiProblem && failure.status === 404
            ? t('registry.nik.notAllowed')
            : problemText(failure, i18n)}
        </span>
      )}
    </span>
  );
}
