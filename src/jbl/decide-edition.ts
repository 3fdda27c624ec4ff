// The Dinas decides what happens to an edition whose Friday is a holiday (or that cannot run for another reason):
// skip it, or move it to another day of its week, which moves the whole schedule with it. Only before it opens; the
// decision may be changed until then. One transaction: the row locked, checked, changed, and its audit row.
import type { Acting } from '../platform/auth/acting.ts';
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError, type FieldError, fieldError, notFound, validationFailed } from '../platform/http/problem.ts';
import { addDays } from '../platform/time.ts';
import type { EditionRow } from './editions.ts';
import { editionSchedule } from './schedule.ts';
import type { EditionDecisionInput } from './schema.ts';
import { jblSettingsOn } from './settings.ts';

const MAX_MOVE_DAYS = 6; // a moved edition stays in its week: its line-up and pre-orders belong to that Friday

export async function decideEdition(tx: Tx, acting: Acting, id: number, input: EditionDecisionInput): Promise<void> {
  const [e] = await tx.query<EditionRow>('select * from jbl_edition where id = $1 for update', [id]);
  if (!e) throw notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });
  if (e.status !== 'planned' && e.status !== 'skipped')
    throw new AppError(409, 'edition_state', {
      id: `Edisi berstatus ${e.status}: keputusan hanya bisa dibuat sebelum pre-order dibuka.`,
      en: `The edition is ${e.status}: a decision can only be made before pre-orders open.`,
    });

  const heldOn = input.decision === 'move' ? input.movedTo : e.friday;
  const errors: FieldError[] = [];
  const bad = (code: string, idText: string, en: string) => errors.push(fieldError('body.movedTo', code, idText, en));
  if (input.decision === 'skip' && input.movedTo !== undefined)
    bad('not_allowed', 'Tanggal pindah hanya untuk keputusan pindah.', 'A new date only goes with the decision move.');
  if (input.decision === 'move') {
    if (input.movedTo === undefined) bad('required', 'Tanggal pindah wajib diisi.', 'The new date is required.');
    else if (input.movedTo === e.friday)
      bad('same_day', 'Tanggal pindah sama dengan hari Jumatnya.', 'The new date is the Friday itself.');
    else if (input.movedTo < addDays(e.friday, -MAX_MOVE_DAYS) || input.movedTo > addDays(e.friday, MAX_MOVE_DAYS))
      bad(
        'out_of_week',
        `Edisi hanya bisa dipindah paling jauh ${MAX_MOVE_DAYS} hari dari Jumatnya.`,
        `An edition can be moved at most ${MAX_MOVE_DAYS} days from its Friday.`,
      );
  }
  if (errors.length) throw validationFailed(errors);

  const s = editionSchedule(heldOn!, await jblSettingsOn(tx, e.friday));
  if (input.decision === 'move') {
    const [holiday] = await tx.query<{ name: string }>('select name from holiday where date = $1 limit 1', [heldOn]);
    if (holiday)
      bad('holiday', `Tanggal itu juga hari libur (${holiday.name}).`, `That day is a holiday too (${holiday.name}).`);
    const [taken] = await tx.query<{ id: number }>(
      `select id from jbl_edition where held_on = $1 and id <> $2 and status <> 'skipped'`,
      [heldOn, id],
    );
    if (taken) bad('date_taken', 'Sudah ada edisi pada tanggal itu.', 'Another edition is held on that day.');
    if (s.preorderOpensAt <= acting.now)
      bad('too_late', 'Pre-order untuk tanggal itu sudah dibuka.', 'Pre-orders for that day have already opened.');
    if (errors.length) throw validationFailed(errors);
  }

  const [after] = await tx.query<EditionRow>(
    `update jbl_edition set status = $2, decision = $3, decision_reason = $4, decided_by = $5, decided_at = $6,
        held_on = $7, preorder_opens_at = $8, preorder_closes_at = $9, live_starts_at = $10, live_ends_at = $11,
        updated_at = $6
      where id = $1 returning *`,
    [
      id,
      input.decision === 'skip' ? 'skipped' : 'planned',
      input.decision,
      input.reason,
      acting.who.accountId,
      acting.now,
      heldOn,
      s.preorderOpensAt,
      s.preorderClosesAt,
      s.liveStartsAt,
      s.liveEndsAt,
    ],
  );
  const view = (r: EditionRow) => ({
    status: r.status,
    heldOn: r.held_on,
    decision: r.decision,
    reason: r.decision_reason,
    preorderClosesAt: new Date(r.preorder_closes_at).toISOString(),
    holiday: r.holiday_name,
  });
  await audit(tx, acting.who, {
    action: `jbl.edition_${input.decision}`,
    entityType: 'jbl_edition',
    entityId: id,
    before: view(e),
    after: view(after!),
  });
}
