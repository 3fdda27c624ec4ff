// A small form of the agencies page: collects its named fields, sends them, shows the answer and field errors.
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiProblem } from '../../../app/api.ts';
import { FormAlert, problemText } from '../../../ui/form.tsx';
import type { PlansI18n } from './parts.tsx';

/** A small form: collects its named fields, sends them, shows the answer and the field errors. */
export function MiniForm({
  i18n,
  title,
  send,
  children,
}: {
  i18n: PlansI18n;
  title: string;
  send: (f: (k: string) => string) => Promise<unknown>;
  children: (err: Record<string, string>) => ReactNode;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setErrors({});
    try {
      await send((k) => String(data.get(k) ?? '').trim());
      setMsg({ ok: true, text: i18n.t('plans.saved') });
      form.reset();
    } catch (err) {
      if (err instanceof ApiProblem)
        setErrors(Object.fromEntries(Object.entries(err.fieldErrors()).map(([k, v]) => [k, v[i18n.lang]])));
      setMsg({ ok: false, text: problemText(err, i18n) });
    }
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)}>
      <h3>{title}</h3>
      {children(errors)}
      <button type="submit" className="button">
        {i18n.t('plans.save')}
      </button>
      {msg && (msg.ok ? <p role="status">{msg.text}</p> : <FormAlert>{msg.text}</FormAlert>)}
    </form>
  );
}

export function Input({
  id,
  name,
  label,
  err,
  ...rest
}: { id: string; name: string; label: string; err?: string } & Record<string, unknown>) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={err ? true : undefined} {...rest} />
      {err && <p className="field-error">{err}</p>}
    </>
  );
}
