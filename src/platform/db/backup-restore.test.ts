// Backup and restore: every table back exactly in an empty database, and never into one that has data.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bk, checksums, cleanUpBackup, emptyDb, setUpBackup } from '../../../test/support/backup.ts';
import { verifyAuditLog } from '../audit.ts';
import { backupDb } from './backup.ts';
import { restoreDb } from './restore.ts';
import { type Db, one } from './types.ts';

describe('backup and restore', () => {
  let src: Db;
  let dir: string;
  let ownerId: number;
  let productName: string;
  beforeAll(async () => {
    await setUpBackup();
    ({ src, dir, ownerId, productName } = bk);
  });
  afterAll(cleanUpBackup);

  it('restores every table exactly into an empty database, and new rows continue after the old ids', async () => {
    const file = path.join(dir, 'full.jsonl.gz');
    // Small batches, so that tables span several fetches and inserts (region references itself across them).
    const backedUp = await backupDb(src, file, { batchRows: 40 });
    expect(backedUp).toEqual(await checksums(src));
    expect(Object.keys(backedUp)).toEqual(
      expect.arrayContaining(['public.schema_migration', 'public.region', 'public.owner', 'public.audit_log']),
    );
    expect(backedUp['public.owner']!.rows).toBeGreaterThanOrEqual(2);

    const target = await emptyDb();
    try {
      const restored = await restoreDb(target.db, file, { batchRows: 50 });
      expect(restored).toEqual(backedUp);
      expect(await checksums(target.db)).toEqual(backedUp);

      const [p] = await target.db.query<{ name: string; price: number; description: string }>(
        `select name, price, description from product where name = $1`,
        [productName],
      );
      expect(p).toEqual({
        name: productName,
        price: 85000,
        description: 'Tanpa pengawet.\tResep nenek; "asli" \\ 100%',
      });
      const [o] = await target.db.query<{
        phone_enc: Uint8Array;
        birth_date: string;
        created_at: Date;
        email: string | null;
      }>(`select phone_enc, birth_date, created_at, email from owner where id = $1`, [ownerId]);
      expect(Buffer.from(o!.phone_enc)).toEqual(Buffer.from([0, 1, 254, 255]));
      expect(o!.birth_date).toBe('1980-12-31');
      expect(o!.created_at.toISOString()).toBe('2024-02-29T16:59:59.123Z');

      const fresh = await one<{ id: number }>(
        target.db,
        `insert into owner (full_name, nik_enc, nik_hash, nik_last4, nik_region) values ('Baru', '\\x00', $1, '0002', '317101') returning id`,
        [crypto.randomBytes(32)],
      );
      const { max } = await one<{ max: number }>(src, 'select max(id) as max from owner');
      expect(fresh.id).toBeGreaterThan(max);

      // The audit log came back with its stored hashes, and its guards are on again.
      expect((await verifyAuditLog(target.db)).broken).toBeUndefined();
      await expect(target.db.query(`update audit_log set action = 'forged'`)).rejects.toThrow(/append-only/);
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore into a database that already has data, and changes nothing there', async () => {
    const file = path.join(dir, 'again.jsonl.gz');
    await backupDb(src, file);
    const before = await checksums(src);
    await expect(restoreDb(src, file)).rejects.toThrow(/target database is not empty/);
    expect(await checksums(src)).toEqual(before);
  });
});
