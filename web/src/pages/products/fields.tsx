import { type ComponentPropsWithoutRef, type ComponentPropsWithRef, type ReactNode, useId } from 'react';
import { useAreaI18n } from '../../i18n/area.ts';
import { messages } from './i18n.ts';

/**
 * The product form's fields, as the register's (registry/fields.tsx) but with this area's words, so these pages do
 * not load the register's dictionary: a label, an optional hint, the error next to the field (aria-invalid and
 * aria-describedby), 48 px targets and 16 px text.
 */
interface Common {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  describedBy?: string;
  optional?: boolean;
  children?: ReactNode; // shown under the control
}

function ids(name: string, p: Pick<Common, 'hint' | 'error' | 'describedBy'>, auto: string) {
  const id = `${name}-${auto.replace(/:/g, '')}`;
  const describedBy = [p.hint && `${id}-hint`, p.error && `${id}-error`, p.describedBy].filter(Boolean).join(' ') || undefined;
  return { id, describedBy };
}

function Frame({ id, label, hint, error, optional, children, control }: Omit<Common, 'name'> & { id: string; control: ReactNode }) {
  const { t } = useAreaI18n(messages);
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('products.optional')}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {control}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function TextField({ name, label, hint, error, describedBy, optional, children, ...input }: Common & Omit<ComponentPropsWithRef<'input'>, 'name' | 'children'>) {
  const d = ids(name, { hint, error, describedBy }, useId());
  const control = <input id={d.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...input} />;
  return <Frame id={d.id} label={label} hint={hint} error={error} optional={optional} control={control}>{children}</Frame>;
}

export function TextAreaField({ name, label, hint, error, describedBy, optional, ...area }: Common & Omit<ComponentPropsWithoutRef<'textarea'>, 'name' | 'children'>) {
  const d = ids(name, { hint, error, describedBy }, useId());
  const control = <textarea id={d.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} rows={3} {...area} />;
  return <Frame id={d.id} label={label} hint={hint} error={error} optional={optional} control={control} />;
}

export function SelectField({ name, label, hint, error, describedBy, optional, options, ...select }: Common & Omit<ComponentPropsWithoutRef<'select'>, 'name' | 'children'> & { options: ReactNode }) {
  const d = ids(name, { hint, error, describedBy }, useId());
  const control = (
    <select id={d.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...select}>
      {options}
    </select>
  );
  return <Frame id={d.id} label={label} hint={hint} error={error} optional={optional} control={control} />;
}
