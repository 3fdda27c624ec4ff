import { type Actor, hasRole, scopesOf } from '../platform/auth/actor.ts';

/** Who may do what in access: one line per rule. The web app receives the resulting abilities. */
export const accessPolicy = {
  issueAssistedReset: (a: Actor): boolean => hasRole(a, 'pendamping'),
  assistedResetDistricts: (a: Actor) => scopesOf(a, 'pendamping'),
  readAuditLog: (a: Actor): boolean => hasRole(a, 'auditor', 'platform_admin'),
};

export function accessAbilities(a: Actor): string[] {
  const out: string[] = [];
  if (accessPolicy.issueAssistedReset(a)) out.push('access.assisted_reset.issue');
  if (accessPolicy.readAuditLog(a)) out.push('audit.read');
  return out;
}
