// What every curation step shares: who acts, the append-only history row, and the outcome written to the product.
import type { Acting } from '../platform/auth/acting.ts';
import type { Queryable } from '../platform/db/types.ts';
import type { Notice } from './events.ts';

export type { Acting };

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
 * Writes the product's curation as the product_curation view derives it (migration 0060) into the product's
 * stored columns, which search reads: curated or not, grade, first curated, channels. Called after every change
 * of a certificate (a pass, a revocation); a step that only moves a submission changes nothing search shows, so
 * a product curated earlier stays in the catalogue while a newer round is reviewed, returned or failed.
 */
export async function refreshProductCuration(tx: Queryable, productId: number): Promise<void> {
  await tx.query(
    `update product p set curation_status = case when v.curated then 'curated' when p.curation_status = 'curated' then 'none' else p.curation_status end,
            curation_grade = v.grade, curated_at = v.curated_at,
            channel_e_order = v.channel_e_order, channel_jbl = v.channel_jbl, channel_mall = v.channel_mall
       from product_curation v where v.product_id = p.id and p.id = $1`,
    [productId],
  );
}
