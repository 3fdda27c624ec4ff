// `npm run restore -- <file>`: loads a backup into an EMPTY database (DATABASE_URL or PGLITE_DIR), refusing
// otherwise. The last stdout line is the JSON of per-table row counts and checksums of what was written.
import { readBackupHeader } from '../platform/db/backup.ts';
import { checkMigrations, restoreDb } from '../platform/db/restore.ts';
import { fileArgument, progress, runCli, withCliDb } from './open-cli-db.ts';

runCli(async () => {
  const file = fileArgument('npm run restore -- <file.jsonl.gz>');
  // Refuse a wrong or too-new file before opening (and perhaps creating) the target database.
  const header = await readBackupHeader(file);
  checkMigrations(header);
  await withCliDb(async (db) => {
    const started = Date.now();
    progress(
      `Restoring ${file} (${header.source.engine} ${header.source.serverVersion}, ${header.createdAt}) into ${db.engine} ${db.location}…`,
    );
    const tables = await restoreDb(db, file, { log: progress });
    const rows = Object.values(tables).reduce((n, t) => n + t.rows, 0);
    progress(
      `Done: ${Object.keys(tables).length} tables, ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    console.log(JSON.stringify({ tables }));
  });
});
