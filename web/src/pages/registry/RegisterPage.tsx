import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { Link } from '../../app/router.tsx';
import { can, type Me, refreshSession, signedIn, useSession } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
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
import { messages } from './i18n.ts';
import { RegistrationForm, type RegistrationResult } from './RegistrationForm.tsx';

/**
 * `/daftar`: an owner registers their business on a phone. Step 1 (visitors only) creates the account or logs
 * in; step 2 is the register's long form; then what happens next.
 */
export default function RegisterPage() {
  const { t } = useAreaI18n(messages);
  const session = useSession();
  const [prefill, setPrefill] = useState<{ fullName?: string; phone?: string }>({});
  const [done, setDone] = useState<RegistrationResult>();

  let body: ReactNode;
  if (done) body = <Registered result={done} />;
  else if (session.status === 'loading')
    body = (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  else if (session.status === 'error')
    body = (
      <div role="alert" className="notice">
        <p>{t('error.network')}</p>
        <button type="button" className="button" onClick={() => void refreshSession()}>
          {t('figures.retry')}
        </button>
      </div>
    );
  else if (session.status === 'anonymous') body = <CreateAccount onCreated={setPrefill} />;
  else body = <Step2 me={session.me} prefill={prefill} onDone={setDone} />;

  return <Page title={t('registry.register.title')}>{body}</Page>;
}

function Step2({
  me,
  prefill,
  onDone,
}: {
  me: Me;
  prefill: { fullName?: string; phone?: string };
  onDone: (r: RegistrationResult) => void;
}) {
  const { t } = useAreaI18n(messages);
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving here from step 1: the screen reader hears the new step.
  useEffect(() => {
    if (prefill.phone) heading.current?.focus();
  }, [prefill.phone]);
  if (can(me, 'registry.ownsData'))
    return (
      <div className="notice">
        <p>{t('registry.register.alreadyOwner')}</p>
        <p>
          <Link href="/usaha-saya">{t('registry.mine.link')}</Link>
        </p>
      </div>
    );
  const deskRole = can(me, 'registry.registersAtDesk');
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>
        {t('registry.register.step2')}
      </h2>
      <p>{t('registry.register.step2.intro')}</p>
      {deskRole && (
        <p className="notice">
          {t('registry.register.deskHint')} <Link href="/meja-kecamatan/daftar">{t('registry.desk.title')}</Link>
        </p>
      )}
      <RegistrationForm
        mode="self"
        me={me}
        prefill={prefill}
        // The account has just become the business's owner: the next pages need the new role, so it is fetched
        // before the confirmation offers them.
        onDone={(r) => void refreshSession().finally(() => onDone(r))}
      />
    </>
  );
}

/** Step 1: name, HP and a password make the account (or log in with one), then the form continues. */
function CreateAccount({ onCreated }: { onCreated: (p: { fullName: string; phone: string }) => void }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [values, setValues] = useState({ name: '', phone: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!values.name.trim()) found.displayName = { key: 'form.required' };
    if (!values.phone.trim()) found.login = { key: 'form.required' };
    if (values.password.length < 8) found.password = { key: 'form.passwordShort' };
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) return focusFirstError(form.current);
    setBusy(true);
    try {
      const me = await api<Me>('/api/auth/signup', {
        method: 'POST',
        body: { displayName: values.name.trim(), login: values.phone.trim(), password: values.password },
      });
      onCreated({ fullName: values.name.trim(), phone: values.phone.trim() });
      signedIn(me);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiProblem) setErrors(err.fieldErrors());
      setFailure(err);
      focusFirstError(form.current);
    }
  }

  return (
    <>
      <p>{t('registry.register.intro')}</p>
      <ol className="steps-line" aria-label={t('registry.register.stepsLabel')}>
        <li aria-current="step">{t('registry.register.step1.short')}</li>
        <li>{t('registry.register.step2.short')}</li>
      </ol>
      <h2>{t('registry.register.step1')}</h2>
      <p>
        {t('registry.register.haveAccount')} <Link href="/masuk?lanjut=%2Fdaftar">{t('registry.register.login')}</Link>
      </p>
      <form ref={form} className="form" noValidate onSubmit={submit} aria-busy={busy}>
        <FormAlert>{failure !== undefined && problemText(failure, i18n)}</FormAlert>
        <Field
          name="displayName"
          label={t('registry.account.name')}
          hint={t('registry.account.name.hint')}
          autoComplete="name"
          value={values.name}
          onChange={set('name')}
          error={msgText(errors.displayName, i18n)}
        />
        <Field
          name="login"
          label={t('registry.account.phone')}
          hint={t('registry.account.phone.hint')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={values.phone}
          onChange={set('phone')}
          error={msgText(errors.login, i18n)}
        />
        <PasswordField
          name="password"
          label={t('login.password')}
          hint={t('form.passwordHint')}
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={msgText(errors.password, i18n)}
        />
        <SubmitButton busy={busy} busyText={t('login.busy')}>
          {t('registry.account.submit')}
        </SubmitButton>
      </form>
      <p className="muted">{t('registry.register.paper')}</p>
    </>
  );
}

function Registered({ result }: { result: RegistrationResult }) {
  const { t } = useAreaI18n(messages);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const fresh = result.outcome === 'registered';
  return (
    <section aria-labelledby="registered-h" className="issued" data-outcome={result.outcome} data-umkm={result.umkmId}>
      <h2 id="registered-h" ref={heading} tabIndex={-1}>
        {fresh ? t('registry.done.title', { name: result.businessName }) : t('registry.done.alreadyTitle')}
      </h2>
      {fresh ? (
        <>
          <p>{t('registry.done.text')}</p>
          <h3>{t('registry.done.next')}</h3>
          <ol className="steps">
            <li>{t('registry.done.next1')}</li>
            <li>{t('registry.done.next2')}</li>
            <li>{t('registry.done.next3')}</li>
          </ol>
        </>
      ) : (
        <p>{t('registry.done.alreadyText')}</p>
      )}
      <p className="actions">
        <Link href="/usaha-saya" className="button">
          {t('registry.mine.link')}
        </Link>
        <Link href="/beranda" className="button secondary">
          {t('dash.title')}
        </Link>
      </p>
    </section>
  );
}
