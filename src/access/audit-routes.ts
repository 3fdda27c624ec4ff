import { z } from 'zod';
import { bigintIdParam } from '../platform/http/input.ts';
import type { RoutePlugin } from '../platform/http/server.ts';
import { accessPolicy } from './policy.ts';
import { readAuditLog } from './read-audit-log.ts';

const Entry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorLabel: z.string(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  umkmId: z.number().int().nullable(),
});

/** The audit log, read-only, province-wide: for the auditor (inspectorate) and the platform admin. */
export const auditRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/audit-log',
    {
      config: { access: accessPolicy.readsAuditLog },
      schema: {
        operationId: 'listAuditLog',
        tags: ['access'],
        summary: 'Audit log entries, newest first (keyset pagination by id)',
        querystring: z.strictObject({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(50).optional(),
          before: bigintIdParam().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(Entry), total: z.number().int() }) },
      },
    },
    async (req) => readAuditLog(db, req.query),
  );
};
