import { z } from 'zod';
import { serverVersion } from '../db/open.ts';
import { AppError } from './problem.ts';
import type { RoutePlugin } from './server.ts';

const Health = z.object({
  status: z.literal('ok'),
  database: z.object({ engine: z.enum(['pglite', 'postgres']), version: z.string() }),
});

/** GET /api/health: 200 only once migrations and demo data are in place (a contract outside checks rely on). */
export const healthRoutes: RoutePlugin = (app, { db, state }) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { operationId: 'getHealth', tags: ['platform'], summary: 'Service health', response: { 200: Health } },
    },
    async () => {
      if (!state.ready)
        throw new AppError(503, 'starting', { id: 'Layanan sedang bersiap.', en: 'The service is starting.' }, [], {
          'retry-after': '2',
        });
      return { status: 'ok' as const, database: { engine: db.engine, version: await serverVersion(db) } };
    },
  );
};
