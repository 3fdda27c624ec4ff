import { z } from 'zod';
import { bigintId } from '../platform/http/input.ts';

const password = z.string().min(8).max(200);

export const LoginBody = z.strictObject({
  login: z.string().min(3).max(254).describe('Email or mobile phone (08…, +62…, 62…)'),
  password: z.string().min(1).max(200),
  totp: z.string().min(6).max(20).optional().describe('6-digit TOTP code, or a recovery code, where required'),
});

export const SignupBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200),
  login: z.string().min(3).max(254),
  password,
});

export const ResetRequestBody = z.strictObject({ login: z.string().min(3).max(254) });
export const ResetCompleteBody = z.strictObject({ token: z.string().min(10).max(200), password });
export const ClaimBody = z.strictObject({
  login: z.string().min(3).max(254),
  code: z.string().min(5).max(20),
  password,
});
export const TotpConfirmBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export const AssistedResetBody = z.strictObject({ umkmId: bigintId() });

export const GrantOut = z.object({ role: z.string(), scopeKind: z.string(), scopeId: z.string() });
export const SessionOut = z.object({
  authenticated: z.literal(true),
  account: z.object({ id: z.number().int(), displayName: z.string() }),
  roles: z.array(GrantOut),
  home: z.string(),
  csrfToken: z.string(),
  mustEnrolTotp: z.boolean(),
  abilities: z.array(z.string()),
});
export const AnonymousOut = z.object({ authenticated: z.literal(false), abilities: z.array(z.string()) });
export const MessageOut = z.object({ message: z.object({ id: z.string(), en: z.string() }) });

// Types the web app reads (it imports server types only from a context's schema.ts).
export type { HomeSection } from './home.ts';
export type { accessPolicy } from './policy.ts';
