// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database in PGLITE_DIR.
import { migrate } from '../platform/db/migrate.ts';
import { progress, runCli, withCliDb } from './open-cli-db.ts';

runCli(async () => {
  await withCliDb(async (db) => {
    progress(`Database: ${db.engine} ${db.location}`);
    const applied = await migrate(db);
    const [last] = await db.query<{ name: string }>('select name from schema_migration order by version desc limit 1');
    if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    else console.log(`Nothing to apply: already at ${last?.name ?? 'no migrations'} / Tidak ada migrasi baru.`);
  });
});
