// What the curation routes share: how a step's stored outcome becomes its answer (who acts: platform/auth/acting.ts).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/types.ts';
import { messageText, phonesOf, publicUrl, whatsappLink } from '../notifications/whatsapp.ts';
import type { StepOutcome } from './steps.ts';
import { getSubmission } from './submissions.ts';

/**
 * The step's answer: the submission as the caller now sees it, and a WhatsApp link per person told, addressed to
 * their number where we hold one. Built after the transaction (also for a replayed Idempotency-Key), so phone
 * numbers are never stored with the answer.
 */
export async function stepAnswer(db: Db, req: FastifyRequest, out: StepOutcome) {
  const phones = await phonesOf(
    db,
    out.notices.map((n) => n.accountId),
  );
  const base = publicUrl(req);
  return {
    submission: await getSubmission(db, req.actor, out.submissionId),
    whatsapp: out.notices.map((n) => ({
      recipient: n.recipient,
      role: n.role,
      url: whatsappLink(phones.get(n.accountId) ?? null, messageText(n.title.id, n.body.id, n.link, base)),
    })),
  };
}
