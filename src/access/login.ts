import crypto from 'node:crypto';
import { type AuditActor, SYSTEM } from '../platform/auth/actor.ts';
import { verifyPassword } from '../platform/auth/password.ts';
import { isRole, requiresTotp } from '../platform/auth/roles.ts';
import { createSession } from '../platform/auth/session.ts';
import { verifyTotp } from '../platform/auth/totp.ts';
import { audit } from '../platform/audit.ts';
import type { Db, Queryable } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import { tooManyRequests } from '../platform/rate-limit.ts';
import { failureKey, parseLogin } from './login-id.ts';
import { type AccountRow, findAccountByLogin, roleNamesOf } from './queries.ts';

// Failed attempts are counted over a sliding window, per account and per address.
export const FAILURE_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

export interface LoginInput {
  login: string;
  password: string;
  totp?: string;
}

export interface LoggedIn {
  accountId: number;
  token: string;
  csrfToken: string;
  /** The device cookie's value: the one sent if it was this account's, else a new one now known. */
  deviceToken: string;
}

const deviceHash = (token: string) => crypto.createHash('sha256').update(token).digest();

async function isKnownDevice(db: Queryable, accountId: number, token: string | undefined): Promise<boolean> {
  if (!token || token.length > 100) return false;
  return (
    (
      await db.query('select 1 from known_device where account_id = $1 and token_hash = $2', [
        accountId,
        deviceHash(token),
      ])
    ).length > 0
  );
}

/** Remembers the device a login succeeded on (a new random token unless it was already this account's). */
async function rememberDevice(
  tx: Queryable,
  accountId: number,
  token: string | undefined,
  known: boolean,
): Promise<string> {
  const t = known && token ? token : crypto.randomBytes(32).toString('base64url');
  await tx.query(
    `insert into known_device (account_id, token_hash) values ($1, $2) on conflict (account_id, token_hash) do update set last_seen = now()`,
    [accountId, deviceHash(t)],
  );
  return t;
}

const badCredentials = () =>
  new AppError(401, 'invalid_credentials', { id: 'Login atau kata sandi salah.', en: 'Wrong login or password.' }, [
    {
      field: 'body.password',
      code: 'invalid_credentials',
      message: { id: 'Login atau kata sandi salah.', en: 'Wrong login or password.' },
    },
  ]);

/**
 * Refuses (429 with Retry-After) while an account or an address has too many recent failures. The account's
 * limit does not apply on a device the account has logged in from before (knownDevice): a guesser cannot lock
 * the owner out, only slow down the guesser's own address and devices new to the account (OWASP ASVS 2.2).
 */
export async function checkFailures(
  db: Queryable,
  accountKey: Buffer,
  address: string,
  knownDevice = false,
): Promise<void> {
  const [r] = await db.query<{
    by_account: number;
    account_oldest: number | null;
    by_address: number;
    address_oldest: number | null;
  }>(
    `select
       (select count(*) from login_failure where account_key = $1 and at > now() - make_interval(secs => $3)) as by_account,
       (select extract(epoch from min(at) + make_interval(secs => $3) - now())::int from (select at from login_failure where account_key = $1 and at > now() - make_interval(secs => $3) order by at desc limit $4) x) as account_oldest,
       (select count(*) from login_failure where address = $2 and at > now() - make_interval(secs => $3)) as by_address,
       (select extract(epoch from min(at) + make_interval(secs => $3) - now())::int from (select at from login_failure where address = $2 and at > now() - make_interval(secs => $3) order by at desc limit $5) x) as address_oldest`,
    [accountKey, address, FAILURE_WINDOW_SECONDS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS],
  );
  if (!r) return;
  if (!knownDevice && r.by_account >= MAX_FAILURES_PER_ACCOUNT)
    throw tooManyRequests(r.account_oldest ?? FAILURE_WINDOW_SECONDS);
  if (r.by_address >= MAX_FAILURES_PER_ADDRESS) throw tooManyRequests(r.address_oldest ?? FAILURE_WINDOW_SECONDS);
}

