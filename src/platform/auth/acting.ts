// Who is calling, as a route sees it: the signed-in account, and the role it acts in under the route's rule.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/problem.ts';
import { type AccountActor, type AuditActor, auditActor } from './actor.ts';
import type { Role } from './roles.ts';
import { actingRoleFor, type Rule } from './rules.ts';

/**
 * The signed-in account behind a request. Routes whose access is anything but `public` have already refused an
 * anonymous caller (platform/auth/plugin.ts), so this throws only when a public route asks by mistake.
 */
export function signedIn(req: FastifyRequest): AccountActor {
  if (req.actor.kind !== 'account')
    throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu.', en: 'Please log in first.' });
  return req.actor;
}

export interface Acting {
  actor: AccountActor;
  /** The first role of the rule the caller holds: the role the audit log records. */
  role: Role;
  who: AuditActor;
  /** The moment of the act (a parameter so the demo data can be dated in the past). */
  now: Date;
}

/** The caller acting under a rule, in the first of its roles it holds (the route's access has admitted it). */
export function acting(req: FastifyRequest, rule: Rule): Acting {
  const actor = signedIn(req);
  const role = actingRoleFor(actor, rule) ?? rule[0]!;
  return { actor, role, who: auditActor(actor, role, req.id), now: new Date() };
}

/** The caller acting in one named role (e.g. an owner on their own business, whatever else the account holds). */
export function actingAs(req: FastifyRequest, role: Role): Acting {
  const actor = signedIn(req);
  return { actor, role, who: auditActor(actor, role, req.id), now: new Date() };
}
