// A PostgreSQL restart kills every connection, also one that sits inside a transaction between two queries. The
// server must live through it: that transaction fails (the caller answers 5xx and the client retries), and the next
// one gets a new connection. Without a listener the dying connection's 'error' event would end the process.
// PostgreSQL only (`*.postgres.test.ts`: the pglite project leaves these files out, see vitest.config.ts).
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { adminUrl } from '../../../test/support/pg-names.ts';
import { openPostgres } from './postgres.ts';
import type { Db } from './types.ts';

describe('a PostgreSQL connection lost inside a transaction', () => {
  let db: Db | undefined;
  afterAll(async () => db?.close());

  it('fails that transaction only; the process lives on and the next transaction reconnects', async () => {
    db = await openPostgres(adminUrl(), { max: 1 });
    const killer = new pg.Client({ connectionString: adminUrl() });
    await killer.connect();
    const attempt = db.transaction(async (tx) => {
      const [me] = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
      await killer.query('select pg_terminate_backend($1)', [me!.pid]);
      await new Promise((r) => setTimeout(r, 300)); // the FATAL arrives while no query runs
      return tx.query('select 1');
    });
    await expect(attempt).rejects.toThrow();
    await killer.end();
    const again = await db.transaction((tx) => tx.query<{ one: number }>('select 1 as one'));
    expect(again).toEqual([{ one: 1 }]);
  });
});
