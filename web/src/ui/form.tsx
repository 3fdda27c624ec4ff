import { type ComponentPropsWithRef, type ReactNode, type RefObject, useId, useState } from 'react';
import type { Bilingual } from '../../../src/platform/schema.ts';
import { ApiProblem } from '../app/api.ts';
import { type I18n, useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/id.ts';

/**
 * Form parts shared by the account pages. Errors sit next to their field (aria-invalid + aria-describedby), in the
 * reader's language; the whole form's message is an alert. Forms use noValidate: the browser's own bubbles speak
 * the browser's language, ours speak the user's.
 */
type FieldProps = Omit<ComponentPropsWithRef<'input'>, 'name'> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
};

export function Field({ name, label, hint, error, id, ...input }: FieldProps) {
  const auto = useId();
  const fieldId = id ?? `${name}-${auto}`;
  const describedBy = [hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint && (
        <p id={`${fieldId}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error && (
        <p id={`${fieldId}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A password field with a "show" switch: typing a long password on a phone keyboard blind is error-prone. */
export function PasswordField(props: Omit<FieldProps, 'type'>) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const toggleId = useId();
  return (
    <div className="password-field">
      <Field {...props} type={shown ? 'text' : 'password'} autoCapitalize="none" autoCorrect="off" spellCheck={false} />
      <label className="check" htmlFor={toggleId}>
        <input id={toggleId} type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
        {t('form.showPassword')}
      </label>
    </div>
  );
}

export function FormAlert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div role="alert" className="notice error">
      <p>{children}</p>
    </div>
  );
}

export function SubmitButton({ busy, children, busyText }: { busy: boolean; children: ReactNode; busyText: string }) {
  return (
    <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
      {busy ? busyText : children}
    </button>
  );
}

/** The form-level sentence for a failure: our own words for the connection and rate limits, else the server's. */
export function problemText(e: unknown, i18n: I18n): string {
  if (e instanceof ApiProblem) {
    if (e.code === 'network') return i18n.t('error.network');
    if (e.status === 429) return i18n.t('error.tooMany', { seconds: i18n.num(e.retryAfter ?? 60) });
    if (e.bilingual) return e.bilingual[i18n.lang];
  }
  return i18n.t('error.unknown');
}

/**
 * Puts the keyboard on the first field with an error, so a screen reader reads its message next. The errors (and
 * the end of `busy`, which disables the fields) render after this is called, in a frame of React's choosing: try
 * on each of the next frames until the field exists and takes the focus.
 */
export function focusFirstError(form: HTMLFormElement | null, frames = 30) {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLInputElement>('[aria-invalid="true"]');
    field?.focus();
    if ((!field || document.activeElement !== field) && frames > 1) focusFirstError(form, frames - 1);
  });
}

/**
 * A form's round trip to the server: clears the last errors, marks the form busy, runs `action`; a failure puts
 * the server's field errors next to their fields, its sentence in the alert, and the keyboard on the first wrong
 * field. `leaves`: the action navigates away on success, so the form stays busy until the page changes.
 */
export function useSubmit(form: RefObject<HTMLFormElement | null>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  async function submit(action: () => Promise<void>, { leaves = false } = {}) {
    setFailure(undefined);
    setErrors({});
    setBusy(true);
    try {
      await action();
      if (!leaves) setBusy(false);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiProblem) setErrors(err.fieldErrors());
      setFailure(err);
      focusFirstError(form.current);
    }
  }
  return { errors, setErrors, failure, setFailure, busy, submit };
}

/** A message kept as data (a key of ours, or the server's two languages) so a language switch re-renders it. */
export type Msg = Bilingual | { key: MessageKey };
export type FieldErrors = Record<string, Msg>;
export const msgText = (m: Msg | undefined, i18n: I18n): string | undefined =>
  m === undefined ? undefined : 'key' in m ? i18n.t(m.key) : m[i18n.lang];
