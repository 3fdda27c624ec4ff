import { useAreaI18n } from '../../i18n/area.ts';
import { type FieldCommon, type InputProps, TextField } from '../../ui/fields.tsx';
import { groupRupiah, isNegative, typedRupiah } from '../../ui/rupiah.ts';
import { messages } from './i18n.ts';

/** Fields of the register's forms: the shared ones (ui/fields.tsx), and rupiah typed on a phone. */
export { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';

/**
 * Rupiah typed on a phone's number pad and shown grouped as it is typed (`Rp 1.250.000`); the value kept is the
 * digits alone, so a language switch regroups it and nothing is parsed twice. A minus typed first is kept and
 * refused at once, next to the field: it is never dropped to read `-5` as Rp 5.
 */
export function RupiahField({
  value,
  onDigits,
  error,
  ...rest
}: FieldCommon & Omit<InputProps, 'value' | 'onChange'> & { value: string; onDigits: (digits: string) => void }) {
  const { lang, t } = useAreaI18n(messages);
  return (
    <div className="rupiah">
      <TextField
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={groupRupiah(value, lang)}
        onChange={(e) => onDigits(typedRupiah(e.target.value, 16))}
        error={error ?? (isNegative(value) ? t('registry.err.negative') : undefined)}
      />
    </div>
  );
}
