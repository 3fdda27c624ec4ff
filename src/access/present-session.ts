// The session as the API shows it: the signed-in account, its roles and abilities.
import type { AccountActor } from '../platform/auth/actor.ts';
import { abilitiesOf } from './abilities.ts';

export function sessionBody(actor: AccountActor) {
  return {
    authenticated: true as const,
    account: { id: actor.accountId, displayName: actor.displayName },
    roles: actor.grants,
    home: '/beranda',
    csrfToken: actor.csrfToken,
    mustEnrolTotp: actor.mustEnrolTotp,
    abilities: abilitiesOf(actor),
  };
}

export type SessionBody = ReturnType<typeof sessionBody>;
