import { type ComponentPropsWithoutRef, type ComponentPropsWithRef, type ReactNode, useId } from 'react';
import { useAreaI18n } from '../../i18n/area.ts';
import { groupDigits } from './form-model.ts';
import { messages } from './i18n.ts';

/**
 * Fields of the register's forms: a label, an optional hint, the error next to the field (aria-invalid and
 * aria-describedby), 48 px targets and 16 px text. `describedBy` adds more (the NIK's derived facts).
 */
interface Common {
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

function useDescription(name: string, p: Pick<Common, 'hint' | 'error' | 'describedBy'>) {
  const id = `${name.replace(/\W/g, '-')}-${useId().replace(/:/g, '')}`;
  const describedBy = [p.hint && `${id}-hint`, p.error && `${id}-error`, p.describedBy].filter(Boolean).join(' ') || undefined;
  return { id, describedBy };
}

function Frame({ id, label, hint, error, invalid, optional, children, control }: Common & { id: string; control: ReactNode }) {
  const { t } = useAreaI18n(messages);
  return (
    <div className={`field${error || invalid ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('registry.optional')}</span>}
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

type InputProps = Omit<ComponentPropsWithRef<'input'>, 'name' | 'children'>;

export function TextField({ name, label, hint, error, invalid, describedBy, optional, children, ...input }: Common & InputProps) {
  const d = useDescription(name, { hint, error, describedBy });
  return (
    <Frame name={name} id={d.id} label={label} hint={hint} error={error} invalid={invalid} optional={optional} control={<input id={d.id} name={name} aria-invalid={error || invalid ? true : undefined} aria-describedby={d.describedBy} {...input} />}>
      {children}
    </Frame>
  );
}

export function TextAreaField({ name, label, hint, error, describedBy, optional, children, ...area }: Common & Omit<ComponentPropsWithoutRef<'textarea'>, 'name' | 'children'>) {
  const d = useDescription(name, { hint, error, describedBy });
  return (
    <Frame name={name} id={d.id} label={label} hint={hint} error={error} optional={optional} control={<textarea id={d.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} rows={3} {...area} />}>
      {children}
    </Frame>
  );
}

export function SelectField({ name, label, hint, error, describedBy, optional, children, options, ...select }: Common & Omit<ComponentPropsWithoutRef<'select'>, 'name' | 'children'> & { options: ReactNode }) {
  const d = useDescription(name, { hint, error, describedBy });
  return (
    <Frame name={name} id={d.id} label={label} hint={hint} error={error} optional={optional} control={
      <select id={d.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...select}>
        {options}
      </select>
    }>
      {children}
    </Frame>
  );
}

/**
 * Rupiah typed on a phone's number pad and shown grouped as it is typed (`Rp 1.250.000`); the value kept is the
 * digits alone, so a language switch regroups it and nothing is parsed twice.
 */
export function RupiahField({ value, onDigits, ...rest }: Common & Omit<InputProps, 'value' | 'onChange'> & { value: string; onDigits: (digits: string) => void }) {
  const { lang } = useAreaI18n(messages);
  return (
    <div className="rupiah">
      <TextField
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={groupDigits(value, lang)}
        onChange={(e) => onDigits(e.target.value.replace(/\D/g, '').replace(/^0+(?=\d)/, '').slice(0, 16))}
      />
    </div>
  );
}
