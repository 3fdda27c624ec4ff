import { type ComponentPropsWithoutRef, type ComponentPropsWithRef, type ReactNode, useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Fields of the longer forms (the register, products, curation): a label, an optional hint, the error next to the
 * field (aria-invalid and aria-describedby), 48 px targets and 16 px text. `describedBy` adds more (the NIK's
 * derived facts, the chosen KBLI codes).
 */
export interface FieldCommon {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  describedBy?: string;
  optional?: boolean;
  /** Marks the field invalid when its message is shown elsewhere (inside a live region, among `describedBy`). */
  invalid?: boolean;
  children?: ReactNode; // shown under the control (a live result, a note)
}

export type InputProps = Omit<ComponentPropsWithRef<'input'>, 'name' | 'children'>;

function useDescription(name: string, p: Pick<FieldCommon, 'hint' | 'error' | 'describedBy'>) {
  const id = `${name.replace(/\W/g, '-')}-${useId().replace(/:/g, '')}`;
  const describedBy =
    [p.hint && `${id}-hint`, p.error && `${id}-error`, p.describedBy].filter(Boolean).join(' ') || undefined;
  return { id, describedBy };
}

function Frame({
  id,
  label,
  hint,
  error,
  invalid,
  optional,
  children,
  control,
}: Omit<FieldCommon, 'name'> & { id: string; control: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={`field${error || invalid ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('form.optional')}</span>}
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

export function TextField({
  name,
  label,
  hint,
  error,
  invalid,
  describedBy,
  optional,
  children,
  ...input
}: FieldCommon & InputProps) {
  const d = useDescription(name, { hint, error, describedBy });
  const control = (
    <input
      id={d.id}
      name={name}
      aria-invalid={error || invalid ? true : undefined}
      aria-describedby={d.describedBy}
      {...input}
    />
  );
  return (
    <Frame id={d.id} label={label} hint={hint} error={error} invalid={invalid} optional={optional} control={control}>
      {children}
    </Frame>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  error,
  describedBy,
  optional,
  children,
  ...area
}: FieldCommon & Omit<ComponentPropsWithoutRef<'textarea'>, 'name' | 'children'>) {
  const d = useDescription(name, { hint, error, describedBy });
  const control = (
    <textarea
      id={d.id}
      name={name}
      aria-invalid={error ? true : undefined}
      aria-describedby={d.describedBy}
      rows={3}
      {...area}
    />
  );
  return (
    <Frame id={d.id} label={label} hint={hint} error={error} optional={optional} control={control}>
      {children}
    </Frame>
  );
}

/** `options`: the select's options; `children`: shown under it, as for the other fields. */
export function SelectField({
  name,
  label,
  hint,
  error,
  describedBy,
  optional,
  children,
  options,
  ...select
}: FieldCommon & Omit<ComponentPropsWithoutRef<'select'>, 'name' | 'children'> & { options: ReactNode }) {
  const d = useDescription(name, { hint, error, describedBy });
  const control = (
    <select id={d.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...select}>
      {options}
    </select>
  );
  return (
    <Frame id={d.id} label={label} hint={hint} error={error} optional={optional} control={control}>
      {children}
    </Frame>
  );
}
