// The package's Pejabat Pengadaan asks to buy outside a mandate rule, with a written justification; the PA/KPA of
// the agency decides. One open request per rule and package (a rejected one may be asked again).
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { localDate } from '../../platform/time.ts';
import { lockPackage, packageState } from './package-row.ts';
import { procurementPolicy } from '../policy.ts';
import { rulesInForce } from '../rules/engine.ts';

export async function requestException(
  tx: Tx,
  a: Acting,
  packageId: number,
  input: { ruleCode: string; justification: string },
) {
  const p = await lockPackage(tx, a.actor, packageId, procurementPolicy.placesOrders, 'pp_account_id');
  if (p.status !== 'ready') throw packageState(p.status, 'yang siap / ready');
  const rule = (await rulesInForce(tx, 'mandate', localDate(a.now))).find((r) => r.code === input.ruleCode);
  if (!rule)
    throw new AppError(
      422,
      'validation_failed',
      { id: 'Aturan itu tidak berlaku hari ini.', en: 'That rule is not in force today.' },
      [
        {
          field: 'body.ruleCode',
          code: 'unknown_rule',
          message: { id: 'Pilih aturan wajib yang berlaku.', en: 'Choose a mandate rule in force.' },
        },
      ],
    );
  const [open] = await tx.query<{ status: string }>(
    `select status from mandate_exception where package_id = $1 and rule_code = $2 and status <> 'rejected'`,
    [p.id, rule.code],
  );
  if (open)
    throw new AppError(409, 'exception_state', {
      id: `Sudah ada pengecualian untuk aturan ini (${open.status === 'approved' ? 'disetujui' : 'menunggu keputusan'}).`,
      en: `An exception for this rule already exists (${open.status}).`,
    });
  const [e] = await tx.query<{ id: number }>(
    `insert into mandate_exception (package_id, rule_code, rule_effective_from, justification, requested_by, requested_at)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [p.id, rule.code, rule.effectiveFrom, input.justification.trim(), a.actor.accountId, a.now],
  );
  await audit(tx, a.who, {
    action: 'procurement.exception_request',
    entityType: 'mandate_exception',
    entityId: e!.id,
    after: { packageId: p.id, ruleCode: rule.code, status: 'requested' },
  });
  return { id: e!.id, status: 'requested' as const };
}
