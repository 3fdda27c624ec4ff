// Spending outside the platform (tender, other catalogues) per agency and month: the part of the share's
// denominator the platform cannot see. Read here; written one month at a time (report-outside-spending.ts) or
// from a spreadsheet (import-outside-spending.ts). Officials see their own agencies, the bureau all.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';

export async function listOutsideSpending(
  db: Queryable,
  actor: Actor,
  q: { agencyId?: number | undefined; year?: number | undefined },
) {
  const scope = agencyScope(actor, procurementPolicy.readsOutsideSpending, 's.agency_id', 3);
  const rows = await db.query<{
    agency_id: number;
    agency_code: string;
    agency_name: string;
    month: string;
    total_amount: number;
    umk_amount: number;
    source: 'entered' | 'import';
    reported_at: Date;
  }>(
    `select s.agency_id, a.code as agency_code, a.name as agency_name, to_char(s.month, 'YYYY-MM') as month,
            s.total_amount, s.umk_amount, s.source, s.reported_at
       from outside_spending s join agency a on a.id = s.agency_id
      where ($1::integer is null or s.agency_id = $1) and ($2::integer is null or extract(year from s.month) = $2)
        and ${scope.sql}
      order by a.name, s.month desc limit 2000`,
    [q.agencyId ?? null, q.year ?? null, ...scope.params],
  );
  return {
    items: rows.map((r) => ({
      agencyId: r.agency_id,
      agencyCode: r.agency_code,
      agencyName: r.agency_name,
      month: r.month,
      totalAmount: r.total_amount,
      umkAmount: r.umk_amount,
      source: r.source,
      reportedAt: new Date(r.reported_at).toISOString(),
    })),
  };
}
