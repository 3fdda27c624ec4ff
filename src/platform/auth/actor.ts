import type { Role, ScopeKind } from './roles.ts';

export interface Grant {
  role: Role;
  scopeKind: ScopeKind;
  scopeId: string;
}

export interface AccountActor {
  kind: 'account';
  accountId: number;
  displayName: string;
  ownerId: number | null;
  grants: Grant[];
  sessionHash: Buffer;
  csrfToken: string;
  /** A role requires TOTP and the account has not enrolled yet: only enrolment is open. */
  mustEnrolTotp: boolean;
}

export type Actor = { kind: 'anonymous' } | AccountActor;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'account' && actor.grants.some((g) => roles.includes(g.role));
}

/** The scope ids the actor holds for a role (e.g. the kecamatan codes of a pendamping). */
export function scopesOf(actor: Actor, role: Role): string[] {
  return actor.kind === 'account' ? actor.grants.filter((g) => g.role === role).map((g) => g.scopeId) : [];
}

/** Who did it, for the audit log: the account and the role it acted in. */
export interface AuditActor {
  accountId: number | null;
  role: string | null;
  label: string;
  requestId: string | null;
}

export function auditActor(actor: Actor, role: Role | null, requestId: string | null): AuditActor {
  if (actor.kind === 'anonymous') return { accountId: null, role: null, label: 'anonymous', requestId };
  return { accountId: actor.accountId, role, label: actor.displayName, requestId };
}

export const SYSTEM = (label: string): AuditActor => ({
  accountId: null,
  role: null,
  label: `system:${label}`,
  requestId: null,
});
