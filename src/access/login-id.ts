import { normalizePhone } from '../registry/identifiers.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import { fieldError, validationFailed } from '../platform/http/problem.ts';

/** A login is an email or a phone number. Phones are matched by their keyed hash, never stored in clear. */
export type LoginId = { kind: 'email'; email: string } | { kind: 'phone'; e164: string; hash: Buffer };

export function parseLogin(raw: string): LoginId | undefined {
  const t = raw.trim();
  if (t.includes('@'))
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? { kind: 'email', email: t.toLowerCase() } : undefined;
  const p = normalizePhone(t, { mobileOnly: true });
  return p.ok ? { kind: 'phone', e164: p.value.e164, hash: personalDataKeys().hash(p.value.e164) } : undefined;
}

/** The key failed attempts are counted under: the same for every spelling of one login, known or not. */
export function failureKey(raw: string): Buffer {
  const id = parseLogin(raw);
  const norm = id ? (id.kind === 'email' ? id.email : id.e164) : raw.trim().toLowerCase();
  return personalDataKeys().hash(`login:${norm}`);
}

/** The 422 for a login that is neither an email nor a mobile number. */
export const badLogin = () =>
  validationFailed([
    fieldError(
      'body.login',
      'invalid_login',
      'Masukkan email atau nomor HP (08…).',
      'Enter an email or a mobile number (08…).',
    ),
  ]);