export async function recordFailure(db: Queryable, accountKey: Buffer, address: string): Promise<void> {
  await db.query('insert into login_failure (account_key, address) values ($1, $2)', [accountKey, address]);
}

/** A second factor: a 6-digit TOTP code (each accepted once), or one of the account's unused recovery codes. */
async function checkSecondFactor(tx: Queryable, acc: AccountRow, code: string): Promise<boolean> {
  if (/^\d{6}$/.test(code) && acc.totp_secret_enc) {
    const secret = personalDataKeys().decrypt(acc.totp_secret_enc);
    const step = verifyTotp(secret, code, Date.now(), acc.totp_last_step);
    if (step === undefined) return false;
    const ok = await tx.query(
      'update account set totp_last_step = $2 where id = $1 and totp_last_step < $2 returning 1',
      [acc.id, step],
    );
    return ok.length === 1;
  }
  const hash = crypto.createHash('sha256').update(code.trim().toUpperCase()).digest();
  const used = await tx.query(
    'update recovery_code set used_at = now() where account_id = $1 and code_hash = $2 and used_at is null returning 1',
    [acc.id, hash],
  );
  return used.length === 1;
}

/**
 * Password login, with TOTP where a role requires it or the owner turned it on. Failures are counted (and
 * recorded outside the transaction, so a refused attempt still counts); success opens a server-side session
 * and remembers the device (deviceToken: the device cookie's value sent, returned for the cookie).
 */
export async function login(
  db: Db,
  input: LoginInput,
  address: string,
  requestId: string,
  deviceToken?: string,
): Promise<LoggedIn> {
  const accountKey = failureKey(input.login);
  const id = parseLogin(input.login);
  const acc = id ? await findAccountByLogin(db, id) : undefined;
  const knownDevice = acc ? await isKnownDevice(db, acc.id, deviceToken) : false;
  await checkFailures(db, accountKey, address, knownDevice);
  const passwordOk = await verifyPassword(acc?.password_hash ?? null, input.password);
  if (!acc || !passwordOk || acc.status !== 'active') {
    await recordFailure(db, accountKey, address);
    throw badCredentials();
  }
  const roles = (await roleNamesOf(db, acc.id)).filter(isRole);
  const result = await db.transaction(async (tx) => {
    if (acc.totp_enabled) {
      if (!input.totp) return 'totp_required' as const;
      if (!(await checkSecondFactor(tx, acc, input.totp))) return 'totp_wrong' as const;
    }
    const session = await createSession(tx, acc.id);
    const device = await rememberDevice(tx, acc.id, deviceToken, knownDevice);
    const who: AuditActor = { accountId: acc.id, role: roles[0] ?? null, label: acc.display_name, requestId };
    await audit(tx, who, {
      action: 'session.login',
      entityType: 'account',
      entityId: acc.id,
      after: { totp: acc.totp_enabled, mustEnrolTotp: !acc.totp_enabled && requiresTotp(roles) },
    });
    return { accountId: acc.id, ...session, deviceToken: device };
  });
  if (result === 'totp_required')
    throw new AppError(
      401,
      'totp_required',
      { id: 'Masukkan kode verifikasi dua langkah (TOTP).', en: 'Enter your two-step verification (TOTP) code.' },
      [{ field: 'body.totp', code: 'required', message: { id: 'Wajib diisi.', en: 'Required.' } }],
    );
  if (result === 'totp_wrong') {
    await recordFailure(db, accountKey, address);
    throw new AppError(
      401,
      'invalid_totp',
      { id: 'Kode verifikasi salah atau sudah dipakai.', en: 'Wrong or already used verification code.' },
      [
        {
          field: 'body.totp',
          code: 'invalid_totp',
          message: { id: 'Kode salah atau sudah dipakai.', en: 'Wrong or already used code.' },
        },
      ],
    );
  }
  return result;
}

export { SYSTEM };
