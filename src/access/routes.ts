import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AccountActor, auditActor } from '../platform/auth/actor.ts';
import { clearSessionCookie, setSessionCookie } from '../platform/auth/plugin.ts';
import { createSession, deleteAllSessions, deleteSession } from '../platform/auth/session.ts';
import { audit } from '../platform/audit.ts';
import { AppError, fieldError, validationFailed } from '../platform/http/problem.ts';
import type { RoutePlugin } from '../platform/http/server.ts';
import { TokenBuckets } from '../platform/rate-limit.ts';
import { abilitiesOf } from './abilities.ts';
import { createAccount, grantRole } from './create-account.ts';
import {
  claimWithCode,
  completeSelfReset,
  invalidToken,
  issueAssistedReset,
  ownerInDistricts,
  requestSelfReset,
} from './credential-reset.ts';
import { checkFailures, login, recordFailure } from './login.ts';
import { failureKey, parseLogin } from './login-id.ts';
import { accessPolicy, assistedResetDistricts } from './policy.ts';
import { roleHome } from './home.ts';
import * as S from './schema.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './totp-enrolment.ts';
import { loadSession } from '../platform/auth/session.ts';
import { signedIn } from '../platform/auth/acting.ts';

const badLogin = () =>
  validationFailed([
    fieldError(
      'body.login',
      'invalid_login',
      'Masukkan email atau nomor HP (08…).',
      'Enter an email or a mobile number (08…).',
    ),
  ]);

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

/** A random token per device and account (known_device), sent only to the login. */
export const DEVICE_COOKIE = 'pl_device';

