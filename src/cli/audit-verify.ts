// npm run audit:verify — recomputes the audit log's hash chains. Exit 0 when intact; otherwise exit 1 naming the
// first altered row. Works on DATABASE_URL or the embedded PGLITE_DIR.
import { DataDirLockedError } from '../platform/db/lock.ts';
import { openDb } from '../platform/db/open.ts';
import { verifyAuditLog } from '../platform/audit.ts';

async function main() {
  const db = await openDb();
  try {
    const r = await verifyAuditLog(db);
    if (r.broken) {
      const b = r.broken;
      console.error(
        `audit_log is NOT intact: row id ${b.id} (${b.entityType} ${b.entityId}) ${b.problem === 'row_hash' ? 'was altered (its hash does not match its content)' : 'is not linked to the previous row of its entity (a row was changed or removed before it)'}.`,
      );
      console.log(
        JSON.stringify({
          intact: false,
          rows: r.rows,
          firstBrokenId: b.id,
          entity: `${b.entityType}:${b.entityId}`,
          problem: b.problem,
        }),
      );
      process.exitCode = 1;
    } else {
      console.log(JSON.stringify({ intact: true, rows: r.rows }));
    }
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof DataDirLockedError ? e.message : e);
  process.exit(2);
});
