import { z } from 'zod';
import type { RoutePlugin } from '../platform/http/server.ts';
import { getPublicFigures } from './public-figures.ts';

const Figures = z.object({
  members: z.number().int(),
  owners: z.number().int(),
  products: z.number().int(),
  publishedProducts: z.number().int(),
  fosteringAgencies: z.number().int(),
  cities: z.number().int(),
  districts: z.number().int(),
  villages: z.number().int(),
  buyers: z.number().int(),
  malls: z.number().int(),
  lenders: z.number().int(),
  membersByCity: z.array(z.object({ code: z.string(), name: z.string(), members: z.number().int() })),
});

export const outcomesRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/public/figures',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPublicFigures',
        tags: ['outcomes'],
        summary: 'Live programme figures for the public home page',
        response: { 200: Figures },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return getPublicFigures(db);
    },
  );
};
