import { z } from 'zod';
import { bigintIdParam } from '../platform/http/input.ts';
import type { RoutePlugin } from '../platform/http/server.ts';
import { accessPolicy } from './policy.ts';

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
    async (req) => {
      const q = req.query;
      const rows = await db.query<{ id: number; at: Date; actor_label: string; actor_role: string | null; action: string; entity_type: string; entity_id: string; umkm_id: number | null }>(
        `select id, at, actor_label, actor_role, action, entity_type, entity_id, umkm_id from audit_log
          where ($1::text is null or entity_type = $1) and ($2::text is null or entity_id = $2) and ($3::bigint is null or id < $3)
          order by id desc limit $4`,
        [q.entityType ?? null, q.entityId ?? null, q.before ?? null, q.limit],
      );
      const [t] = await db.query<{ n: number }>('select count(*) as n from audit_log');
      return {
        total: t?.n ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorLabel: r.actor_label,
          actorRole: r.actor_role,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          umkmId: r.umkm_id,
        })),
      };
    },
  );
};
