import { z } from 'zod';
import type { RoutePlugin } from '../http/server.ts';
import { listKbli, listRegions } from './queries.ts';

const Region = z.object({ code: z.string(), name: z.string(), level: z.string(), parent_code: z.string().nullable() });

/** Reference data for forms and filters: regions (kota > kecamatan > kelurahan) and KBLI 2020. Public. */
export const referenceRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/regions',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listRegions',
        tags: ['reference'],
        summary: 'Regions of this instance, optionally the children of one region',
        querystring: z.strictObject({
          parent: z
            .string()
            .regex(/^\d{2,10}$/)
            .optional(),
          level: z.enum(['province', 'city', 'district', 'village']).optional(),
        }),
        response: { 200: z.object({ items: z.array(Region) }) },
      },
    },
    async (req) => ({ items: await listRegions(db, req.query) }),
  );
  app.get(
    '/api/kbli',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listKbli',
        tags: ['reference'],
        summary: 'KBLI 2020 subclasses matching a code prefix or words of the title',
        querystring: z.strictObject({
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), title: z.string() })) }) },
      },
    },
    async (req) => ({ items: await listKbli(db, req.query.q, req.query.limit) }),
  );
};
