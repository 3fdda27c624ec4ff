import { useAreaI18n } from '../../i18n/area.ts';
import { type FieldCommon, type InputProps, TextField } from '../../ui/fields.tsx';
import { groupDigits } from './form-model.ts';
import { messages } from './i18n.ts';

/** Fields of the register's forms: the shared ones (ui/fields.tsx), and rupiah typed on a phone. */
export { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';

/**
 * Rupiah typed on a phone's number pad and shown grouped as it is typed (`Rp 1.250.000`); the value kept is the
 * digits alone, so a language switch regroups it and nothing is parsed twice.
 */
export function RupiahField({ value, onDigits, ...rest }: FieldCommon & Omit<InputProps, 'value' | 'onChange'> & { value: string; onDigits: (digits: string) => void }) {
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
