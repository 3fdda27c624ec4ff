// The PA/KPA of the package's agency approves or rejects a requested mandate exception, with a note.
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError, notFound } from '../../platform/http/problem.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';

export async function decideException(
  tx: Tx,
  a: Acting,
  exceptionId: number,
  input: { decision: 'approve' | 'reject'; note?: string },
) {
  const scope = agencyScope(a.actor, procurementPolicy.approvesExceptions, 'p.agency_id', 2);
  const [e] = await tx.query<{ id: number; status: string; package_id: number }>(
    `select e.id, e.status, e.package_id from mandate_exception e join procurement_package p on p.id = e.package_id
      where e.id = $1 and ${scope.sql} for update of e`,
    [exceptionId, ...scope.params],
  );
  if (!e) throw notFound({ id: 'Pengecualian tidak ditemukan.', en: 'Exception not found.' });
  if (e.status !== 'requested')
    throw new AppError(409, 'exception_state', {
      id: `Pengecualian ini sudah diputuskan (${e.status === 'approved' ? 'disetujui' : 'ditolak'}).`,
      en: `This exception has already been decided (${e.status}).`,
    });
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  const note = input.note?.trim() || null;
  await tx.query(
    'update mandate_exception set status = $2, decided_by = $3, decided_at = $4, decision_note = $5 where id = $1',
    [e.id, status, a.actor.accountId, a.now, note],
  );
  await audit(tx, a.who, {
    action: `procurement.exception_${input.decision}`,
    entityType: 'mandate_exception',
    entityId: e.id,
    before: { status: e.status },
    after: { status, note },
  });
  return { id: e.id, status };
}
