import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { type AreaI18n, useAreaI18n } from '../../../i18n/area.ts';
import { FormAlert, problemText, SubmitButton, useSubmit } from '../../../ui/form.tsx';
import { messages } from './i18n.ts';
import type { PackageStatus } from './types.ts';

/** Parts shared by the buying pages: status words, a small form that reports back and reloads. */

export type BuyingI18n = AreaI18n<keyof typeof messages.id>;

export const statusKey = (s: PackageStatus) => `buying.status.${s}` as const;

/**
 * A form that sends one request: the server's field errors come back by field name, its sentence in the alert;
 * on success the `done` sentence is announced and `onDone` runs (the page reloads what changed).
 */
export function ActionForm({
  label,
  submit,
  done,
  action,
  onDone,
  children,
}: {
  label: string;
  submit: string;
  done: string;
  action: (form: HTMLFormElement) => Promise<unknown>;
  onDone: () => void;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const i18n = useAreaI18n(messages);
  const ref = useRef<HTMLFormElement>(null);
  const { errors, failure, busy, submit: run } = useSubmit(ref);
  const [said, setSaid] = useState('');
  const texts: Record<string, string> = {};
  for (const [k, m] of Object.entries(errors)) texts[k] = 'key' in m ? i18n.t(m.key) : m[i18n.lang];
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setSaid('');
    void run(async () => {
      await action(form);
      setSaid(done);
      onDone();
    });
  }
  return (
    <form ref={ref} aria-label={label} onSubmit={onSubmit} noValidate className="pb-form">
      <FormAlert>{failure ? problemText(failure, i18n) : null}</FormAlert>
      {children(texts)}
      <SubmitButton busy={busy} busyText={i18n.t('buying.sending')}>
        {submit}
      </SubmitButton>
      <p role="status" className="muted">
        {said}
      </p>
    </form>
  );
}

export const value = (form: HTMLFormElement, name: string) =>
  (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null)?.value ?? '';

export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="pb-facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export type { AreaI18n };
