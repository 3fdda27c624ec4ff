// An agency's goods-and-services budget (belanja barang dan jasa) for a year: what the UMK share is planned against.
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { requireAgency } from './save-unit.ts';

export async function setBudget(
  tx: Tx,
  a: Acting,
  agencyId: number,
  input: { year: number; goodsServicesBudget: number },
): Promise<void> {
  await requireAgency(tx, agencyId, true);
  const [before] = await tx.query<{ goods_services_budget: number }>(
    'select goods_services_budget from agency_budget where agency_id = $1 and year = $2',
    [agencyId, input.year],
  );
  await tx.query(
    `insert into agency_budget (agency_id, year, goods_services_budget) values ($1, $2, $3)
     on conflict (agency_id, year) do update set goods_services_budget = excluded.goods_services_budget`,
    [agencyId, input.year, input.goodsServicesBudget],
  );
  await audit(tx, a.who, {
    action: 'agency.budget_set',
    entityType: 'agency',
    entityId: agencyId,
    before: before ? { year: input.year, goodsServicesBudget: before.goods_services_budget } : null,
    after: input,
  });
}
