import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { type Me, signedIn } from '../../app/session.ts';
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
  useSubmit,
} from '../../ui/form.tsx';

/**
 * An owner registered at the kecamatan office activates the account (or gets back in after losing the password)
 * with the one-time code the pendamping handed over, and chooses a password.
 */
export default function ClaimPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState({ login: '', code: '', password: '' });
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, failure, setFailure, busy, submit: send } = useSubmit(form);
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!values.login.trim()) found.login = { key: 'form.required' };
    if (!values.code.trim()) found.code = { key: 'form.required' };
    if (values.password.length < 8) found.password = { key: 'form.passwordShort' };
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) return focusFirstError(form.current);
    await send(
      async () => {
        const me = await api<Me>('/api/auth/claim', {
          method: 'POST',
          body: { login: values.login.trim(), code: values.code.trim().toUpperCase(), password: values.password },
        });
        signedIn(me);
        navigate('/beranda', { replace: true });
      },
      { leaves: true },
    );
  }

  return (
    <Page title={t('claim.title')}>
      <p>{t('claim.intro')}</p>
      <form ref={form} className="form" noValidate onSubmit={submit} aria-busy={busy}>
        <FormAlert>{failure !== undefined && problemText(failure, i18n)}</FormAlert>
        <Field
          name="login"
          label={t('claim.login')}
          hint={t('claim.login.hint')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={values.login}
          onChange={set('login')}
          error={msgText(errors.login, i18n)}
        />
        <Field
          name="code"
          label={t('claim.code')}
          hint={t('claim.code.hint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          className="code-input"
          value={values.code}
          onChange={set('code')}
          error={msgText(errors.code, i18n)}
        />
        <PasswordField
          name="password"
          label={t('claim.password')}
          hint={t('form.passwordHint')}
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={msgText(errors.password, i18n)}
        />
        <SubmitButton busy={busy} busyText={t('login.busy')}>
          {t('claim.submit')}
        </SubmitButton>
      </form>
      <p>
        <Link href="/masuk">{t('claim.haveAccount')}</Link>
      </p>
    </Page>
  );
}
