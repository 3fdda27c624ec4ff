// What every curation step shares: who acts, the append-only history row, and the outcome written to the product.
import type { AccountActor, AuditActor } from '../platform/auth/actor.ts';
import type { Role } from '../platform/auth/roles.ts';
import type { Queryable } from '../platform/db/types.ts';
import type { Notice } from './events.ts';

export interface Acting {
  actor: AccountActor;
  role: Role;
  who: AuditActor;
  /** The moment of the step (a parameter so the demo data can be dated in the past). */
  now: Date;
}

/** What a step answers (stored as is for an Idempotency-Key retry): the submission and whom to tell. */
export interface StepOutcome {
  submissionId: number;
  notices: Notice[];
}

type Decision = 'submitted' | 'resubmitted' | 'verified' | 'validated' | 'returned' | 'passed' | 'not_passed';

export async function recordStep(
  tx: Queryable,
  a: Acting,
  s: { id: number; umkm_id: number; round: number },
  step: 'submit' | 'verify' | 'validate' | 'score',
  decision: Decision,
  notes: string | null,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into curation_step (submission_id, umkm_id, round, step, decision, actor_account_id, actor_role, actor_name, notes, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [s.id, s.umkm_id, s.round, step, decision, a.actor.accountId, a.role, a.actor.displayName, notes, a.now],
  );
  return row!.id;
}

/**
 * The product's curation columns (read by search) follow its submission, except that a curated product stays
 * curated while it is curated again for another channel or fails another call.
 */
export async function setProductCuration(tx: Queryable, productId: number, status: 'submitted' | 'verified' | 'validated' | 'rejected'): Promise<void> {
  await tx.query(`update product set curation_status = $2 where id = $1 and curation_status <> 'curated'`, [productId, status]);
}

/** A pass: curated, graded (a rubric with grades), listed since its first curation, sold in the call's channel. */
export async function markProductCurated(tx: Queryable, productId: number, channel: 'e_order' | 'jbl' | 'mall', grade: string | null, at: Date): Promise<void> {
  await tx.query(
    `update product set curation_status = 'curated', curation_grade = coalesce($2, case when curation_status = 'curated' then curation_grade end),
            curated_at = case when curation_status = 'curated' then curated_at else $3 end, channel_${channel} = true
      where id = $1`,
    [productId, grade, at],
  );
}
