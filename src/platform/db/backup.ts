// A whole-database backup in one file that either engine can restore (PGlite ↔ PostgreSQL 15): gzip-compressed
// JSON lines of plain values, not an engine's dump format.
//
//   {"format":"pasar-lokal-backup","version":1,…,"migrations":[{"version":"0001","name":"0001_…"},…]}
//   {"table":{"schema":"public","name":"owner"},"columns":["id","full_name",…]}
//   ["1","Siti","\\x0a1b…",null,…]                 one line per row: each column's PostgreSQL text, or null
//   …                                              (tables in foreign-key order)
//   {"sequences":[{"name":"public.owner_id_seq","lastValue":"42","isCalled":true}]}
//   {"end":{"tables":{"public.owner":{"rows":1,"md5":"…"},…}}}
//
// Values are the types' own text renderings (what COPY uses), so every type goes back exactly through its input
// function; rows are read through a cursor in one REPEATABLE READ snapshot, so memory stays flat and the file is
// consistent while the server keeps running (PostgreSQL).
import fs from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import {
  appSequences,
  appTables,
  type Checksums,
  fkOrder,
  setStableRendering,
  storedColumns,
  tableChecksums,
} from './backup-catalog.ts';
import type { Db } from './types.ts';

export const BACKUP_FORMAT = 'pasar-lokal-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: { engine: string; serverVersion: string };
  migrations: { version: string; name: string }[];
}
export interface TableLine {
  table: { schema: string; name: string };
  columns: string[];
}
export interface SequencesLine {
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}
export interface EndLine {
  end: { tables: Checksums };
}

/** A refusal or a bad file: the message is for the person at the terminal (Indonesian and English). */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupOptions {
  /** Progress lines (stderr in the CLI). */
  log?: (msg: string) => void;
  /** Rows per FETCH from the cursor. */
  batchRows?: number;
}

/** Writes the whole database to `file` (atomically: a partial file is never left under that name). */
export async function backupDb(db: Db, file: string, opts: BackupOptions = {}): Promise<Checksums> {
  const log = opts.log ?? (() => {});
  const batchRows = opts.batchRows ?? 5000;
  const partial = `${file}.partial-${process.pid}`;
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(partial);
  gzip.pipe(out);
  const write = async (obj: unknown) => {
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await once(gzip, 'drain');
  };
  try {
    const sums = await db.transaction(async (tx) => {
      // One snapshot for every table and the checksums; read only, so a running server is not disturbed.
      await tx.exec('set transaction isolation level repeatable read, read only');
      await setStableRendering(tx);
      const hasMigrations = await tx.query(`select 1 from pg_tables where tablename = 'schema_migration'`);
      if (hasMigrations.length === 0) {
        throw new BackupError(
          'Nothing to back up: the database has no schema_migration table (never migrated). / Tidak ada yang dicadangkan: basis data belum dimigrasi.',
        );
      }
      const [ver] = await tx.query<{ v: string }>(`select current_setting('server_version') as v`);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        source: { engine: db.engine, serverVersion: ver?.v ?? 'unknown' },
        migrations: await tx.query('select version, name from schema_migration order by version'),
      };
      await write(header);
      const { ordered } = await fkOrder(tx, await appTables(tx));
      for (const t of ordered) {
        const cols = await storedColumns(tx, t);
        const line: TableLine = { table: { schema: t.schema, name: t.name }, columns: cols.map((c) => c.name) };
        await write(line);
        const values = cols.map((c) => `${quoteIdent(c.name)}::text`).join(', ');
        // to_json of a text[] gives the row's JSON line on the server: the client only copies text.
        await tx.exec(
          `declare pl_backup_cursor no scroll cursor for select to_json(array[${values}]::text[])::text as r from ${t.ident}`,
        );
        let n = 0;
        let lastReport = Date.now();
        for (;;) {
          const rows = await tx.query<{ r: string }>(`fetch ${batchRows} from pl_backup_cursor`);
          if (rows.length === 0) break;
          const chunk = `${rows.map((x) => x.r).join('\n')}\n`;
          if (!gzip.write(chunk)) await once(gzip, 'drain');
          n += rows.length;
          if (Date.now() - lastReport > 10_000) {
            log(`backup ${t.key}: ${n} rows…`);
            lastReport = Date.now();
          }
        }
        await tx.exec('close pl_backup_cursor');
        if (n >= 10_000) log(`backup ${t.key}: ${n} rows`);
      }
      const sequences: SequencesLine['sequences'] = [];
      for (const s of await appSequences(tx)) {
        const [v] = await tx.query<{ last_value: string; is_called: boolean }>(
          `select last_value::text as last_value, is_called from ${s.ident}`,
        );
        sequences.push({ name: s.key, lastValue: v!.last_value, isCalled: v!.is_called });
      }
      await write({ sequences } satisfies SequencesLine);
      const tables = await tableChecksums(tx, ordered);
      await write({ end: { tables } } satisfies EndLine);
      return tables;
    });
    gzip.end();
    await finished(out);
    fs.renameSync(partial, file);
    return sums;
  } catch (e) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The lines of a backup file, decompressed as they are read. */
export function backupLines(file: string): AsyncIterator<string> {
  if (!fs.existsSync(file)) throw new BackupError(`Backup file not found: ${file} / Berkas cadangan tidak ditemukan.`);
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  input.on('error', () => {}); // surfaced through readline as a failed read
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const it = rl[Symbol.asyncIterator]();
  return {
    async next() {
      try {
        return await it.next();
      } catch (e) {
        throw new BackupError(
          `Not a readable Pasar Lokal backup (${(e as Error).message}): ${file} / Berkas bukan cadangan Pasar Lokal yang utuh.`,
        );
      }
    },
    async return() {
      rl.close();
      input.destroy();
      return { done: true, value: undefined };
    },
  };
}

/** Reads and checks the first line, so a wrong file is refused before any database is opened. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = backupLines(file);
  try {
    return parseHeader((await lines.next()).value, file);
  } finally {
    await lines.return?.();
  }
}

export function parseHeader(line: string | undefined, file: string): BackupHeader {
  let h: Partial<BackupHeader> | undefined;
  try {
    h = line ? (JSON.parse(line) as Partial<BackupHeader>) : undefined;
  } catch {
    h = undefined;
  }
  if (h?.format !== BACKUP_FORMAT || !Array.isArray(h.migrations)) {
    throw new BackupError(`Not a Pasar Lokal backup: ${file} / Berkas ini bukan cadangan Pasar Lokal.`);
  }
  if (h.version !== BACKUP_VERSION) {
    throw new BackupError(
      `Backup format version ${h.version} is not supported by this code (expects ${BACKUP_VERSION}). / Versi format cadangan tidak didukung.`,
    );
  }
  return h as BackupHeader;
}
