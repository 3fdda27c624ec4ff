// Prepared statements (QueryOptions.prepare) on both engines: the same answers as unprepared, and a kept plan.
import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/support/db.ts';
import type { Db, Queryable } from './types.ts';

let db: Db;

beforeAll(async () => {
  db = await testDb();
});

describe('prepared statements', () => {
  it('answer as the same statement unprepared, for each kind of value', async () => {
    const sql = `select $1::text[] as words, $2::int8 + 1 as n, not $3::bool as b, coalesce($4::text, 'none') as t,
                        $5::tsquery::text as q, $6::timestamptz as at, $7::date as d`;
    for (const params of [
      [['kue', "o'neil", 'a,b'], 41, true, null, "'kue' & 'lapis'", '2025-01-02T03:04:05Z', '2025-01-02'],
      [[], 0, false, 'x', "'batik'", '2024-12-31T23:00:00Z', '2024-02-29'],
    ]) {
      const [prepared] = await db.query(sql, params, { prepare: true });
      const [plain] = await db.query(sql, params);
      expect(prepared).toEqual(plain);
    }
    await expect(db.query('select 1 / $1::int as x', [0], { prepare: true })).rejects.toThrow(/division by zero/);
    expect(await db.query('select $1::int * 2 as x', [21], { prepare: true })).toEqual([{ x: 42 }]);
  });

  it('keep a generic plan after a few runs instead of planning each time', async () => {
    const sql = 'select count(*)::int8 as n from region where code > $1::text';
    const run = async (q: Queryable) => {
      for (let i = 0; i < 7; i++) await q.query(sql, [String(i)], { prepare: true });
      return q.query<{ generic_plans: number }>(
        'select generic_plans::int8 from pg_prepared_statements where statement = $1',
        [sql],
      );
    };
    // A pool connection keeps its own statements: on PostgreSQL, stay on one (a transaction); PGlite has one.
    const [kept] = db.engine === 'postgres' ? await db.transaction(run) : await run(db);
    expect(kept?.generic_plans).toBeGreaterThan(0);
  });
});
