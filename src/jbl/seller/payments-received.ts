// The payments a seller has received for Jumat Beli Lokal orders, newest first, optionally for one edition: each paid
// child order with whether the buyer paid the seller's own QRIS (the money is already theirs) or the aggregator's
// (paid out to them later), and the totals of both. Another seller's orders are simply not there.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { iso, mine } from './queries.ts';
import type { Payments } from './schema.ts';

type Payment = Payments['payments'][number];

export async function paymentsReceived(
  db: Queryable,
  actor: Actor,
  q: { editionId?: number | undefined },
): Promise<Payments> {
  const scope = mine(actor, 'c.umkm_id');
  const where = `c.status in ('paid', 'handed_over') and ${scope.sql}
        and ($${scope.params.length + 1}::bigint is null or c.edition_id = $${scope.params.length + 1})`;
  const params = [...scope.params, q.editionId ?? null];
  const rows = await db.query<
    Omit<Payment, 'editionId' | 'heldOn' | 'paidTo' | 'paidVia' | 'paidAt'> & {
      edition_id: number;
      held_on: string;
      paid_to: Payment['paidTo'];
      paid_via: Payment['paidVia'];
      payment_ref: string | null;
      paid_at: Date;
    }
  >(
    `select c.number, c.edition_id, e.held_on::text as held_on, u.name as business, c.total::int8 as total,
            c.paid_to, c.paid_via, c.payment_ref, c.paid_at, c.status
       from jbl_child_order c join jbl_edition e on e.id = c.edition_id join umkm u on u.id = c.umkm_id
      where ${where}
      order by c.paid_at desc, c.number
      limit 500`,
    params,
  );
  // The totals over every payment, not only the newest 500 listed.
  const [t] = await db.query<{ count: number; total: string; direct: string; via: string }>(
    `select count(*)::int as count, coalesce(sum(c.total), 0)::int8 as total,
            coalesce(sum(c.total) filter (where c.paid_to = 'seller'), 0)::int8 as direct,
            coalesce(sum(c.total) filter (where c.paid_to = 'aggregator'), 0)::int8 as via
       from jbl_child_order c where ${where}`,
    params,
  );
  const payments = rows.map((r) => ({
    number: r.number,
    editionId: Number(r.edition_id),
    heldOn: r.held_on,
    business: r.business,
    total: Number(r.total),
    paidTo: r.paid_to,
    paidVia: r.paid_via,
    reference: r.payment_ref,
    paidAt: iso(r.paid_at),
    status: r.status,
  }));
  return {
    payments,
    totals: { count: t!.count, total: Number(t!.total), direct: Number(t!.direct), viaAggregator: Number(t!.via) },
  };
}
