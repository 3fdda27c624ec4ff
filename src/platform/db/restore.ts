// Loads a backup (see backup.ts) into an empty database, on either engine, in one transaction: the migrations the
// backup was taken at create the schema, their reference rows are replaced by the backup's, rows go in in
// foreign-key order with the triggers of the tables switched off (an audit log's hash chain and append-only
// guard must neither recompute nor refuse the stored rows), sequences get their positions back, and the result
// must checksum exactly like the source before anything is committed.
import {
  appMaterializedViews,
  appTables,
  type Checksums,
  type ColumnInfo,
  fkOrder,
  setStableRendering,
  storedColumns,
  tableChecksums,
  type TableInfo,
} from './backup-catalog.ts';
import {
  BackupError,
  type BackupHeader,
  backupLines,
  type EndLine,
  parseHeader,
  quoteIdent,
  type SequencesLine,
  type TableLine,
} from './backup.ts';
import { listMigrations, migrate, MIGRATIONS_DIR } from './migrate.ts';
import type { Db, Queryable, Tx } from './types.ts';

export interface RestoreOptions {
  log?: (msg: string) => void;
  /** A batch is sent when it reaches this many rows or about 4 MB of text. */
  batchRows?: number;
  migrationsDir?: string;
}

/**
 * The code must know every migration of the backup (same version, same name); it may have more (newer ones,
 * or ones numbered in between), which `npm run db:migrate` or the server applies after the restore.
 */
export function checkMigrations(header: BackupHeader, dir = MIGRATIONS_DIR): { only: Set<string>; pending: string[] } {
  const code = listMigrations(dir);
  const known = new Map(code.map((m) => [m.version, m.name]));
  const unknown = header.migrations.filter((m) => known.get(m.version) !== m.name).map((m) => m.name);
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup is newer than this code: it has migrations this code does not know (${unknown.join(', ')}). ` +
        `Restore it with the code version that made it. / Cadangan ini lebih baru dari kode ini: migrasi ${unknown.join(', ')} tidak dikenal.`,
    );
  }
  const only = new Set(header.migrations.map((m) => m.version));
  return { only, pending: code.filter((m) => !only.has(m.version)).map((m) => m.name) };
}

async function refuseIfNotEmpty(tx: Queryable): Promise<void> {
  const tables = await appTables(tx);
  if (tables.length === 0) return;
  const withRows: string[] = [];
  for (const t of tables) {
    const [r] = await tx.query<{ any: boolean }>(`select exists (select from ${t.ident}) as any`);
    if (r?.any) withRows.push(t.key);
  }
  const detail = withRows.length
    ? `rows in ${withRows.slice(0, 5).join(', ')}${withRows.length > 5 ? ', …' : ''}`
    : 'no rows yet';
  throw new BackupError(
    `Refusing to restore: the target database is not empty (${tables.length} tables; ${detail}). ` +
      'Restore into a new database (createdb …, then DATABASE_URL) or a new PGLITE_DIR. ' +
      '/ Pemulihan ditolak: basis data tujuan tidak kosong. Pulihkan ke basis data atau direktori PGLITE_DIR yang baru.',
  );
}

interface SavedTrigger {
  table: string;
  name: string;
  enabled: string;
}

/** Switches off every enabled user trigger (owner's right, no superuser needed); returns how to switch them back. */
async function disableTriggers(tx: Queryable): Promise<SavedTrigger[]> {
  const saved = await tx.query<SavedTrigger>(
    `select format('%I.%I', n.nspname, c.relname) as "table", t.tgname as name, t.tgenabled as enabled
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal and t.tgenabled <> 'D' and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'`,
  );
  for (const t of saved) await tx.exec(`alter table ${t.table} disable trigger ${quoteIdent(t.name)}`);
  return saved;
}

async function enableTriggers(tx: Queryable, saved: SavedTrigger[]): Promise<void> {
  const how: Record<string, string> = { O: 'enable', R: 'enable replica', A: 'enable always' };
  for (const t of saved)
    await tx.exec(`alter table ${t.table} ${how[t.enabled] ?? 'enable'} trigger ${quoteIdent(t.name)}`);
}

/**
 * Tables whose foreign keys form a cycle cannot be loaded in any order with the checks on. The rows come from a
 * consistent database, so the checks are skipped while those tables load (they come last) — which takes a
 * superuser (`session_replication_role`, as pg_restore's --disable-triggers); the local server's `postgres` and
 * PGlite are.
 */
async function requireSuperuser(tx: Queryable, cyclic: TableInfo[]): Promise<void> {
  const [me] = await tx.query<{ su: boolean }>('select rolsuper as su from pg_roles where rolname = current_user');
  if (!me?.su) {
    throw new BackupError(
      `Tables ${cyclic.map((t) => t.key).join(', ')} reference each other in a cycle: restoring them needs a superuser connection (session_replication_role). / Pemulihan tabel yang saling merujuk memerlukan superuser.`,
    );
  }
}

/** INSERT … SELECT from a JSON array of row arrays, each value cast from its text by the column's type. */
function insertSql(table: TableInfo, cols: ColumnInfo[], from: string): string {
  const names = cols.map((c) => quoteIdent(c.name)).join(', ');
  const casts = cols.map((c, i) => `(r ->> ${i})::${c.type}`).join(', ');
  const overriding = cols.some((c) => c.identity) ? ' overriding system value' : '';
  return `insert into ${table.ident} (${names})${overriding} select ${casts} from ${from}`;
}

