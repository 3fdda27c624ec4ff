import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { hasRole } from '../auth/actor.ts';
import { AppError } from './problem.ts';

const sameSecret = (a: string, b: string) => {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
};

/**
 * /metrics shows the routes, their traffic and the process's memory: for the operator's scraper (a bearer token
 * from PL_METRICS_TOKEN) or a signed-in platform admin, nobody else. Answers 401 to a stranger, 403 to others.
 */
function allowMetrics(req: FastifyRequest): void {
  const token = process.env.PL_METRICS_TOKEN;
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (token && bearer && sameSecret(bearer, token)) return;
  const actor = req.actor;
  if (actor && hasRole(actor, 'platform_admin') && !(actor.kind === 'account' && actor.mustEnrolTotp)) return;
  if (bearer || !actor || actor.kind === 'anonymous')
    throw new AppError(
      401,
      'unauthenticated',
      {
        id: 'Metrik hanya untuk admin platform atau pemegang token metrik.',
        en: 'Metrics are for platform admins or the holder of the metrics token.',
      },
      [],
      {
        'www-authenticate': 'Bearer realm="metrics"',
      },
    );
  throw new AppError(403, 'forbidden', {
    id: 'Metrik hanya untuk admin platform.',
    en: 'Metrics are for platform admins only.',
  });
}

/** Prometheus metrics at /metrics: process figures plus request counts and durations by route template. */
export function registerMetrics(app: FastifyInstance): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const total = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route template and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const labels = { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    duration.observe(labels, reply.elapsedTime / 1000);
    total.inc(labels);
  });
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    allowMetrics(req);
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
