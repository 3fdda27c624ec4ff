import { z } from 'zod';
import type { RoutePlugin } from '../platform/http/server.ts';

/**
 * The fostering agencies (pengampu) a business can be registered under, for the registration forms' picker.
 * Public: the list of agencies is no secret, and the owner picks one before the business exists.
 */
export const registryReferenceRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/registry/fostering-agencies',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listFosteringAgencies',
        tags: ['registry'],
        summary: 'Fostering agencies (pengampu) of this instance, by name',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })) }),
        },
      },
    },
    async () => ({
      items: await db.query<{ id: number; code: string; name: string }>(
        'select id, code, name from fostering_agency order by name, id',
      ),
    }),
  );
};
