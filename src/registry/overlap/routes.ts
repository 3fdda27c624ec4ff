import { z } from 'zod';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { registryPolicy } from '../policy.ts';
import { overlap } from './overlap.ts';

const Bi = z.object({ id: z.string(), en: z.string() });
/** The slice a caller may see is checked by overlapAllowed. */

export const overlapRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/registry/pengampu-overlap',
    {
      config: { access: registryPolicy.seesFunnels },
      schema: {
        operationId: 'getPengampuOverlap',
        tags: ['registry'],
        summary:
          "Where the fostering agencies' member lists overlap: agency × agency counts, own counts, de-duplicated total",
        querystring: z.strictObject({
          region: z
            .string()
            .regex(/^[0-9]{2,10}$/)
            .optional(),
          byCity: z.enum(['true', 'false']).optional(),
        }),
        response: {
          200: z.object({
            region: z.object({ code: z.string(), name: z.string(), level: z.string() }).nullable(),
            source: z.enum(['live', 'rollup']),
            asOf: z.string(),
            asOfWib: Bi,
            agencies: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), members: z.number() })),
            matrix: z.array(z.array(z.number())),
            total: z.object({
              distinctMembers: z.number(),
              sumOfAgencyCounts: z.number(),
              countedMoreThanOnce: z.number(),
            }),
            cities: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                distinctMembers: z.number(),
                perAgency: z.array(z.object({ id: z.number(), members: z.number() })),
              }),
            ),
          }),
        },
      },
    },
    async (req) =>
      overlap(db, req.actor, { region: req.query.region, byCity: req.query.byCity === 'true' }, (e) =>
        req.log.error({ err: e }, 'overlap rollup refresh failed'),
      ),
  );
};