export const accessRoutes: RoutePlugin = (app, { db }) => {
  // Far above human use (≥ 10/s per address) so all demo accounts can log in at once; failures are limited apart.
  const buckets = new TokenBuckets(20, 40);
  const limit = (req: FastifyRequest) => buckets.take(req.ip);

  const sessionFor = async (token: string) => {
    const actor = await loadSession(db, token);
    if (!actor) throw new Error('session vanished right after creation');
    return sessionBody(actor);
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'login',
        tags: ['access'],
        summary: 'Log in with phone or email and password (+ TOTP where required)',
        body: S.LoginBody,
        response: { 200: S.SessionOut },
      },
    },
    async (req, reply) => {
      limit(req);
      const s = await login(db, req.body, req.ip, req.id, req.cookies[DEVICE_COOKIE]);
      setSessionCookie(req, reply, s.token);
      // The device cookie outlives sessions: it is how this device keeps logging in while a guesser is locked out.
      reply.setCookie(DEVICE_COOKIE, s.deviceToken, {
        path: '/api/auth',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: 400 * 86400,
      });
      return sessionFor(s.token);
    },
  );

  app.post(
    '/api/auth/signup',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'signup',
        tags: ['access'],
        summary: 'Create a buyer account and log in',
        body: S.SignupBody,
        response: { 201: S.SessionOut },
      },
    },
    async (req, reply) => {
      limit(req);
      const id = parseLogin(req.body.login);
      if (!id) throw badLogin();
      const s = await db.transaction(async (tx) => {
        const who = { accountId: null, role: null, label: req.body.displayName, requestId: req.id };
        const accountId = await createAccount(tx, who, {
          displayName: req.body.displayName,
          ...(id.kind === 'email' ? { email: id.email } : { phone: id }),
          password: req.body.password,
        });
        await grantRole(tx, { ...who, accountId }, accountId, 'public_buyer');
        return createSession(tx, accountId);
      });
      setSessionCookie(req, reply, s.token);
      return reply.code(201).send(await sessionFor(s.token));
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getMe',
        tags: ['access'],
        summary: 'The caller: account, roles, abilities (or anonymous)',
        response: { 200: z.union([S.SessionOut, S.AnonymousOut]) },
      },
    },
    async (req) =>
      req.actor.kind === 'account' ? sessionBody(req.actor) : { authenticated: false as const, abilities: [] },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated', duringTotpEnrolment: true },
      schema: { operationId: 'logout', tags: ['access'], summary: 'End this session', response: { 200: S.MessageOut } },
    },
    async (req, reply) => {
      const actor = signedIn(req);
      await db.transaction(async (tx) => {
        await deleteSession(tx, actor.sessionHash);
        await audit(tx, auditActor(actor, null, req.id), {
          action: 'session.logout',
          entityType: 'account',
          entityId: actor.accountId,
        });
      });
      clearSessionCookie(reply);
      return { message: { id: 'Anda telah keluar.', en: 'You are logged out.' } };
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      config: { access: 'authenticated', duringTotpEnrolment: true },
      schema: {
        operationId: 'logoutEverywhere',
        tags: ['access'],
        summary: 'End every session of this account',
        response: { 200: S.MessageOut },
      },
    },
    async (req, reply) => {
      const actor = signedIn(req);
      const n = await db.transaction(async (tx) => {
        const ended = await deleteAllSessions(tx, actor.accountId);
        await audit(tx, auditActor(actor, null, req.id), {
          action: 'session.logout_everywhere',
          entityType: 'account',
          entityId: actor.accountId,
          after: { sessions: ended },
        });
        return ended;
      });
      clearSessionCookie(reply);
      return { message: { id: `Keluar dari ${n} sesi.`, en: `Logged out of ${n} sessions.` } };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'requestPasswordReset',
        tags: ['access'],
        summary: 'Send a one-time reset link (printed to the log in development)',
        body: S.ResetRequestBody,
        response: { 202: S.MessageOut },
      },
    },
    async (req, reply) => {
      limit(req);
      const id = parseLogin(req.body.login);
      if (!id) throw badLogin();
      const issued = await db.transaction((tx) => requestSelfReset(tx, id));
      if (issued && process.env.NODE_ENV !== 'production') {
        // There is no mail or SMS server in development: the link goes to the log (never the login itself).
        req.log.warn({ accountId: issued.accountId }, `password reset link: /atur-ulang?token=${issued.token}`);
      }
      // The same answer whether or not the login exists, so nobody can probe who is registered.
      return reply.code(202).send({
        message: {
          id: 'Jika akun ada, tautan atur ulang telah dikirim.',
          en: 'If the account exists, a reset link has been sent.',
        },
      });
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'completePasswordReset',
        tags: ['access'],
        summary: 'Set a new password with a reset link token',
        body: S.ResetCompleteBody,
        response: { 200: S.MessageOut },
      },
    },
    async (req) => {
      limit(req);
      await db.transaction((tx) => completeSelfReset(tx, req.body.token, req.body.password, req.id));
      return { message: { id: 'Kata sandi diganti. Silakan masuk.', en: 'Password changed. Please log in.' } };
    },
  );

  app.post(
    '/api/auth/claim',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'claimAccount',
        tags: ['access'],
        summary: 'Claim an account (or get back in) with a code from the kecamatan desk',
        body: S.ClaimBody,
        response: { 200: S.SessionOut },
      },
    },
    async (req, reply) => {
      limit(req);
      const key = failureKey(req.body.login);
      await checkFailures(db, key, req.ip);
      const id = parseLogin(req.body.login);
      const accountId =
        id && (await db.transaction((tx) => claimWithCode(tx, id, req.body.code, req.body.password, req.id)));
      if (!accountId) {
        await recordFailure(db, key, req.ip);
        throw invalidToken('body.code');
      }
      const s = await db.transaction((tx) => createSession(tx, accountId));
      setSessionCookie(req, reply, s.token);
      return sessionFor(s.token);
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { access: 'authenticated', duringTotpEnrolment: true },
      schema: {
        operationId: 'startTotpSetup',
        tags: ['access'],
        summary: 'Start two-step verification: a secret for the authenticator app',
        response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }) },
      },
    },
    async (req) => {
      const actor = signedIn(req);
      return db.transaction((tx) => startTotpEnrolment(tx, actor.accountId, actor.displayName));
    },
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: { access: 'authenticated', duringTotpEnrolment: true },
      schema: {
        operationId: 'confirmTotpSetup',
        tags: ['access'],
        summary: 'Confirm with a code; returns recovery codes once',
        body: S.TotpConfirmBody,
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const actor = signedIn(req);
      const codes = await db.transaction((tx) =>
        confirmTotpEnrolment(tx, auditActor(actor, null, req.id), actor.accountId, req.body.code),
      );
      return { recoveryCodes: codes };
    },
  );

  app.post(
    '/api/access/assisted-resets',
    {
      config: { access: accessPolicy.issuesAssistedReset },
      schema: {
        operationId: 'issueAssistedReset',
        tags: ['access'],
        summary: "Kecamatan desk: after checking the owner's KTP, issue a one-time code to claim or reset the account",
        body: S.AssistedResetBody,
        response: { 201: z.object({ accountId: z.number().int(), code: z.string(), expiresAt: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = signedIn(req);
      const owner = await ownerInDistricts(db, req.body.umkmId, assistedResetDistricts(actor));
      if (!owner)
        throw new AppError(404, 'not_found', {
          id: 'UMKM tidak ditemukan di kecamatan Anda.',
          en: 'No such UMKM in your kecamatan.',
        });
      const issued = await db.transaction((tx) =>
        issueAssistedReset(tx, auditActor(actor, 'pendamping', req.id), owner),
      );
      return reply.code(201).send(issued);
    },
  );

  const Bi = z.object({ id: z.string(), en: z.string() });
  const Section = z.object({
    role: z.string(),
    scope: z.object({ kind: z.string(), id: z.string(), name: z.string() }).nullable(),
    figures: z.array(z.object({ label: Bi, value: z.number(), unit: z.enum(['count', 'rupiah', 'm2', 'percent']) })),
    list: z
      .object({
        title: Bi,
        empty: Bi,
        items: z.array(z.object({ primary: z.string(), secondary: Bi, umkmId: z.number().int().optional() })),
      })
      .nullable(),
    shortcuts: z.array(z.object({ href: z.string(), label: Bi })),
  });
  app.get(
    '/api/me/home',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'getMyHome',
        tags: ['access'],
        summary: "The caller's home: each role's work within its scope",
        response: { 200: z.object({ sections: z.array(Section) }) },
      },
    },
    async (req) => ({ sections: await roleHome(db, signedIn(req)) }),
  );
};
