// The kecamatan's two checks: the pendamping verifies (or returns) a submission, then the kasatpel validates (or
// returns) it. Each is one transaction on the locked submission row, so two officers acting at once cannot both
// win: the second finds it moved on (409).
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import { announce } from './events.ts';
import { dueOn } from './sla.ts';
import { type Acting, recordStep, type StepOutcome } from './steps.ts';
import { STATUS_LABELS, submissionRow } from './submissions.ts';

export const wrongStep = (status: keyof typeof STATUS_LABELS) =>
  new AppError(409, 'wrong_step', {
    id: `Pengajuan ini tidak sedang menunggu langkah tersebut (status: ${STATUS_LABELS[status].id}).`,
    en: `This submission is not waiting for that step (status: ${STATUS_LABELS[status].en}).`,
  });

const notesRequired = () =>
  new AppError(
    400,
    'notes_required',
    { id: 'Tulis catatan alasan pengembalian.', en: 'Write a note on why it is returned.' },
    [
      {
        field: 'body.notes',
        code: 'required',
        message: { id: 'Wajib diisi saat mengembalikan.', en: 'Required when returning.' },
      },
    ],
  );

const STEPS = {
  verify: { role: 'pendamping', from: 'submitted', to: 'verified', next: 'validate', event: 'verified' },
  validate: { role: 'kasatpel', from: 'verified', to: 'validated', next: 'score', event: 'validated' },
} as const;

/** Moves a submission on (`approve`) or returns it to the owner with notes. */
export async function review(
  tx: Tx,
  a: Acting,
  step: keyof typeof STEPS,
  submissionId: number,
  input: { approve: boolean; notes?: string },
): Promise<StepOutcome> {
  const def = STEPS[step];
  const s = await submissionRow(tx, a.actor, submissionId, { roles: [def.role], lock: true });
  if (s.status !== def.from) throw wrongStep(s.status);
  const notes = input.notes?.trim() || null;
  if (!input.approve) {
    if (!notes) throw notesRequired();
    await tx.query(
      `update curation_submission set status = 'returned', due_on = null, step_started_at = $2, updated_at = $2 where id = $1`,
      [s.id, a.now],
    );
    await recordStep(tx, a, s, step, 'returned', notes);
    await audit(tx, a.who, {
      action: `curation.${step}_return`,
      entityType: 'curation_submission',
      entityId: s.id,
      umkmId: s.umkm_id,
      before: { status: s.status, round: s.round },
      after: { status: 'returned', notes },
    });
    return { submissionId: s.id, notices: await announce(tx, s, { kind: 'returned', by: def.role, notes }) };
  }
  const due = await dueOn(tx, def.next, a.now);
  await tx.query(
    'update curation_submission set status = $2, due_on = $3, step_started_at = $4, updated_at = $4 where id = $1',
    [s.id, def.to, due, a.now],
  );
  await recordStep(tx, a, s, step, def.to, notes);
  await audit(tx, a.who, {
    action: `curation.${step}`,
    entityType: 'curation_submission',
    entityId: s.id,
    umkmId: s.umkm_id,
    before: { status: s.status, round: s.round },
    after: { status: def.to, dueOn: due, notes },
  });
  return { submissionId: s.id, notices: await announce(tx, s, { kind: def.event, due }) };
}
