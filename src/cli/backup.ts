// `npm run backup -- <file>`: the whole database (DATABASE_URL or PGLITE_DIR) into one gzip file that either
// engine can restore. The last stdout line is the JSON of per-table row counts and checksums.
import { backupDb } from '../platform/db/backup.ts';
import { fileArgument, progress, runCli, withCliDb } from './open-cli-db.ts';

runCli(async () => {
  const file = fileArgument('npm run backup -- <file.jsonl.gz>');
  await withCliDb(async (db) => {
    const started = Date.now();
    progress(`Backing up ${db.engine} ${db.location} to ${file}…`);
    const tables = await backupDb(db, file, { log: progress });
    const rows = Object.values(tables).reduce((n, t) => n + t.rows, 0);
    progress(
      `Done: ${Object.keys(tables).length} tables, ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    console.log(JSON.stringify({ tables }));
  });
});
