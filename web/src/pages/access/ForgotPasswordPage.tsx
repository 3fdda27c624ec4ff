import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field, FormAlert, focusFirstError, msgText, problemText, SubmitButton, useSubmit } from '../../ui/form.tsx';

type Bilingual = { id: string; en: string };

/** Asks for a one-time reset link. The answer is the same whether or not the account exists. */
export default function ForgotPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [login, setLogin] = useState('');
  const [sent, setSent] = useState<Bilingual>();
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, failure, setFailure, busy, submit: send } = useSubmit(form);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    if (!login.trim()) {
      setErrors({ login: { key: 'form.required' } });
      return focusFirstError(form.current);
    }
    await send(async () => {
      const res = await api<{ message: Bilingual }>('/api/auth/password-reset', {
        method: 'POST',
        body: { login: login.trim() },
      });
      setSent(res.message);
    });
  }

  return (
    <Page title={t('forgot.title')}>
      {sent ? (
        <div role="status" className="notice">
          <p>{sent[i18n.lang]}</p>
        </div>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <form ref={form} className="form" noValidate onSubmit={submit} aria-busy={busy}>
            <FormAlert>{failure !== undefined && problemText(failure, i18n)}</FormAlert>
            <Field
              name="login"
              label={t('login.login')}
              hint={t('login.login.hint')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              error={msgText(errors.login, i18n)}
            />
            <SubmitButton busy={busy} busyText={t('login.busy')}>
              {t('forgot.submit')}
            </SubmitButton>
          </form>
        </>
      )}
      <p>{t('forgot.owner')}</p>
      <ul className="link-list">
        <li>
          <Link href="/aktifkan">{t('login.claim')}</Link>
        </li>
        <li>
          <Link href="/masuk">{t('forgot.back')}</Link>
        </li>
      </ul>
    </Page>
  );
}
