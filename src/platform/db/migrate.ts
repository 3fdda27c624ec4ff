import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Db, Tx } from './types.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));

/**
 * Migrations are files in one ordered sequence: `NNNN_context_what.sql`, or `.ts` exporting `up(tx)` for
 * data that is loaded from files (reference data). Each is recorded in `schema_migration`; applying is
 * idempotent and safe when two processes start at once (an advisory lock serialises them).
 */
export interface Migration {
  version: string;
  name: string;
  file: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.(sql|ts)$/.test(f))
    .sort()
    .map((f) => ({ version: f.slice(0, 4), name: f.replace(/\.(sql|ts)$/, ''), file: path.join(dir, f) }));
}

async function applyOne(tx: Tx, m: Migration): Promise<void> {
  if (m.file.endsWith('.sql')) {
    await tx.exec(fs.readFileSync(m.file, 'utf8'));
  } else {
    const mod = (await import(pathToFileURL(m.file).href)) as { up: (tx: Tx) => Promise<void> };
    await mod.up(tx);
  }
  await tx.query('insert into schema_migration (version, name) values ($1, $2)', [m.version, m.name]);
}

/** `only` applies just those versions (a restore recreates the schema its backup was taken at). */
export async function migrate(
  db: Db,
  dir = MIGRATIONS_DIR,
  opts: { only?: ReadonlySet<string> } = {},
): Promise<string[]> {
  const all = listMigrations(dir).filter((m) => !opts.only || opts.only.has(m.version));
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(7461027)`);
    await tx.exec(`create table if not exists schema_migration (
      version text primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const done = new Set(
      (await tx.query<{ version: string }>('select version from schema_migration')).map((r) => r.version),
    );
    const applied: string[] = [];
    for (const m of all) {
      if (done.has(m.version)) continue;
      await applyOne(tx, m);
      applied.push(m.name);
    }
    return applied;
  });
}
