import crypto from 'node:crypto';
import type { AuditActor } from '../platform/auth/actor.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from '../platform/auth/totp.ts';
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import { findAccount } from './queries.ts';

/** Step 1: a new secret for the authenticator app (not active until confirmed with a code). */
export async function startTotpEnrolment(
  tx: Tx,
  accountId: number,
  label: string,
): Promise<{ secret: string; otpauthUri: string }> {
  const acc = await findAccount(tx, accountId);
  if (acc?.totp_enabled)
    throw new AppError(409, 'totp_already_enabled', {
      id: 'Verifikasi dua langkah sudah aktif.',
      en: 'Two-step verification is already on.',
    });
  const secret = newTotpSecret();
  await tx.query('update account set totp_secret_enc = $2 where id = $1', [
    accountId,
    personalDataKeys().encrypt(secret),
  ]);
  return { secret, otpauthUri: otpauthUri(secret, label) };
}

export function newRecoveryCodes(n = 10): string[] {
  return Array.from({ length: n }, () => {
    const raw = crypto.randomBytes(8).toString('hex').toUpperCase();
    return `${raw.slice(0, 5)}-${raw.slice(5, 10)}`;
  });
}

/** Step 2: a correct code turns TOTP on and yields recovery codes, shown once. */
export async function confirmTotpEnrolment(
  tx: Tx,
  who: AuditActor,
  accountId: number,
  code: string,
): Promise<string[]> {
  const acc = await findAccount(tx, accountId);
  if (!acc?.totp_secret_enc || acc.totp_enabled)
    throw new AppError(409, 'totp_not_started', {
      id: 'Mulai pengaturan verifikasi dua langkah terlebih dahulu.',
      en: 'Start two-step verification setup first.',
    });
  const step = verifyTotp(personalDataKeys().decrypt(acc.totp_secret_enc), code, Date.now(), acc.totp_last_step);
  if (step === undefined)
    throw new AppError(400, 'invalid_totp', { id: 'Kode verifikasi salah.', en: 'Wrong verification code.' }, [
      { field: 'body.code', code: 'invalid_totp', message: { id: 'Kode salah.', en: 'Wrong code.' } },
    ]);
  await tx.query('update account set totp_enabled = true, totp_last_step = $2 where id = $1', [accountId, step]);
  return storeRecoveryCodes(tx, who, accountId);
}

export async function storeRecoveryCodes(
  tx: Tx,
  who: AuditActor,
  accountId: number,
  codes = newRecoveryCodes(),
): Promise<string[]> {
  await tx.query('delete from recovery_code where account_id = $1', [accountId]);
  await tx.query('insert into recovery_code (account_id, code_hash) select $1, h from unnest($2::bytea[]) as h', [
    accountId,
    codes.map((c) => crypto.createHash('sha256').update(c).digest()),
  ]);
  await audit(tx, who, { action: 'totp.enable', entityType: 'account', entityId: accountId });
  return codes;
}

/** Turns TOTP on with a known secret (demo accounts, whose secrets are published in the README). */
export async function enableTotpWithSecret(tx: Tx, who: AuditActor, accountId: number, secret: string): Promise<void> {
  await tx.query('update account set totp_secret_enc = $2, totp_enabled = true where id = $1', [
    accountId,
    personalDataKeys().encrypt(secret),
  ]);
  await storeRecoveryCodes(tx, who, accountId);
}
