import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import type { Me } from '../../app/session.ts';
import { formatWib } from '../../../../src/platform/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { id as idText } from '../../i18n/id.ts';
import { translate } from '../../i18n/translate.ts';
import { Field, FormAlert, focusFirstError, msgText, problemText, SubmitButton, useSubmit } from '../../ui/form.tsx';
import { useResource } from '../../ui/load.ts';
import type { HomeSection } from '../account/home-sections.ts';
import { NotAllowedPage } from '../../ui/not-allowed.tsx';

/**
 * Meja kecamatan: after checking the owner's KTP, the pendamping issues a one-time code with which the owner
 * activates the account (or gets back in), and hands it over on paper or by WhatsApp.
 */
export default function DistrictDeskPage() {
  return <RequireSession>{(me) => <Desk me={me} />}</RequireSession>;
}

interface Issued {
  umkmId: number;
  name: string;
  accountId: number;
  code: string;
  expiresAt: string;
}

interface Waiting {
  umkmId: number;
  name: string;
  secondary: { id: string; en: string };
}

/** The pendamping's home queue: owners whose account is not claimed yet, each row naming its business. */
function queueOf(sections: HomeSection[]): Waiting[] {
  const out: Waiting[] = [];
  for (const s of sections) {
    if (s.role !== 'pendamping') continue;
    for (const it of s.list?.items ?? []) {
      if (it.umkmId !== undefined) out.push({ umkmId: it.umkmId, name: it.primary, secondary: it.secondary });
    }
  }
  return out;
}

function Desk({ me }: { me: Me }) {
  const i18n = useI18n();
  const { t } = i18n;
  const allowed = me.abilities.includes('access.issuesAssistedReset');
  // A failure shows an empty queue: the desk's own form still works.
  const { state: home } = useResource(
    () => (allowed ? api<{ sections: HomeSection[] }>('/api/me/home') : undefined),
    [allowed],
  );
  const queue = home.status === 'ready' ? queueOf(home.sections) : home.status === 'error' ? [] : undefined;
  const [umkmId, setUmkmId] = useState('');
  const [issued, setIssued] = useState<Issued>();
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, failure, busy, submit: send } = useSubmit(form);
  const result = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (issued) result.current?.focus();
  }, [issued]);

  async function issue(id: number, name: string) {
    await send(async () => {
      const r = await api<{ accountId: number; code: string; expiresAt: string }>('/api/access/assisted-resets', {
        method: 'POST',
        body: { umkmId: id },
      });
      setIssued({ umkmId: id, name, ...r });
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(umkmId.trim().replace(/^#/, ''));
    if (!Number.isSafeInteger(n) || n <= 0) {
      setErrors({ umkmId: { key: 'desk.umkmId.invalid' } });
      return focusFirstError(form.current);
    }
    void issue(n, queue?.find((q) => q.umkmId === n)?.name ?? `UMKM #${n}`);
  }

  if (!allowed) return <NotAllowedPage title={t('desk.title')} message={t('desk.notAllowed')} />;

  return (
    <Page title={t('desk.title')}>
      <p>{t('desk.intro')}</p>
      <p>
        <Link href="/meja-kecamatan/daftar" className="button secondary">
          {t('desk.registerNew')}
        </Link>
      </p>
      {issued && (
        <section aria-labelledby="issued-h" className="issued" data-umkm={issued.umkmId}>
          <h2 id="issued-h" ref={result} tabIndex={-1}>
            {t('desk.issued', { name: issued.name })}
          </h2>
          {/* A value shown large, not a paragraph: a big bold <p> reads as a heading that is not one. */}
          <div className="code-display" data-code={issued.code}>
            {issued.code}
          </div>
          <p>{t('desk.expires', { time: i18n.dateTime(new Date(issued.expiresAt)) })}</p>
          <p>{t('desk.handover')}</p>
          <p className="actions">
            <a className="button" href={waLink(issued)} target="_blank" rel="noopener noreferrer">
              {t('desk.whatsapp')}
            </a>
            <button type="button" className="button secondary" onClick={() => setIssued(undefined)}>
              {t('desk.done')}
            </button>
          </p>
        </section>
      )}
      <form ref={form} className="form" noValidate onSubmit={submit} aria-busy={busy}>
        <FormAlert>{failure !== undefined && problemText(failure, i18n)}</FormAlert>
        <Field
          name="umkmId"
          label={t('desk.umkmId')}
          hint={t('desk.umkmId.hint')}
          inputMode="numeric"
          autoComplete="off"
          value={umkmId}
          onChange={(e) => setUmkmId(e.target.value)}
          error={msgText(errors.umkmId, i18n)}
        />
        <SubmitButton busy={busy} busyText={t('login.busy')}>
          {t('desk.issue')}
        </SubmitButton>
      </form>
      <section aria-labelledby="queue-h">
        <h2 id="queue-h">{t('desk.queue')}</h2>
        {queue === undefined ? (
          <p className="muted" role="status">
            {t('app.loading')}
          </p>
        ) : queue.length === 0 ? (
          <p className="muted">{t('desk.queue.empty')}</p>
        ) : (
          <ul className="items">
            {queue.map((q) => (
              <li key={q.umkmId} className="queue-item" data-umkm={q.umkmId}>
                <span className="primary">{q.name}</span>
                <span className="secondary">{q.secondary[i18n.lang]}</span>
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  onClick={() => void issue(q.umkmId, q.name)}
                  aria-label={t('desk.issueFor', { name: q.name })}
                >
                  {t('desk.issue')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

/**
 * A WhatsApp message for the owner, always in Indonesian (the owner's language, whatever the desk's screen shows),
 * with the activation page's address. `wa.me/?text=` lets the pendamping pick the owner's chat.
 */
export function waLink(i: { code: string; expiresAt: string }): string {
  const text = translate(idText, 'desk.whatsapp.text', {
    code: i.code,
    url: `${location.origin}/aktifkan`,
    time: formatWib(new Date(i.expiresAt), 'id'),
  });
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}
