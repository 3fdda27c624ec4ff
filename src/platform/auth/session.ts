import crypto from 'node:crypto';
import type { Queryable } from '../db/types.ts';
import type { AccountActor, Grant } from './actor.ts';
import { isRole, requiresTotp, type Role } from './roles.ts';

export const SESSION_COOKIE = 'pl_session';
export const SESSION_DAYS = 7;

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest();
export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');

export async function createSession(tx: Queryable, accountId: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await tx.query(
    `insert into session (token_hash, account_id, csrf_token, expires_at) values ($1, $2, $3, now() + make_interval(days => $4))`,
    [sha256(token), accountId, csrfToken, SESSION_DAYS],
  );
  return { token, csrfToken };
}

interface SessionRow {
  account_id: number;
  display_name: string;
  owner_id: number | null;
  csrf_token: string;
  totp_enabled: boolean;
  stale: boolean;
  grants: { role: string; scope_kind: string; scope_id: string }[] | null;
}

/** The account behind a session cookie, with its grants; undefined when the session is unknown or expired. */
export async function loadSession(db: Queryable, token: string): Promise<AccountActor | undefined> {
  const hash = sha256(token);
  const [row] = await db.query<SessionRow>(
    `select s.account_id, a.display_name, a.owner_id, s.csrf_token, a.totp_enabled,
            s.last_seen_at < now() - interval '1 hour' as stale,
            (select json_agg(json_build_object('role', g.role, 'scope_kind', g.scope_kind, 'scope_id', g.scope_id) order by g.id)
               from role_grant g where g.account_id = a.id) as grants
       from session s join account a on a.id = s.account_id
      where s.token_hash = $1 and s.expires_at > now() and a.status = 'active'`,
    [hash],
  );
  if (!row) return undefined;
  if (row.stale) {
    // Sliding expiry, written at most once an hour per session rather than on every request.
    await db.query(
      `update session set last_seen_at = now(), expires_at = now() + make_interval(days => $2) where token_hash = $1`,
      [hash, SESSION_DAYS],
    );
  }
  const grants: Grant[] = (row.grants ?? [])
    .filter((g) => isRole(g.role))
    .map((g) => ({ role: g.role as Role, scopeKind: g.scope_kind as Grant['scopeKind'], scopeId: g.scope_id }));
  return {
    kind: 'account',
    accountId: row.account_id,
    displayName: row.display_name,
    ownerId: row.owner_id,
    grants,
    sessionHash: hash,
    csrfToken: row.csrf_token,
    mustEnrolTotp: !row.totp_enabled && requiresTotp(grants.map((g) => g.role)),
  };
}

export async function deleteSession(tx: Queryable, hash: Buffer): Promise<void> {
  await tx.query('delete from session where token_hash = $1', [hash]);
}

export async function deleteAllSessions(tx: Queryable, accountId: number): Promise<number> {
  const rows = await tx.query('delete from session where account_id = $1 returning 1', [accountId]);
  return rows.length;
}
