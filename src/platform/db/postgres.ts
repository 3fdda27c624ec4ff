import pg from 'pg';
import { statementName } from './statement-name.ts';
import type { Db, QueryOptions, Queryable, Tx } from './types.ts';

// int8 (counts, rupiah) as numbers: whole rupiah stay exact far beyond any budget (2^53 ≈ Rp 9 billiard).
pg.types.setTypeParser(20, (v) => Number(v));
// date as 'YYYY-MM-DD': a calendar date has no time zone and must not shift.
pg.types.setTypeParser(1082, (v) => v);

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    engine: 'postgres',
    async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      const values = params as unknown[] | undefined;
      const res = options?.prepare
        ? await client.query({ name: statementName(sql), text: sql, values })
        : await client.query(sql, values);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

function newPool(url: string, max: number, role?: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Store UTC, reason in WIB in code: the session time zone is UTC so text renderings are stable.
    options: `-c TimeZone=UTC${role ? ` -c role=${role}` : ''}`,
  });
  pool.on('error', () => {
    /* an idle client died (server restart); the next query reconnects */
  });
  return pool;
}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Db> {
  const max = opts.max ?? 10;
  let pool = newPool(url, max);
  await pool.query('select 1');
  return {
    engine: 'postgres',
    query: (sql, params, options) => wrap(pool).query(sql, params, options),
    exec: (sql) => wrap(pool).exec(sql),
    location: redactUrl(url),
    async useRole(role: string) {
      // A fresh pool whose every connection starts as the role; the owner's pool is closed.
      const next = newPool(url, max, role);
      await next.query('select 1');
      const old = pool;
      pool = next;
      await old.end();
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      const client = await pool.connect();
      // While a client is checked out the pool no longer listens for its errors: a connection that dies between
      // two queries of the transaction (the server restarting) would be an unhandled 'error' event and end the
      // process. Kept here instead: the next query fails (a 5xx the caller may retry) and the pool drops the client.
      let broken: Error | undefined;
      const onError = (e: Error) => {
        broken = e;
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
