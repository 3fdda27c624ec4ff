import type { Queryable } from '../platform/db/types.ts';

export interface AuditLogQuery {
  entityType?: string;
  entityId?: string;
  /** Entries older than this id (keyset pagination, newest first). */
  before?: number;
  limit: number;
}

export interface AuditLogEntry {
  id: number;
  at: string;
  actorLabel: string;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  umkmId: number | null;
}

/** Audit log entries, newest first, with the log's total size. Read-only: the app's database role cannot change it. */
export async function readAuditLog(
  db: Queryable,
  q: AuditLogQuery,
): Promise<{ items: AuditLogEntry[]; total: number }> {
  const rows = await db.query<{
    id: number;
    at: Date;
    actor_label: string;
    actor_role: string | null;
    action: string;
    entity_type: string;
    entity_id: string;
    umkm_id: number | null;
  }>(
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
}
