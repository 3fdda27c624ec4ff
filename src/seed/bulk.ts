import type { Queryable } from '../platform/db/types.ts';

/** A column of a bulk insert: its name and the SQL array type unnest() reads it as. */
export type Column = readonly [name: string, type: string];

/**
 * Inserts many rows in one statement: `insert … select * from unnest($1::text[], …)`. One array per column keeps
 * the parameter count fixed (PostgreSQL allows 65,535 parameters) and is equally fast on PGlite and PostgreSQL.
 * `overriding system value` lets the generator insert ids it reserved, so children can point at parents.
 */
export async function insertColumns(
  q: Queryable,
  table: string,
  columns: readonly Column[],
  values: readonly unknown[][],
  opts: { withIds?: boolean } = {},
): Promise<void> {
  if (!values[0]?.length) return;
  const names = columns.map((c) => c[0]).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ');
  const n = columns.length;
  // The batch and its audit entry are one statement, so they commit together even outside a transaction.
  await q.query(
    `with batch as (insert into ${table} (${names}) ${opts.withIds ? 'overriding system value ' : ''}select * from unnest(${arrays}) returning 1)
     insert into audit_log (actor_label, action, entity_type, entity_id, after)
     select 'system:seed', 'seed.insert_batch', 'seed_batch', $${n + 1}, jsonb_build_object('table', $${n + 2}::text, 'rows', count(*)) from batch`,
    [...values, `${table}#${++batchCounter}@${Date.now()}`, table],
  );
}

let batchCounter = 0;

/** Takes n values of a table's identity sequence, ascending: ids known before insert let one batch hold parents and children. */
export async function reserveIds(q: Queryable, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await q.query<{ id: number }>(
    `select nextval(pg_get_serial_sequence($1, 'id')) as id from generate_series(1, $2::int) order by 1`,
    [table, n],
  );
  return rows.map((r) => r.id);
}

/** Row-oriented building of column arrays: push one row at a time, hand the arrays to insertColumns. */
export class ColumnBuffer {
  readonly values: unknown[][];
  constructor(readonly columns: readonly Column[]) {
    this.values = columns.map(() => []);
  }
  push(...row: unknown[]): void {
    for (let i = 0; i < row.length; i++) (this.values[i] as unknown[]).push(row[i]);
  }
  get length(): number {
    return this.values[0]?.length ?? 0;
  }
  flush(q: Queryable, table: string, opts: { withIds?: boolean } = {}): Promise<void> {
    return insertColumns(q, table, this.columns, this.values, opts);
  }
}

// The pipeline of concurrent inserts is the platform's (the catalogue's bulk search fill uses it too).
export { Pipeline } from '../platform/db/pipeline.ts';