/** Restores `file` into `db`, which must be empty. Returns the checksums of what it wrote. */
export async function restoreDb(db: Db, file: string, opts: RestoreOptions = {}): Promise<Checksums> {
  const log = opts.log ?? (() => {});
  const maxRows = opts.batchRows ?? 5000;
  const lines = backupLines(file);
  try {
    const header = parseHeader((await lines.next()).value, file);
    const { only, pending } = checkMigrations(header, opts.migrationsDir);
    const sums = await db.transaction(async (tx) => {
      await setStableRendering(tx);
      await refuseIfNotEmpty(tx);
      // Migrations create the schema inside this transaction: a failed restore leaves the database empty.
      const inTx: Db = { ...db, ...tx, transaction: <T>(fn: (t: Tx) => Promise<T>) => fn(tx) };
      if (only.size) await migrate(inTx, opts.migrationsDir, { only });
      const tables = await appTables(tx);
      const { selfReferencing, cyclic } = await fkOrder(tx, tables);
      if (cyclic.length) await requireSuperuser(tx, cyclic);
      const cyclicOids = new Set(cyclic.map((t) => t.oid));
      const byKey = new Map(tables.map((t) => [t.key, t]));
      const triggers = await disableTriggers(tx);
      // The migrations' own rows (reference data, schema_migration) give way to the backup's exact rows.
      if (tables.length) await tx.exec(`truncate table ${tables.map((t) => t.ident).join(', ')}`);
      await tx.exec('create temp table pl_restore_stage (r jsonb) on commit drop');

      let expected: Checksums | undefined;
      let current: { table: TableInfo; cols: ColumnInfo[]; staged: boolean; rows: number } | undefined;
      let batch: string[] = [];
      let batchBytes = 0;
      let lastReport = Date.now();
      const flush = async () => {
        if (!current || batch.length === 0) return;
        const json = `[${batch.join(',')}]`;
        batch = [];
        batchBytes = 0;
        if (current.staged)
          await tx.query('insert into pl_restore_stage select jsonb_array_elements($1::jsonb)', [json]);
        else await tx.query(insertSql(current.table, current.cols, 'jsonb_array_elements($1::jsonb) r'), [json]);
      };
      const finishTable = async () => {
        await flush();
        if (current?.staged) {
          // A table that references itself goes in with one statement, so a row may precede its parent.
          await tx.exec(insertSql(current.table, current.cols, 'pl_restore_stage s(r)'));
          await tx.exec('truncate pl_restore_stage');
        }
        if (current && current.rows >= 10_000) log(`restore ${current.table.key}: ${current.rows} rows`);
        current = undefined;
      };

      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        const line = next.value;
        if (line.startsWith('[')) {
          if (!current) throw new BackupError(`Corrupt backup: a row before any table header in ${file}.`);
          batch.push(line);
          batchBytes += line.length;
          current.rows++;
          if (batch.length >= maxRows || batchBytes >= 4_000_000) await flush();
          if (Date.now() - lastReport > 10_000) {
            log(`restore ${current.table.key}: ${current.rows} rows…`);
            lastReport = Date.now();
          }
          continue;
        }
        await finishTable();
        const obj = JSON.parse(line) as Partial<TableLine & SequencesLine & EndLine>;
        if (obj.table) {
          const table = byKey.get(`${obj.table.schema}.${obj.table.name}`);
          if (!table)
            throw new BackupError(
              `The backup has table ${obj.table.schema}.${obj.table.name}, which the migrations did not create.`,
            );
          if (cyclicOids.has(table.oid)) await tx.exec(`set local session_replication_role = replica`);
          current = {
            table,
            cols: await columnsFor(tx, table, obj.columns ?? []),
            staged: selfReferencing.has(table.oid),
            rows: 0,
          };
        } else if (obj.sequences) {
          for (const s of obj.sequences) {
            await tx.query('select setval($1::regclass, $2::int8, $3::boolean)', [
              s.name.split('.').map(quoteIdent).join('.'),
              s.lastValue,
              s.isCalled,
            ]);
          }
        } else if (obj.end) {
          expected = obj.end.tables;
        }
      }
      await finishTable();
      if (!expected)
        throw new BackupError(`The backup file is incomplete (no end line): ${file} / Berkas cadangan tidak lengkap.`);

      if (cyclic.length) await tx.exec(`set local session_replication_role = origin`);
      await enableTriggers(tx, triggers);
      for (const mv of await appMaterializedViews(tx)) await tx.exec(`refresh materialized view ${mv}`);
      const got = await tableChecksums(tx, tables);
      const differ = [...new Set([...Object.keys(expected), ...Object.keys(got)])].filter(
        (k) => expected![k]?.rows !== got[k]?.rows || expected![k]?.md5 !== got[k]?.md5,
      );
      if (differ.length) {
        throw new BackupError(
          `Restore did not reproduce the backup exactly (tables ${differ.join(', ')}); nothing was written. / Hasil pemulihan tidak sama dengan cadangan; tidak ada yang disimpan.`,
        );
      }
      return got;
    });
    if (pending.length)
      log(
        `the backup does not include migrations ${pending.join(', ')}: run npm run db:migrate (the server also applies them at start)`,
      );
    return sums;
  } finally {
    await lines.return?.();
  }
}

/** The target's columns in the backup's order; a column the backup lacks or the target lacks is a mismatch. */
async function columnsFor(tx: Queryable, table: TableInfo, names: string[]): Promise<ColumnInfo[]> {
  const cols = await storedColumns(tx, table);
  const byName = new Map(cols.map((c) => [c.name, c]));
  const missing = names.filter((n) => !byName.has(n));
  const extra = cols.filter((c) => !names.includes(c.name)).map((c) => c.name);
  if (missing.length || extra.length) {
    throw new BackupError(
      `Table ${table.key} differs from the backup's (missing here: ${missing.join(', ') || '-'}; not in backup: ${extra.join(', ') || '-'}).`,
    );
  }
  return names.map((n) => byName.get(n)!);
}
