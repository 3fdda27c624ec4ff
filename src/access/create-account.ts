import type { AuditActor } from '../platform/auth/actor.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { ROLES, type Role } from '../platform/auth/roles.ts';
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import type { LoginId } from './login-id.ts';

export interface NewAccount {
  displayName: string;
  email?: string;
  phone?: LoginId & { kind: 'phone' };
  password?: string; // absent: the account is claimed later with a reset code
  ownerId?: number; // the registry person behind an UMKM owner's account
}

const taken = (field: string) =>
  new AppError(
    409,
    'login_taken',
    { id: 'Email atau nomor HP ini sudah terdaftar.', en: 'This email or phone number is already registered.' },
    [{ field, code: 'taken', message: { id: 'Sudah terdaftar.', en: 'Already registered.' } }],
  );

/** Creates an account (audited). A duplicate email or phone is a 409 naming the field, never a 500. */
export async function createAccount(tx: Tx, who: AuditActor, a: NewAccount): Promise<number> {
  if (a.email && (await tx.query('select 1 from account where email = $1', [a.email])).length)
    throw taken('body.login');
  if (a.phone && (await tx.query('select 1 from account where phone_hash = $1', [a.phone.hash])).length)
    throw taken('body.login');
  const keys = personalDataKeys();
  const [row] = await tx.query<{ id: number }>(
    `insert into account (display_name, email, phone_enc, phone_hash, password_hash, owner_id)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      a.displayName,
      a.email ?? null,
      a.phone ? keys.encrypt(a.phone.e164) : null,
      a.phone?.hash ?? null,
      a.password ? await hashPassword(a.password) : null,
      a.ownerId ?? null,
    ],
  );
  const id = row!.id;
  await audit(tx, who, {
    action: 'account.create',
    entityType: 'account',
    entityId: id,
    after: {
      displayName: a.displayName,
      email: a.email ?? null,
      hasPhone: !!a.phone,
      claimed: !!a.password,
      ownerId: a.ownerId ?? null,
    },
  });
  return id;
}

/** Grants a role limited to one scope (audited). The scope kind comes from the role. */
export async function grantRole(tx: Tx, who: AuditActor, accountId: number, role: Role, scopeId = ''): Promise<void> {
  const scopeKind = ROLES[role].scope;
  const rows = await tx.query(
    `insert into role_grant (account_id, role, scope_kind, scope_id, granted_by) values ($1, $2, $3, $4, $5)
     on conflict do nothing returning id`,
    [accountId, role, scopeKind, scopeId, who.accountId],
  );
  if (rows.length)
    await audit(tx, who, {
      action: 'role.grant',
      entityType: 'account',
      entityId: accountId,
      after: { role, scopeKind, scopeId },
    });
}
