import type { AuditActor } from './auth/actor.ts';
import type { Queryable } from './db/types.ts';

export interface AuditEntry {
  action: string; // e.g. 'account.create', 'role.grant', 'seed.batch'
  entityType: string;
  entityId: string | number;
  umkmId?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the audit log inside the caller's transaction, so the change and its record commit together.
 * The database chains and hashes the row; nothing here can forge or alter that.
 */
export async function audit(tx: Queryable, who: AuditActor, e: AuditEntry): Promise<void> {
  await tx.query(
    `insert into audit_log (actor_account_id, actor_role, actor_label, action, entity_type, entity_id, umkm_id, before, after, request_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      who.accountId,
      who.role,
      who.label,
      e.action,
      e.entityType,
      String(e.entityId),
      e.umkmId ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      who.requestId,
    ],
  );
}

export interface AuditBreak {
  id: number;
  entityType: string;
  entityId: string;
  problem: 'row_hash' | 'prev_hash';
}

/**
 * Recomputes every row's hash and its link to the previous row of the same entity. Returns the first broken
 * row (lowest id) or undefined when the log is intact. Works whatever happened to the triggers.
 */
export async function verifyAuditLog(db: Queryable): Promise<{ rows: number; broken?: AuditBreak }> {
  const [bad] = await db.query<{ id: number; entity_type: string; entity_id: string; problem: AuditBreak['problem'] }>(`
    select id, entity_type, entity_id, case when row_hash is distinct from computed then 'row_hash' else 'prev_hash' end as problem
      from (select id, entity_type, entity_id, row_hash, prev_hash,
                   sha256(convert_to(audit_row_text(a), 'UTF8')) as computed,
                   lag(row_hash) over (partition by entity_type, entity_id order by id) as expected_prev
              from audit_log a) c
     where row_hash is distinct from computed or prev_hash is distinct from expected_prev
     order by id limit 1`);
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('select count(*) as n from audit_log');
  return {
    rows: n,
    broken: bad && { id: bad.id, entityType: bad.entity_type, entityId: bad.entity_id, problem: bad.problem },
  };
}
