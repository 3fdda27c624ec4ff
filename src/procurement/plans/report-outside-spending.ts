// Entering one month of an agency's spending outside the platform: the agency's PA/KPA or Bendahara for their own
// agency, the bureau for any. A second entry for the month replaces the first (audited with both values).
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { fieldError, notFound, validationFailed } from '../../platform/http/problem.ts';
import { localDate } from '../../platform/time.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';

export interface MonthSpending {
  month: string; // YYYY-MM
  totalAmount: number;
  umkAmount: number;
}

/** Field errors of one month's figures (shared with the import, which names the line instead of the body). */
export function spendingProblems(
  s: MonthSpending,
  now: Date,
): { field: keyof MonthSpending; id: string; en: string }[] {
  const out: { field: keyof MonthSpending; id: string; en: string }[] = [];
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(s.month))
    out.push({ field: 'month', id: 'Bulan harus YYYY-MM.', en: 'Month must be YYYY-MM.' });
  else if (s.month > localDate(now).slice(0, 7))
    out.push({ field: 'month', id: 'Bulan belum berjalan.', en: 'The month has not started yet.' });
  if (s.umkAmount > s.totalAmount)
    out.push({
      field: 'umkAmount',
      id: 'Belanja UMK tidak boleh melebihi total.',
      en: 'UMK spending cannot exceed the total.',
    });
  return out;
}

/** Upserts one month; answers whether it was new, changed or already so (a re-import changes nothing). */
export async function upsertSpending(
  tx: Tx,
  a: Acting,
  agencyId: number,
  s: MonthSpending,
  source: 'entered' | 'import',
): Promise<'inserted' | 'updated' | 'unchanged'> {
  const month = `${s.month}-01`;
  const [before] = await tx.query<{ total_amount: number; umk_amount: number }>(
    'select total_amount, umk_amount from outside_spending where agency_id = $1 and month = $2 for update',
    [agencyId, month],
  );
  if (before && before.total_amount === s.totalAmount && before.umk_amount === s.umkAmount) return 'unchanged';
  await tx.query(
    `insert into outside_spending (agency_id, month, total_amount, umk_amount, source, reported_at, reported_by)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (agency_id, month) do update set total_amount = excluded.total_amount, umk_amount = excluded.umk_amount,
       source = excluded.source, reported_at = excluded.reported_at, reported_by = excluded.reported_by`,
    [agencyId, month, s.totalAmount, s.umkAmount, source, a.now, a.actor.accountId],
  );
  await audit(tx, a.who, {
    action: 'outside_spending.report',
    entityType: 'agency',
    entityId: agencyId,
    before: before ? { month: s.month, totalAmount: before.total_amount, umkAmount: before.umk_amount } : null,
    after: { ...s, source },
  });
  return before ? 'updated' : 'inserted';
}

export async function reportOutsideSpending(tx: Tx, a: Acting, agencyId: number, s: MonthSpending) {
  const scope = agencyScope(a.actor, procurementPolicy.reportsOutsideSpending, 'id', 2);
  const [agency] = await tx.query(`select 1 from agency where id = $1 and ${scope.sql}`, [agencyId, ...scope.params]);
  if (!agency) throw notFound({ id: 'Instansi tidak ditemukan.', en: 'Agency not found.' });
  const problems = spendingProblems(s, a.now);
  if (problems.length)
    throw validationFailed(problems.map((p) => fieldError(`body.${p.field}`, 'invalid', p.id, p.en)));
  return { result: await upsertSpending(tx, a, agencyId, s, 'entered') };
}
