import crypto from 'node:crypto';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from '../db/types.ts';
import { registerMetrics } from './metrics.ts';
import { refuseHostileText } from './hostile-text.ts';
import { z } from 'zod';
import { ERROR_CODES } from './error-codes.ts';
import { AppError, handleError, sendProblem } from './problem.ts';
import { maskPersonal, REDACT_PATHS } from './redact.ts';
import { CONTENT_SECURITY_POLICY, registerWeb } from './web.ts';
import { type Access, registerAuth } from '../auth/plugin.ts';

function createFastify(opts: FastifyServerOptions) {
  return Fastify(opts).withTypeProvider<ZodTypeProvider>();
}
/** The problem+json body every error answers with (problem.ts sendProblem); `code` is one of ERROR_CODES. */
const Bilingual = z.object({ id: z.string(), en: z.string() });
const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(ERROR_CODES),
  detail: z.string(),
  message: Bilingual,
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: Bilingual })),
  requestId: z.string(),
});

export type App = ReturnType<typeof createFastify>;

/** What every context's routes receive: wired by hand here, no container. */
export interface AppDeps {
  db: Db;
  /** Flipped to true once migrations and demo data are in place; /api/health answers 200 only then. */
  state: { ready: boolean };
  /** The built web app (dist/web); absent in API-only tests. */
  webDir?: string;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access: the authorisation tests enumerate it. */
    routeTable: RouteInfo[];
  }
}

export type RoutePlugin = (app: App, deps: AppDeps) => void | Promise<void>;

export interface ServerOptions {
  logLevel?: string;
  contexts: RoutePlugin[];
}

export const BODY_LIMIT = 1024 * 1024; // 1 MiB: enough for any form; uploads get their own limit per route

export async function buildServer(deps: AppDeps, opts: ServerOptions): Promise<App> {
  const logger: FastifyServerOptions['logger'] = {
    level: opts.logLevel ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req) => ({ method: req.method, url: maskPersonal(req.url), remoteAddress: req.ip }),
    },
  };
  const app = createFastify({
    logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: process.env.TRUST_PROXY === '1',
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
    routerOptions: { maxParamLength: 200 },
    // A path the router cannot decode (%ED%A0%80, a lone surrogate) is a problem+json like every other 400.
    frameworkErrors: (err, req, reply) => handleError(err, req, reply),
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // Every response, not just pages: an API answer opened directly must not run or frame anything either.
    // /api/docs (swagger-ui) replaces it with its own hashed policy in its onSend hook.
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pasar Lokal API',
        version: '0.1.0',
        description:
          'Platform UMKM daerah: Jakpreneur, e-Order, Jumat Beli Lokal, UMKM Goes To Mall. Errors are application/problem+json.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      components: {
        schemas: { Problem: z.toJSONSchema(Problem, { target: 'draft-2020-12' }) as Record<string, unknown> },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // swagger-ui's own policy (scripts from 'self' only), framed by no one. Its bundle injects a <style> element at
    // run time, so this page alone allows inline styles; upgrade-insecure-requests goes, as a plain-http server
    // (local use, or TLS ended at a proxy) could not serve the https:// addresses it would ask for.
    staticCSP: true,
    transformStaticCSP: (csp: string) =>
      csp
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace('style-src ', "style-src 'unsafe-inline' ")
        .replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerMetrics(app as unknown as FastifyInstance);
  await registerAuth(app as unknown as FastifyInstance, deps.db);
  // After the access check, so an anonymous or unauthorised caller learns nothing more from a hostile value.
  app.addHook('preValidation', refuseHostileText);
  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    // Every API operation says who may call it; a route that forgets does not start.
    if (!r.url.startsWith('/api/') || r.schema?.hide || r.method === 'HEAD') return;
    const access = r.config?.access;
    if (access === undefined) throw new Error(`${String(r.method)} ${r.url} declares no config.access`);
    for (const method of [r.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: r.url, access });
  });
  app.decorate('routeTable', routeTable);
  for (const ctx of opts.contexts) await ctx(app, deps);

  const serveApp = await registerWeb(app as unknown as FastifyInstance, deps.webDir);
  app.setNotFoundHandler((req, reply) => {
    // Any page address outside /api is the web app's to route (so a public page never answers 404).
    if (serveApp && (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/'))
      return serveApp(reply);
    return sendProblem(
      reply,
      req,
      new AppError(404, 'not_found', { id: 'Alamat tidak ditemukan.', en: 'No such address.' }),
    );
  });
  return app;
}
