import { type Actor, scopesOf } from '../platform/auth/actor.ts';
import { abilitiesIn, type Policy } from '../platform/auth/rules.ts';

/** Who may do what in access: one line per rule (routes declare them; the web app receives them as abilities `access.<rule>`). */
export const accessPolicy = {
  issuesAssistedReset: ['pendamping'],
  readsAuditLog: ['auditor', 'platform_admin'],
} as const satisfies Policy;

/** The kecamatan whose owners the desk may issue assisted resets to. */
export const assistedResetDistricts = (a: Actor) => scopesOf(a, 'pendamping');

export const accessAbilities = (a: Actor) => abilitiesIn('access', accessPolicy, a);
