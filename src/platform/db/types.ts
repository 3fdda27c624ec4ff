/** The one database interface every context uses; the engine behind it is PGlite or a PostgreSQL server. */
export type Engine = 'pglite' | 'postgres';

export interface QueryOptions {
  /**
   * Keep the statement's plan on the connection and reuse it: on PostgreSQL a named prepared statement, for which
   * the server keeps a generic plan after five runs unless planning with the values looks cheaper; PGlite plans
   * every time. For hot statements whose planning costs about as much as running them (catalogue search).
   */
  prepare?: boolean;
}

export interface Queryable {
  readonly engine: Engine;
  /** Runs one statement with $1…$n parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /** Runs several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

/** A transaction: passed explicitly to every write so that a use case and its audit entry commit together. */
export type Tx = Queryable;

export interface Db extends Queryable {
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * From now on, run every query as this database role (after migrations, which need the owner). The
   * application's role may only read and append the audit log, so the database itself keeps history intact.
   */
  useRole(role: string): Promise<void>;
  /** A description of where the data lives, for log lines (never a password). */
  readonly location: string;
}

export async function one<T>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<T> {
  const rows = await q.query<T>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0] as T;
}

export async function maybeOne<T>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<T | undefined> {
  const rows = await q.query<T>(sql, params);
  return rows[0];
}
