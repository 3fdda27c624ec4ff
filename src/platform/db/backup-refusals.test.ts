// What a restore refuses: a backup made by code with newer migrations, and a file that is not a backup.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bk, cleanUpBackup, emptyDb, setUpBackup } from '../../../test/support/backup.ts';
import { restoreDb } from './restore.ts';

describe('backup and restore', () => {
  let dir: string;
  beforeAll(async () => {
    await setUpBackup();
    ({ dir } = bk);
  });
  afterAll(cleanUpBackup);

  it('refuses a backup made by code with newer migrations, and a file that is not a backup', async () => {
    const future = path.join(dir, 'future.jsonl.gz');
    const header = {
      format: 'pasar-lokal-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      source: { engine: 'postgres', serverVersion: '15' },
      migrations: [
        { version: '0001', name: '0001_platform_reference' },
        { version: '9999', name: '9999_from_the_future' },
      ],
    };
    fs.writeFileSync(future, zlib.gzipSync(`${JSON.stringify(header)}\n`));
    const target = await emptyDb();
    try {
      await expect(restoreDb(target.db, future)).rejects.toThrow(/newer than this code.*9999_from_the_future/);
      const notBackup = path.join(dir, 'notes.txt');
      fs.writeFileSync(notBackup, 'hello');
      await expect(restoreDb(target.db, notBackup)).rejects.toThrow(
        /Not a readable Pasar Lokal backup|Not a Pasar Lokal backup/,
      );
      expect(await target.db.query(`select 1 from pg_tables where schemaname = 'public'`)).toEqual([]);
    } finally {
      await target.drop();
    }
  });
});
