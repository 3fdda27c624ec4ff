import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  FormAlert,
  focusFirstError,
  msgText,
  PasswordField,
  problemText,
  SubmitButton,
  useSubmit,
} from '../../ui/form.tsx';

type Bilingual = { id: string; en: string };

/** The page a reset link opens (`/atur-ulang?token=…`): choose a new password, then log in with it. */
export default function ResetPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [token] = useState(() => new URLSearchParams(location.search).get('token') ?? '');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<Bilingual>();
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, failure, setFailure, busy, submit: send } = useSubmit(form);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    if (password.length < 8) {
      setErrors({ password: { key: 'form.passwordShort' } });
      return focusFirstError(form.current);
    }
    await send(async () => {
      setDone(
        (
          await api<{ message: Bilingual }>('/api/auth/password-reset/complete', {
            method: 'POST',
            body: { token, password },
          })
        ).message,
      );
    });
  }

  return (
    <Page title={t('reset.title')}>
      {!token ? (
        <p className="notice">{t('reset.noToken')}</p>
      ) : done ? (
        <div role="status" className="notice">
          <p>{done[i18n.lang]}</p>
          <p>
            <Link href="/masuk" className="button">
              {t('nav.login')}
            </Link>
          </p>
        </div>
      ) : (
        <form ref={form} className="form" noValidate onSubmit={submit} aria-busy={busy}>
          <FormAlert>{failure !== undefined && problemText(failure, i18n)}</FormAlert>
          {errors.token && <p className="field-error">{msgText(errors.token, i18n)}</p>}
          <PasswordField
            name="password"
            label={t('reset.password')}
            hint={t('form.passwordHint')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={msgText(errors.password, i18n)}
          />
          <SubmitButton busy={busy} busyText={t('login.busy')}>
            {t('reset.submit')}
          </SubmitButton>
        </form>
      )}
      {(!token || failure !== undefined) && (
        <p>
          <Link href="/lupa-sandi">{t('reset.again')}</Link>
        </p>
      )}
    </Page>
  );
}
