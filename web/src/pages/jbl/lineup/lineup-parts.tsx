// Parts of the line-up page: one item as a card (why it was chosen, stock, removal with a reason) and the city
// office's form to add a pick. Cards rather than a table: the page is read on a 360-px phone.
import { type FormEvent, useState } from 'react';
import type { Lineup, LineupItem } from '../../../../../src/jbl/lineup-schema.ts';
import { api, ApiProblem } from '../../../app/api.ts';
import { type AreaI18n, useAreaI18n } from '../../../i18n/area.ts';
import { Field, FormAlert, problemText } from '../../../ui/form.tsx';
import { messages } from './i18n.ts';

export type JblI18n = AreaI18n<keyof typeof messages.id>;
export const useJblI18n = (): JblI18n => useAreaI18n(messages);

type Done = (lineup: Lineup, note: string) => void;

/** Sends a form's write; field errors by name, the whole message as an alert. */
function useWrite(i18n: JblI18n) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const run = async (write: () => Promise<void>) => {
    setErrors({});
    setAlert(null);
    try {
      await write();
    } catch (err) {
      if (err instanceof ApiProblem)
        setErrors(Object.fromEntries(Object.entries(err.fieldErrors()).map(([k, v]) => [k, v[i18n.lang]])));
      setAlert(problemText(err, i18n));
    }
  };
  return { errors, alert, run };
}

export function ItemCard({
  item,
  editionId,
  mayChange,
  i18n,
  onDone,
}: {
  item: LineupItem;
  editionId: number;
  mayChange: boolean;
  i18n: JblI18n;
  onDone: Done;
}) {
  const { t, lang } = i18n;
  const [removing, setRemoving] = useState(false);
  const { errors, alert, run } = useWrite(i18n);
  const remove = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    void run(async () => {
      const body = { itemId: item.id, reason };
      onDone(
        await api<Lineup>(`/api/jbl/editions/${editionId}/lineup/remove`, { method: 'POST', body }),
        t('jblLineup.lineup.removed'),
      );
    });
  };
  return (
    <li className="card jbl-item">
      <p className="jbl-item-name">
        <strong>{item.product.name}</strong>
        {item.removed && <span className="badge"> {t('jblLineup.lineup.removedBadge')}</span>}
      </p>
      <p className="muted small">
        {item.seller.name} · {item.category.name[lang]}
      </p>
      <p>
        {t('jblLineup.lineup.price')}: {i18n.rupiah(item.price)}
      </p>
      <p className="small">
        {t('jblLineup.lineup.stock', {
          stock: item.stock,
          initial: item.stockInitial,
          held: item.held,
          sold: item.sold,
        })}
      </p>
      <p className="small">
        {t('jblLineup.lineup.why')}: {item.reason[lang]}
      </p>
      {item.removed && (
        <p className="notice small">{t('jblLineup.lineup.removedBecause', { reason: item.removed.reason })}</p>
      )}
      {mayChange && !item.removed && !removing && (
        <button type="button" className="link-button" onClick={() => setRemoving(true)}>
          {t('jblLineup.lineup.remove')}
        </button>
      )}
      {removing && !item.removed && (
        <form className="stack" noValidate onSubmit={remove}>
          <Field
            name="reason"
            label={t('jblLineup.lineup.removeReason', { name: item.product.name })}
            error={errors.reason}
            required
            minLength={5}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t('jblLineup.lineup.removeConfirm')}
            </button>
            <button type="button" className="link-button" onClick={() => setRemoving(false)}>
              {t('jblLineup.lineup.cancel')}
            </button>
          </div>
          {alert && <FormAlert>{alert}</FormAlert>}
        </form>
      )}
    </li>
  );
}

export function AddPickForm({ editionId, i18n, onDone }: { editionId: number; i18n: JblI18n; onDone: Done }) {
  const { t } = i18n;
  const { errors, alert, run } = useWrite(i18n);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const body = { productId: Number(f.get('productId')), reason: String(f.get('reason') ?? '').trim() };
    void run(async () => {
      onDone(
        await api<Lineup>(`/api/jbl/editions/${editionId}/lineup/items`, { method: 'POST', body }),
        t('jblLineup.lineup.added'),
      );
      form.reset();
    });
  };
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <h2>{t('jblLineup.lineup.add')}</h2>
      <Field
        name="productId"
        label={t('jblLineup.lineup.productId')}
        hint={t('jblLineup.lineup.productIdHint')}
        inputMode="numeric"
        error={errors.productId}
        required
      />
      <Field name="reason" label={t('jblLineup.lineup.reason')} error={errors.reason} required minLength={5} />
      <button type="submit" className="button">
        {t('jblLineup.lineup.addButton')}
      </button>
      {alert && <FormAlert>{alert}</FormAlert>}
    </form>
  );
}
