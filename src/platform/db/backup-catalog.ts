// What a backup covers, read from the catalog rather than from a list: every ordinary table and sequence in the
// application's schemas (anything not owned by PostgreSQL itself or by an extension), so tables added by later
// migrations are backed up without anyone touching this file.
import type { Queryable } from './types.ts';

export interface TableInfo {
  oid: number;
  schema: string;
  name: string;
  /** `schema.name`, the key of checksums and of the backup file. */
  key: string;
  /** Quoted and qualified, for SQL text. */
  ident: string;
}

export interface ColumnInfo {
  name: string;
  /** As `format_type` renders it, for casts (`text`, `timestamp with time zone`, `numeric(12,2)`…). */
  type: string;
  identity: boolean;
}

export interface TableChecksum {
  rows: number;
  md5: string;
}
export type Checksums = Record<string, TableChecksum>;

// Schemas named pg_* (pg_catalog, pg_toast, pg_temp_N) and information_schema are PostgreSQL's own.
const APP_RELATION = `n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
  and not exists (select 1 from pg_depend d
                   where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;

/**
 * Text renderings that are the same on PostgreSQL 15 and PGlite (18), so checksums and values compare across
 * engines: UTC, ISO dates, hex bytea, shortest exact floats. Both backup and restore run under them.
 */
export async function setStableRendering(tx: Queryable): Promise<void> {
  await tx.exec(`set local timezone = 'UTC';
    set local datestyle = 'ISO, YMD';
    set local intervalstyle = 'postgres';
    set local bytea_output = 'hex';
    set local extra_float_digits = 1`);
}

export async function appTables(q: Queryable): Promise<TableInfo[]> {
  const rows = await q.query<{ oid: number; schema: string; name: string; ident: string }>(
    `select c.oid::int8 as oid, n.nspname as schema, c.relname as name, format('%I.%I', n.nspname, c.relname) as ident
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and ${APP_RELATION}
      order by n.nspname, c.relname`,
  );
  return rows.map((r) => ({ ...r, key: `${r.schema}.${r.name}` }));
}

export async function appSequences(q: Queryable): Promise<{ key: string; ident: string }[]> {
  return q.query(
    `select n.nspname || '.' || c.relname as key, format('%I.%I', n.nspname, c.relname) as ident
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'S' and ${APP_RELATION}
      order by 1`,
  );
}

/** Materialized views hold derived data: refreshed after a restore rather than stored (oldest first). */
export async function appMaterializedViews(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ ident: string }>(
    `select format('%I.%I', n.nspname, c.relname) as ident
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'm' and ${APP_RELATION}
      order by c.oid`,
  );
  return rows.map((r) => r.ident);
}

/** The columns a backup stores: generated columns are left out (the target computes them again). */
export async function storedColumns(q: Queryable, table: TableInfo): Promise<ColumnInfo[]> {
  return q.query<ColumnInfo>(
    `select attname as name, format_type(atttypid, atttypmod) as type, attidentity <> '' as identity
       from pg_attribute
      where attrelid = $1::int8::oid and attnum > 0 and not attisdropped and attgenerated = ''
      order by attnum`,
    [table.oid],
  );
}

/**
 * Tables ordered so that every table comes after the tables it references (foreign keys), so rows can be
 * inserted with the constraints checked. A table referencing itself is reported in `selfReferencing`; tables
 * whose foreign keys form a cycle come last, in `cyclic` (no order satisfies them).
 */
export async function fkOrder(
  q: Queryable,
  tables: TableInfo[],
): Promise<{ ordered: TableInfo[]; selfReferencing: Set<number>; cyclic: TableInfo[] }> {
  const fks = await q.query<{ child: number; parent: number }>(
    `select distinct conrelid::int8 as child, confrelid::int8 as parent from pg_constraint where contype = 'f'`,
  );
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const parents = new Map<number, Set<number>>(tables.map((t) => [t.oid, new Set<number>()]));
  const selfReferencing = new Set<number>();
  for (const fk of fks) {
    if (!byOid.has(fk.child) || !byOid.has(fk.parent)) continue;
    if (fk.child === fk.parent) selfReferencing.add(fk.child);
    else parents.get(fk.child)!.add(fk.parent);
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<number>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.oid) && [...parents.get(t.oid)!].every((p) => placed.has(p)));
    if (ready.length === 0) {
      const cyclic = tables.filter((t) => !placed.has(t.oid));
      return { ordered: [...ordered, ...cyclic], selfReferencing, cyclic };
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.oid);
    }
  }
  return { ordered, selfReferencing, cyclic: [] };
}

/**
 * Row count and an order-independent checksum of each table: the md5 of the sorted md5s of the rows' text.
 * An empty table gives md5('') = d41d8cd98f00b204e9800998ecf8427e. Call inside a transaction after
 * `setStableRendering`.
 */
export async function tableChecksums(q: Queryable, tables?: TableInfo[]): Promise<Checksums> {
  const out: Checksums = {};
  // Sorting millions of hashes: in memory rather than in temporary files (halves the time on PostgreSQL).
  await q.exec(`set local work_mem = '64MB'`);
  for (const t of tables ?? (await appTables(q))) {
    // The alias is unusual so that it cannot be shadowed by a column of the same name; "C" orders the hex
    // hashes the same whatever the database's collation.
    const [row] = await q.query<{ rows: number; md5: string }>(
      `select count(*)::int8 as rows, md5(coalesce(string_agg(h, '' order by h collate "C"), '')) as md5
         from (select md5(pl_backup_row::text) as h from ${t.ident} pl_backup_row) x`,
    );
    out[t.key] = { rows: Number(row!.rows), md5: row!.md5 };
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
