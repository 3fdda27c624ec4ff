// What the curation routes share: who acts, and how a step's stored outcome becomes its answer.
import type { FastifyRequest } from 'fastify';
import { type AccountActor, auditActor } from '../platform/auth/actor.ts';
import type { Role } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db/types.ts';
import { messageText, phonesOf, publicUrl, whatsappLink } from '../notifications/whatsapp.ts';
import { actingRoleFor } from '../platform/auth/rules.ts';
import type { Acting, StepOutcome } from './steps.ts';
import { getSubmission } from './submissions.ts';

/** The caller acting in the first of `roles` it holds (the route's access list has already admitted it). */
export function acting(req: FastifyRequest, roles: readonly Role[]): Acting {
  const role = actingRoleFor(req.actor, roles) ?? roles[0]!;
  return { actor: req.actor as AccountActor, role, who: auditActor(req.actor, role, req.id), now: new Date() };
}

/**
 * The step's answer: the submission as the caller now sees it, and a WhatsApp link per person told, addressed to
 * their number where we hold one. Built after the transaction (also for a replayed Idempotency-Key), so phone
 * numbers are never stored with the answer.
 */
export async function stepAnswer(db: Db, req: FastifyRequest, out: StepOutcome) {
  const phones = await phonesOf(db, out.notices.map((n) => n.accountId));
  const base = publicUrl(req);
  return {
    submission: await getSubmission(db, req.actor, out.submissionId),
    whatsapp: out.notices.map((n) => ({ recipient: n.recipient, role: n.role, url: whatsappLink(phones.get(n.accountId) ?? null, messageText(n.title.id, n.body.id, n.link, base)) })),
  };
}
