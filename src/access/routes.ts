import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditActor } from '../platform/auth/actor.ts';
import { clearSessionCookie, setSessionCookie } from '../platform/auth/plugin.ts';
import { createSession, deleteAllSessions, deleteSession } from '../platform/auth/session.ts';
import { audit } from '../platform/audit.ts';
import type { RoutePlugin } from '../platform/http/server.ts';
import { TokenBuckets } from '../platform/rate-limit.ts';
import { createAccount, grantRole } from './create-account.ts';
import { credentialRoutes } from './credential-routes.ts';
import { login } from './login.ts';
import { badLogin, parseLogin } from './login-id.ts';
import { roleHome } from './home.ts';
import { sessionBody } from './present-session.ts';
import * as S from './schema.ts';
import { loadSession } from '../platform/auth/session.ts';
import { signedIn } from '../platform/auth/acting.ts';

export { sessionBody } from './present-session.ts';

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

  credentialRoutes(app, db, limit, sessionFor);

  const Bi = z.object({ id: z.string(), en: z.string() });
  const Section = z.object({
    role: z.string(),
    scope: z.object({ kind: z.string(), id: z.string(), name: z.string() }).nullable(),
    figures: z.array(z.object({ label: Bi, value: z.number(), unit: z.enum(['count', 'rupiah', 'm2', 'percent']) })),
    list: z
      .object({
        title: Bi,
        empty: Bi,
        items: z.array(
          z.object({
            primary: z.string(),
            secondary: Bi,
            umkmId: z.number().int().optional(),
            href: z.string().optional(),
          }),
        ),
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
