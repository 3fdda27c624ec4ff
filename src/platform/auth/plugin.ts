import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/types.ts';
import { AppError } from '../http/problem.ts';
import { type Actor, ANONYMOUS, hasRole } from './actor.ts';
import type { Role } from './roles.ts';
import { loadSession, SESSION_COOKIE, SESSION_DAYS } from './session.ts';

/**
 * Who may call a route, declared on every /api route (`config.access`), checked here on the server before
 * the body is validated (a stranger learns nothing about the schema):
 * 'public' (anyone), 'authenticated' (any logged-in account), or the roles allowed. Scope — which rows — is
 * the context's policy, folded into its queries.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Open while a TOTP-requiring account has not enrolled yet (enrolment, logout, me). */
    duringTotpEnrolment?: boolean;
    /** Changes nothing and is public (e.g. identifier validation): callable from any origin. */
    crossOrigin?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const forbidden = () =>
  new AppError(403, 'forbidden', { id: 'Anda tidak berhak melakukan ini.', en: 'You are not allowed to do this.' });
const unauthenticated = () =>
  new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu.', en: 'Please log in first.' });

/** Origin must be this server's own (or absent): a page on another site cannot post with our cookie. */
function checkOrigin(req: FastifyRequest) {
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  const allowed = (process.env.PUBLIC_ORIGINS ?? '')
    .split(',')
    .filter(Boolean)
    .map((o) => o.replace(/^https?:\/\//, ''));
  if (host !== req.headers.host && !allowed.includes(host))
    throw new AppError(403, 'csrf_origin', {
      id: 'Permintaan dari situs lain ditolak.',
      en: 'Cross-site request refused.',
    });
}

export async function registerAuth(app: import('fastify').FastifyInstance, db: Db) {
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null as never); // set for every request by the hook below
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    const actor = token ? await loadSession(db, token) : undefined;
    (req as { actor: Actor }).actor = actor ?? ANONYMOUS;
    if (!STATE_CHANGING.has(req.method)) return;
    if (!req.routeOptions.config.crossOrigin) checkOrigin(req);
    const sent = req.headers['x-csrf-token'];
    if (sent !== undefined && actor && sent !== actor.csrfToken)
      throw new AppError(403, 'csrf_token', {
        id: 'Token keamanan tidak cocok; muat ulang halaman.',
        en: 'Security token mismatch; reload the page.',
      });
  });
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const actor = req.actor;
    if (actor.kind === 'anonymous') throw unauthenticated();
    if (actor.mustEnrolTotp && !req.routeOptions.config.duringTotpEnrolment)
      throw new AppError(403, 'totp_enrolment_required', {
        id: 'Aktifkan verifikasi dua langkah (TOTP) terlebih dahulu.',
        en: 'Set up two-step verification (TOTP) first.',
      });
    if (access === 'authenticated') return;
    if (!hasRole(actor, ...access)) throw forbidden();
  });
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: SESSION_DAYS * 86400,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export { forbidden, unauthenticated };
