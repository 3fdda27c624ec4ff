import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { nextPath } from '../../app/RequireSession.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { type Me, signedIn, takeFlash, useSession } from '../../app/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  Field,
  FormAlert,
  type FieldErrors,
  focusFirstError,
  msgText,
  PasswordField,
  problemText,
  SubmitButton,
} from '../../ui/form.tsx';

/**
 * Log in with an email or a mobile number and a password; a second step asks for the 6-digit TOTP code only when
 * the server says the account needs one (or a recovery code, for a lost phone).
 */
export default function LoginPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [flash] = useState(takeFlash);
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [useRecovery, setUseRecovery] = useState(false);
  const [values, setValues] = useState({ login: '', password: '', totp: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const totpInput = useRef<HTMLInputElement>(null);

  // Already logged in (a bookmark, the back button): this page has nothing to offer.
  useEffect(() => {
    if (session.status === 'authenticated' && !busy) navigate(nextPath(location.search), { replace: true });
  }, [session.status, busy]);

  useEffect(() => {
    if (step === 'totp') totpInput.current?.focus();
  }, [step]);

  // After a 429 the button stays off until the server's wait is over.
  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = setTimeout(() => setWaitUntil(0), waitUntil - Date.now());
    return () => clearTimeout(timer);
  }, [waitUntil]);

  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (!values.login.trim()) missing.login = { key: 'form.required' };
    if (!values.password) missing.password = { key: 'form.required' };
    if (step === 'totp' && !values.totp.trim()) missing.totp = { key: 'form.required' };
    setErrors(missing);
    setFailure(undefined);
    if (Object.keys(missing).length) return focusFirstError(form.current);
    setBusy(true);
    try {
      const body = {
        login: values.login.trim(),
        password: values.password,
        ...(step === 'totp' ? { totp: values.totp.replace(/\s/g, '') } : {}),
      };
      const me = await api<Me>('/api/auth/login', { method: 'POST', body });
      signedIn(me);
      navigate(me.mustEnrolTotp ? '/keamanan/totp' : nextPath(location.search), { replace: true });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiProblem && err.code === 'totp_required') {
        setStep('totp');
        return;
      }
      if (err instanceof ApiProblem && err.status === 429) setWaitUntil(Date.now() + (err.retryAfter ?? 60) * 1000);
      if (err instanceof ApiProblem) setErrors(err.fieldErrors());
      setFailure(err);
      focusFirstError(form.current);
      return;
    }
  }

  const waiting = waitUntil > Date.now();
  return (
    <Page title={t('login.title')}>
      {flash && (
        <p role="status" className="notice">
          {flash[i18n.lang]}
        </p>
      )}
      <form ref={form} className="form" noValidate onSubmit={submit} aria-busy={busy}>
        <FormAlert>{failure !== undefined && problemText(failure, i18n)}</FormAlert>
        {step === 'password' ? (
          <>
            <Field
              name="login"
              label={t('login.login')}
              hint={t('login.login.hint')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={values.login}
              onChange={set('login')}
              error={msgText(errors.login, i18n)}
            />
            <PasswordField
              name="password"
              label={t('login.password')}
              autoComplete="current-password"
              value={values.password}
              onChange={set('password')}
              error={msgText(errors.password, i18n)}
            />
          </>
        ) : (
          <>
            <p>{t(useRecovery ? 'login.recovery.intro' : 'login.totp.intro')}</p>
            <Field
              ref={totpInput}
              key={useRecovery ? 'recovery' : 'totp'}
              name="totp"
              label={t(useRecovery ? 'login.recovery' : 'login.totp')}
              hint={useRecovery ? undefined : t('login.totp.hint')}
              inputMode={useRecovery ? 'text' : 'numeric'}
              autoComplete={useRecovery ? 'off' : 'one-time-code'}
              autoCapitalize={useRecovery ? 'characters' : 'none'}
              pattern={useRecovery ? undefined : '[0-9]*'}
              maxLength={useRecovery ? 20 : 6}
              spellCheck={false}
              value={values.totp}
              onChange={set('totp')}
              error={msgText(errors.totp, i18n)}
            />
            <p className="actions">
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setUseRecovery((r) => !r);
                  setValues((v) => ({ ...v, totp: '' }));
                  setErrors({});
                }}
              >
                {t(useRecovery ? 'login.useTotp' : 'login.useRecovery')}
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setStep('password');
                  setValues((v) => ({ ...v, totp: '' }));
                  setErrors({});
                  setFailure(undefined);
                }}
              >
                {t('login.back')}
              </button>
            </p>
          </>
        )}
        <SubmitButton busy={busy || waiting} busyText={t(waiting ? 'login.wait' : 'login.busy')}>
          {t(step === 'totp' ? 'login.verify' : 'login.submit')}
        </SubmitButton>
      </form>
      <ul className="link-list">
        <li>
          <Link href="/lupa-sandi">{t('login.forgot')}</Link>
        </li>
        <li>
          <Link href="/aktifkan">{t('login.claim')}</Link>
        </li>
      </ul>
    </Page>
  );
}
