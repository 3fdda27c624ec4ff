import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { type Me, refreshSession } from '../../app/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  Field,
  FormAlert,
  type FieldErrors,
  focusFirstError,
  msgText,
  problemText,
  SubmitButton,
} from '../../ui/form.tsx';

/**
 * Two-step verification (TOTP): a secret for the authenticator app, a code to prove it works, then recovery codes
 * shown once. Roles that move money or change rules must do this before anything else.
 */
export default function TotpEnrolPage() {
  return <RequireSession allowDuringTotpEnrolment>{(me) => <Enrol me={me} />}</RequireSession>;
}

type Step =
  | { kind: 'starting' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'enabled' }
  | { kind: 'code'; secret: string; otpauthUri: string }
  | { kind: 'recovery'; codes: string[] };

/** `ABCD EFGH IJKL …`: a 32-letter secret is typed by hand more reliably in groups of four. */
export const groupSecret = (s: string) => s.replace(/(.{4})(?=.)/g, '$1 ');

function Enrol({ me }: { me: Me }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [step, setStep] = useState<Step>({ kind: 'starting' });
  const started = useRef(false);

  const start = () => {
    setStep({ kind: 'starting' });
    api<{ secret: string; otpauthUri: string }>('/api/auth/totp/setup', { method: 'POST' }).then(
      (r) => setStep({ kind: 'code', ...r }),
      (error: unknown) =>
        setStep(
          error instanceof ApiProblem && error.code === 'totp_already_enabled'
            ? { kind: 'enabled' }
            : { kind: 'failed', error },
        ),
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per visit (each start makes a new secret)
  useEffect(() => {
    // Each setup call makes a new secret: start once per visit, not on every render.
    if (started.current) return;
    started.current = true;
    start();
  }, []);

  return (
    <Page title={t('totp.title')}>
      {me.mustEnrolTotp && <p className="notice">{t('totp.required')}</p>}
      {step.kind === 'starting' && (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {step.kind === 'failed' && (
        <div role="alert" className="notice">
          <p>{problemText(step.error, i18n)}</p>
          <button type="button" className="button" onClick={start}>
            {t('figures.retry')}
          </button>
        </div>
      )}
      {step.kind === 'enabled' && (
        <>
          <p className="notice">{t('totp.already')}</p>
          <p>
            <Link href="/beranda">{t('dash.title')}</Link>
          </p>
        </>
      )}
      {step.kind === 'code' && (
        <ConfirmCode
          secret={step.secret}
          otpauthUri={step.otpauthUri}
          onDone={(codes) => setStep({ kind: 'recovery', codes })}
        />
      )}
      {step.kind === 'recovery' && <RecoveryCodes codes={step.codes} />}
    </Page>
  );
}

function ConfirmCode({
  secret,
  otpauthUri,
  onDone,
}: {
  secret: string;
  otpauthUri: string;
  onDone: (codes: string[]) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const clean = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(clean)) {
      setErrors({ code: { key: 'totp.code.invalid' } });
      return focusFirstError(form.current);
    }
    setErrors({});
    setBusy(true);
    try {
      onDone(
        (await api<{ recoveryCodes: string[] }>('/api/auth/totp/confirm', { method: 'POST', body: { code: clean } }))
          .recoveryCodes,
      );
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiProblem) setErrors(err.fieldErrors());
      setFailure(err);
      focusFirstError(form.current);
    }
  }

  return (
    <>
      <ol className="steps">
        <li>{t('totp.step1')}</li>
        <li>
          {t('totp.step2')}
          <p className="secret" data-secret={secret}>
            <span className="sr-only">{t('totp.secret')}: </span>
            <code>{groupSecret(secret)}</code>
          </p>
          <p>
            <a href={otpauthUri}>{t('totp.openApp')}</a>
          </p>
        </li>
        <li>{t('totp.step3')}</li>
      </ol>
      <form ref={form} className="form" noValidate onSubmit={submit} aria-busy={busy}>
        <FormAlert>{failure !== undefined && problemText(failure, i18n)}</FormAlert>
        <Field
          name="code"
          label={t('login.totp')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={7}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={msgText(errors.code, i18n)}
        />
        <SubmitButton busy={busy} busyText={t('login.busy')}>
          {t('totp.confirm')}
        </SubmitButton>
      </form>
    </>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-h">
      <h2 id="recovery-h" ref={heading} tabIndex={-1}>
        {t('totp.recovery.heading')}
      </h2>
      <p className="notice">{t('totp.recovery.text')}</p>
      <ul className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => void navigator.clipboard?.writeText(codes.join('\n')).catch(() => undefined)}
        >
          {t('totp.recovery.copy')}
        </button>
      </p>
      <label className="check">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        {t('totp.recovery.saved')}
      </label>
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={!saved}
          onClick={async () => {
            await refreshSession(); // mustEnrolTotp is now false: the rest of the app opens
            navigate('/beranda', { replace: true });
          }}
        >
          {t('totp.recovery.continue')}
        </button>
      </p>
    </section>
  );
}
