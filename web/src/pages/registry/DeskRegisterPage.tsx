import { useEffect, useRef, useState } from 'react';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import { can, type Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { waLink } from '../desk/DistrictDeskPage.tsx';
import { messages } from './i18n.ts';
import { RegistrationForm, type RegistrationResult } from './RegistrationForm.tsx';
import { NotAllowedPage } from '../../ui/not-allowed.tsx';

/**
 * `/meja-kecamatan/daftar`: a pendamping registers an owner at the kecamatan desk, on the owner's behalf, and
 * hands over the code with which the owner claims the account (on a printed slip or by WhatsApp).
 */
export default function DeskRegisterPage() {
  return <RequireSession>{(me) => <Desk me={me} />}</RequireSession>;
}

function Desk({ me }: { me: Me }) {
  const { t } = useAreaI18n(messages);
  const [done, setDone] = useState<RegistrationResult>();
  const [round, setRound] = useState(0); // a fresh, empty form for the next owner
  if (!can(me, 'registry.registersAtDesk'))
    return <NotAllowedPage title={t('registry.desk.title')} message={t('desk.notAllowed')} />;
  return (
    <Page title={t('registry.desk.title')}>
      {done ? (
        <Outcome
          result={done}
          onNext={() => {
            setDone(undefined);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <>
          <p>{t('registry.desk.intro')}</p>
          <p>
            <Link href="/meja-kecamatan">{t('registry.desk.back')}</Link>
          </p>
          <RegistrationForm key={round} mode="desk" me={me} onDone={setDone} />
        </>
      )}
    </Page>
  );
}

function Outcome({ result, onNext }: { result: RegistrationResult; onNext: () => void }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const next = (
    <p className="actions no-print">
      <button type="button" className="button secondary" onClick={onNext}>
        {t('registry.desk.next')}
      </button>
      <Link href={`/anggota/${result.umkmId}`} className="button secondary">
        {t('registry.desk.openMember')}
      </Link>
    </p>
  );

  if (result.outcome === 'registered' && result.claimCode && result.claimCodeExpiresAt) {
    const expires = new Date(result.claimCodeExpiresAt);
    return (
      <section aria-labelledby="outcome-h" className="issued slip" data-outcome="registered" data-umkm={result.umkmId}>
        <h2 id="outcome-h" ref={heading} tabIndex={-1}>
          {t('registry.desk.registered', { name: result.businessName })}
        </h2>
        <p className="print-only">
          <strong>Pasar Lokal</strong> · {t('registry.slip.title')}
        </p>
        <dl className="facts">
          <div>
            <dt>{t('registry.slip.owner')}</dt>
            <dd>{result.ownerName}</dd>
          </div>
          <div>
            <dt>{t('registry.slip.business')}</dt>
            <dd>
              {result.businessName} (UMKM #{result.umkmId})
            </dd>
          </div>
          <div>
            <dt>{t('registry.slip.phone')}</dt>
            <dd>{result.ownerPhone}</dd>
          </div>
        </dl>
        <p className="code-label">{t('registry.slip.code')}</p>
        {/* A value shown large, not a paragraph: a big bold <p> reads as a heading that is not one. */}
        <div className="code-display" data-code={result.claimCode}>
          {result.claimCode}
        </div>
        <p>{t('desk.expires', { time: i18n.dateTime(expires) })}</p>
        <p>{t('registry.slip.howTo', { url: `${location.origin}/aktifkan` })}</p>
        <p className="muted">{t('registry.slip.secret')}</p>
        <p className="actions no-print">
          <a
            className="button"
            href={waLink({ code: result.claimCode, expiresAt: result.claimCodeExpiresAt })}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('desk.whatsapp')}
          </a>
          <button type="button" className="button secondary" onClick={() => window.print()}>
            {t('registry.slip.print')}
          </button>
        </p>
        {next}
      </section>
    );
  }
  return (
    <section aria-labelledby="outcome-h" className="issued" data-outcome={result.outcome} data-umkm={result.umkmId}>
      <h2 id="outcome-h" ref={heading} tabIndex={-1}>
        {result.outcome === 'linked' ? t('registry.desk.linked') : t('registry.desk.already')}
      </h2>
      <p>{result.message[i18n.lang]}</p>
      <p>{result.outcome === 'linked' ? t('registry.desk.linked.text') : t('registry.desk.already.text')}</p>
      <p>
        <Link href="/meja-kecamatan">{t('registry.desk.issueCode')}</Link>
      </p>
      {next}
    </section>
  );
}
