import crypto from 'node:crypto';
import type { AuditActor } from '../platform/auth/actor.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { deleteAllSessions, randomToken, sha256 } from '../platform/auth/session.ts';
import { audit } from '../platform/audit.ts';
import type { Queryable, Tx } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import { grantRole } from './create-account.ts';
import type { LoginId } from './login-id.ts';
import { findAccountByLogin } from './queries.ts';
import { inDistricts } from '../platform/db/scope.ts';

export const SELF_RESET_MINUTES = 30;
export const ASSISTED_RESET_HOURS = 72;

// Letters and digits a person reads off a slip without confusing 0/O or 1/I.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newResetCode(): string {
  const bytes = crypto.randomBytes(10);
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
}
const codeHash = (accountId: number, code: string) =>
  sha256(`${accountId}:${code.trim().toUpperCase().replace(/\s/g, '')}`);

const invalidToken = (field: string) =>
  new AppError(
    400,
    'reset_token_invalid',
    {
      id: 'Kode atau tautan atur ulang tidak berlaku (salah, kedaluwarsa, atau sudah dipakai).',
      en: 'The reset code or link is not valid (wrong, expired or already used).',
    },
    [{ field, code: 'invalid', message: { id: 'Tidak berlaku.', en: 'Not valid.' } }],
  );

/** Self-service: a one-time link token for an existing account (undefined when the login is unknown). */
export async function requestSelfReset(
  tx: Tx,
  login: LoginId,
): Promise<{ accountId: number; token: string } | undefined> {
  const acc = await findAccountByLogin(tx, login);
  if (acc?.status !== 'active') return undefined;
  const token = randomToken();
  await tx.query(
    `insert into credential_reset (token_hash, account_id, kind, expires_at) values ($1, $2, 'self', now() + make_interval(mins => $3))`,
    [sha256(token), acc.id, SELF_RESET_MINUTES],
  );
  await audit(
    tx,
    { accountId: null, role: null, label: 'anonymous', requestId: null },
    { action: 'credential.reset_requested', entityType: 'account', entityId: acc.id },
  );
  return { accountId: acc.id, token };
}

async function setPassword(tx: Tx, who: AuditActor, accountId: number, password: string, how: string) {
  await tx.query('update account set password_hash = $2 where id = $1', [accountId, await hashPassword(password)]);
  await deleteAllSessions(tx, accountId); // a new password logs every old session out
  await audit(tx, who, {
    action: 'credential.set_password',
    entityType: 'account',
    entityId: accountId,
    after: { via: how },
  });
}

export async function completeSelfReset(tx: Tx, token: string, password: string, requestId: string): Promise<number> {
  const [row] = await tx.query<{ account_id: number; display_name: string }>(
    `update credential_reset r set used_at = now() from account a
      where r.token_hash = $1 and r.kind = 'self' and r.used_at is null and r.expires_at > now() and a.id = r.account_id
      returning r.account_id, a.display_name`,
    [sha256(token)],
  );
  if (!row) throw invalidToken('body.token');
  await setPassword(
    tx,
    { accountId: row.account_id, role: null, label: row.display_name, requestId },
    row.account_id,
    password,
    'self_reset',
  );
  return row.account_id;
}

interface OwnerInScope {
  umkm_id: number;
  owner_id: number;
  full_name: string;
  phone_enc: Buffer | null;
  phone_hash: Buffer | null;
  account_id: number | null;
}

/** The owner of a business in one of the given kecamatan, or nothing: outside the scope looks like absent. */
export async function ownerInDistricts(
  db: Queryable,
  umkmId: number,
  districts: string[],
): Promise<OwnerInScope | undefined> {
  const [row] = await db.query<OwnerInScope>(
    `select u.id as umkm_id, o.id as owner_id, o.full_name, o.phone_enc, o.phone_hash, a.id as account_id
       from umkm u
       join owner o on o.id = u.owner_id
       left join account a on a.owner_id = o.id
      where u.id = $1 and ${inDistricts('u', '$2')}`,
    [umkmId, districts],
  );
  return row;
}

/**
 * Assisted reset at the kecamatan desk: the pendamping has checked the owner's KTP and hands over a one-time
 * code. An owner loaded in bulk has no account yet: it is created here (no password) for the owner to claim.
 */
export async function issueAssistedReset(
  tx: Tx,
  who: AuditActor,
  owner: OwnerInScope,
): Promise<{ accountId: number; code: string; expiresAt: string }> {
  let accountId = owner.account_id;
  const [login] = accountId
    ? await tx.query<{ ok: boolean }>(
        'select (phone_hash is not null or email is not null) as ok from account where id = $1',
        [accountId],
      )
    : [{ ok: owner.phone_hash !== null }];
  if (!login?.ok)
    // A code the owner cannot use is worse than none: the desk records a phone number first.
    throw new AppError(409, 'owner_without_phone', {
      id: 'Pemilik belum punya nomor HP terdaftar. Perbarui data pemilik (nomor HP) lalu buat kode lagi.',
      en: 'The owner has no registered phone number. Update the owner’s phone number, then issue the code again.',
    });
  if (!accountId) {
    const [row] = await tx.query<{ id: number }>(
      `insert into account (display_name, phone_enc, phone_hash, owner_id) values ($1, $2, $3, $4) returning id`,
      [owner.full_name, owner.phone_enc, owner.phone_hash, owner.owner_id],
    );
    accountId = row!.id;
    await audit(tx, who, {
      action: 'account.create',
      entityType: 'account',
      entityId: accountId,
      umkmId: owner.umkm_id,
      after: { ownerId: owner.owner_id, claimed: false },
    });
    await grantRole(tx, who, accountId, 'umkm_owner', '');
  }
  await tx.query(
    `update credential_reset set used_at = now() where account_id = $1 and kind = 'assisted' and used_at is null`,
    [accountId],
  );
  const code = newResetCode();
  const [r] = await tx.query<{ expires_at: Date }>(
    `insert into credential_reset (token_hash, account_id, kind, issued_by, expires_at)
     values ($1, $2, 'assisted', $3, now() + make_interval(hours => $4)) returning expires_at`,
    [codeHash(accountId, code), accountId, who.accountId, ASSISTED_RESET_HOURS],
  );
  await audit(tx, who, {
    action: 'credential.assisted_reset',
    entityType: 'account',
    entityId: accountId,
    umkmId: owner.umkm_id,
    after: { kind: 'assisted', expiresAt: r!.expires_at },
  });
  return { accountId, code, expiresAt: r!.expires_at.toISOString() };
}

/** The owner claims the account (or gets back in) with the code and a new password. */
export async function claimWithCode(
  tx: Tx,
  login: LoginId,
  code: string,
  password: string,
  requestId: string,
): Promise<number | undefined> {
  const acc = await findAccountByLogin(tx, login);
  if (!acc) return undefined;
  const used = await tx.query(
    `update credential_reset set used_at = now()
      where token_hash = $1 and account_id = $2 and kind = 'assisted' and used_at is null and expires_at > now() returning 1`,
    [codeHash(acc.id, code), acc.id],
  );
  if (!used.length) return undefined;
  await setPassword(
    tx,
    { accountId: acc.id, role: 'umkm_owner', label: acc.display_name, requestId },
    acc.id,
    password,
    'assisted_code',
  );
  return acc.id;
}

export { invalidToken };
