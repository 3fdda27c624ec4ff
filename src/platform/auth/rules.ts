import { type Actor, hasRole } from './actor.ts';
import type { Role } from './roles.ts';

/**
 * A rule of a context's policy: the roles that may do one thing. The one source of "who may do what": a route
 * declares it as its access (`config: { access: registryPolicy.registersAtDesk }`), the use cases ask `allows`,
 * and the web app receives the rules the caller passes as abilities (`registry.registersAtDesk`, see
 * `abilitiesIn`), so neither the routes nor the pages keep role lists of their own. Which rows a rule reaches
 * is another matter: scope, folded into each context's SQL.
 */
export type Rule = readonly Role[];
export type Policy = Readonly<Record<string, Rule>>;

export const allows = (a: Actor, rule: Rule): boolean => hasRole(a, ...rule);

/** The role an actor acts in under a rule (the first of the rule's roles it holds), for the audit log. */
export function actingRoleFor(a: Actor, rule: Rule): Role | null {
  return a.kind === 'account' ? (rule.find((r) => a.grants.some((g) => g.role === r)) ?? null) : null;
}

/** The rules of a policy the actor passes, named `<context>.<rule>`: what the web app may offer it. */
export function abilitiesIn(context: string, policy: Policy, a: Actor): string[] {
  return Object.entries(policy)
    .filter(([, rule]) => allows(a, rule))
    .map(([name]) => `${context}.${name}`);
}
