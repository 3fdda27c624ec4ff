// The Dinas opens an edition for pre-orders (publishing it), starts its live session, and closes it. A holiday
// Friday must be decided before it opens; a skipped edition never opens. Row locked, changed and audited together.
import type { Acting } from '../platform/auth/acting.ts';
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError, notFound } from '../platform/http/problem.ts';
import type { EditionRow } from './editions.ts';
import type { EditionStatus, EditionTransition } from './schema.ts';

export const TRANSITIONS: Record<EditionTransition, { from: EditionStatus[]; to: EditionStatus }> = {
  open: { from: ['planned'], to: 'open' },
  live: { from: ['open'], to: 'live' },
  close: { from: ['open', 'live'], to: 'closed' },
};

export async function transitionEdition(tx: Tx, acting: Acting, id: number, verb: EditionTransition): Promise<void> {
  const [e] = await tx.query<EditionRow>('select * from jbl_edition where id = $1 for update', [id]);
  if (!e) throw notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });
  const t = TRANSITIONS[verb];
  if (!t.from.includes(e.status))
    throw new AppError(409, 'edition_state', {
      id: `Edisi berstatus ${e.status}; tindakan "${verb}" hanya dari status ${t.from.join('/')}.`,
      en: `The edition is ${e.status}; "${verb}" is only allowed from ${t.from.join('/')}.`,
    });
  if (verb === 'open' && e.holiday_name !== null && e.decision === null)
    throw new AppError(409, 'holiday_undecided', {
      id: `Jumat ${e.friday} adalah hari libur (${e.holiday_name}): putuskan dulu dilewati atau dipindah.`,
      en: `Friday ${e.friday} is a holiday (${e.holiday_name}): decide first whether to skip or move it.`,
    });
  await tx.query('update jbl_edition set status = $2, updated_at = $3 where id = $1', [id, t.to, acting.now]);
  await audit(tx, acting.who, {
    action: `jbl.edition_${verb}`,
    entityType: 'jbl_edition',
    entityId: id,
    before: { status: e.status },
    after: { status: t.to },
  });
}
