// The credential routes of access: password reset (self-service and the kecamatan desk's assisted code), claiming
// an account with such a code, and enrolling in two-step verification. Registered by accessRoutes (routes.ts),
// which shares its rate limit and session answer with them.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditActor } from '../platform/auth/actor.ts';
import { setSessionCookie } from '../platform/auth/plugin.ts';
import { createSession } from '../platform/auth/session.ts';
import { signedIn } from '../platform/auth/acting.ts';
import type { Db } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import type { App } from '../platform/http/server.ts';
import {
  claimWithCode,
  completeSelfReset,
  invalidToken,
  issueAssistedReset,
  ownerInDistricts,
  requestSelfReset,
} from './credential-reset.ts';
import { checkFailures, recordFailure } from './login.ts';
import { badLogin, failureKey, parseLogin } from './login-id.ts';
import { accessPolicy, assistedResetDistricts } from './policy.ts';
import type { SessionBody } from './present-session.ts';
import * as S from './schema.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './totp-enrolment.ts';

export function credentialRoutes(
  app: App,
  db: Db,
  limit: (req: FastifyRequest) => void,
  sessionFor: (token: string) => Promise<SessionBody>,
): void {
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
}
