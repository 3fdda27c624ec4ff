import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/support/db.ts';
import { audit, verifyAuditLog } from './audit.ts';
import { SYSTEM } from './auth/actor.ts';
import { APP_ROLE } from './db/open.ts';
import type { Db } from './db/types.ts';

let db: Db;
beforeAll(async () => {
  db = await testDb();
});

async function write(entityId: string, after: unknown) {
  await db.transaction((tx) =>
    audit(tx, SYSTEM('test'), { action: 'test.write', entityType: 'test', entityId, after }),
  );
  const [row] = await db.query<{ id: number }>(
    `select max(id) as id from audit_log where entity_type = 'test' and entity_id = $1`,
    [entityId],
  );
  return row!.id;
}

/** Changes a row the way a superuser could, bypassing every trigger, and puts it back afterwards. */
async function tamper(sql: string, params: unknown[], check: () => Promise<void>) {
  await db.exec('alter table audit_log disable trigger user');
  try {
    await db.query(sql, params);
    await check();
  } finally {
    await db.exec('alter table audit_log enable trigger user');
  }
}

describe('audit log', () => {
  it('chains rows per entity and verifies an untouched log', async () => {
    const e = `e-${Math.random()}`;
    const first = await write(e, { n: 1 });
    const second = await write(e, { n: 2 });
    const rows = await db.query<{ id: number; prev_hash: Buffer | null; row_hash: Buffer }>(
      `select id, prev_hash, row_hash from audit_log where id in ($1, $2) order by id`,
      [first, second],
    );
    expect(rows[0]!.prev_hash).toBeNull();
    expect(Buffer.from(rows[1]!.prev_hash!).equals(Buffer.from(rows[0]!.row_hash))).toBe(true);
    expect((await verifyAuditLog(db)).broken).toBeUndefined();
  });

  it('names the row a superuser altered with triggers disabled', async () => {
    const e = `e-${Math.random()}`;
    await write(e, { amount: 100 });
    const target = await write(e, { amount: 200 });
    await write(e, { amount: 300 });
    const [orig] = await db.query<{ after: unknown }>('select after from audit_log where id = $1', [target]);
    await tamper(`update audit_log set after = '{"amount": 999}' where id = $1`, [target], async () => {
      const r = await verifyAuditLog(db);
      expect(r.broken).toMatchObject({ id: target, problem: 'row_hash' });
      await db.query('update audit_log set after = $2 where id = $1', [target, JSON.stringify(orig!.after)]);
    });
    expect((await verifyAuditLog(db)).broken).toBeUndefined();
  });

  it('detects a row whose hash was recomputed to hide a change, at the next row of its chain', async () => {
    const e = `e-${Math.random()}`;
    const target = await write(e, { amount: 1 });
    const next = await write(e, { amount: 2 });
    const [orig] = await db.query<{ after: unknown; row_hash: Buffer }>(
      'select after, row_hash from audit_log where id = $1',
      [target],
    );
    await tamper(`update audit_log a set after = '{"amount": 5}' where id = $1`, [target], async () => {
      await db.query(`update audit_log a set row_hash = sha256(convert_to(audit_row_text(a), 'UTF8')) where id = $1`, [
        target,
      ]);
      expect((await verifyAuditLog(db)).broken).toMatchObject({ id: next, problem: 'prev_hash' });
      await db.query('update audit_log set after = $2, row_hash = $3 where id = $1', [
        target,
        JSON.stringify(orig!.after),
        orig!.row_hash,
      ]);
    });
    expect((await verifyAuditLog(db)).broken).toBeUndefined();
  });

  it('cannot be changed or deleted by the application role, and not even by the owner while triggers stand', async () => {
    const id = await write(`e-${Math.random()}`, { x: 1 });
    await expect(
      db.transaction(async (tx) => {
        await tx.exec(`set local role ${APP_ROLE}`);
        await tx.query('update audit_log set action = $2 where id = $1', [id, 'forged']);
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      db.transaction(async (tx) => {
        await tx.exec(`set local role ${APP_ROLE}`);
        await tx.query('delete from audit_log where id = $1', [id]);
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(db.query('delete from audit_log where id = $1', [id])).rejects.toThrow(/append-only/);
    // …while the application role may still append.
    await db.transaction(async (tx) => {
      await tx.exec(`set local role ${APP_ROLE}`);
      await audit(tx, SYSTEM('test'), { action: 'test.append', entityType: 'test', entityId: 'app-role' });
    });
  });
});
