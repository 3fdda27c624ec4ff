// The agency's order lists (the officials' queues) and one order in full with what the caller may do on it now.
// Scope: the agencies where the caller holds a reading role; the bureau, auditors and admins see every agency.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { ORDER_STATE_LABELS, type OrderState } from '../order-states.ts';
import { orderView, type OrderView } from './order-view.ts';
import { agenciesOf, agencyScope, procurementPolicy } from '../policy.ts';

export const QUEUES = ['bast', 'payments', 'autodebit', 'overdue', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

/** Each queue's condition and order: payments and overdue put the longest overdue first. */
const QUEUE_SQL: Record<Queue, { where: string; order: string }> = {
  bast: { where: `o.status = 'delivered'`, order: 'o.delivered_at, o.id' },
  payments: { where: `o.status = 'received'`, order: 'o.due_date nulls last, o.id' },
  autodebit: {
    where: `exists (select 1 from eorder_payment y where y.order_id = o.id and y.status = 'requested')`,
    order: 'o.due_date nulls last, o.id',
  },
  overdue: { where: `o.status = 'received' and o.due_date < wib_today()`, order: 'o.due_date, o.id' },
  all: { where: 'true', order: 'o.placed_at desc, o.id desc' },
};

export interface AgencyOrderItem {
  id: number;
  status: OrderState;
  statusLabel: { id: string; en: string };
  agencyName: string;
  sellerName: string;
  total: number;
  outstanding: number;
  placedAt: string;
  deliveredAt: string | null;
  bastNumber: string | null;
  dueDate: string | null;
  daysOverdue: number | null;
  requestedAutodebit: number | null;
}

export async function agencyOrders(
  db: Queryable,
  actor: Actor,
  q: { queue: Queue; limit?: number },
): Promise<{ queue: Queue; orders: AgencyOrderItem[] }> {
  const scope = agencyScope(actor, procurementPolicy.readsAgencyOrders, 'o.agency_id', 1);
  const { where, order } = QUEUE_SQL[q.queue];
  const rows = await db.query<{
    id: number;
    status: OrderState;
    agency_name: string;
    seller_name: string;
    total: number;
    paid_amount: number;
    placed_at: Date;
    delivered_at: Date | null;
    bast_number: string | null;
    due_date: string | null;
    overdue: number | null;
    requested: number | null;
  }>(
    `select o.id, o.status, a.name as agency_name, u.name as seller_name, o.total, o.paid_amount, o.placed_at,
            o.delivered_at, o.bast_number, o.due_date::text as due_date,
            case when o.status = 'received' and o.due_date < wib_today() then wib_today() - o.due_date end as overdue,
            (select sum(y.amount + y.tax_withheld) from eorder_payment y where y.order_id = o.id and y.status = 'requested') as requested
       from eorder o join agency a on a.id = o.agency_id join umkm u on u.id = o.umkm_id
      where ${scope.sql} and ${where}
      order by ${order}
      limit $${scope.params.length + 1}`,
    [...scope.params, q.limit ?? 200],
  );
  return {
    queue: q.queue,
    orders: rows.map((o) => ({
      id: o.id,
      status: o.status,
      statusLabel: ORDER_STATE_LABELS[o.status],
      agencyName: o.agency_name,
      sellerName: o.seller_name,
      total: o.total,
      outstanding: ['declined', 'cancelled'].includes(o.status) ? 0 : o.total - o.paid_amount,
      placedAt: new Date(o.placed_at).toISOString(),
      deliveredAt: o.delivered_at ? new Date(o.delivered_at).toISOString() : null,
      bastNumber: o.bast_number,
      dueDate: o.due_date,
      daysOverdue: o.overdue === null ? null : Number(o.overdue),
      requestedAutodebit: o.requested === null ? null : Number(o.requested),
    })),
  };
}

export interface AgencyOrder extends OrderView {
  can: { signBast: boolean; pay: boolean; decideAutodebit: boolean; close: boolean };
  bastPdf: string | null;
}

export async function agencyOrder(db: Queryable, actor: Actor, orderId: number): Promise<AgencyOrder> {
  const o = await orderView(db, orderId, agencyScope(actor, procurementPolicy.readsAgencyOrders, 'o.agency_id', 2));
  const holds = (rule: readonly Parameters<typeof agenciesOf>[1][number][]) =>
    agenciesOf(actor, rule).includes(o.agency.id);
  return {
    ...o,
    can: {
      signBast: o.status === 'delivered' && holds(procurementPolicy.signsBast),
      pay: o.status === 'received' && holds(procurementPolicy.paysOrders),
      decideAutodebit:
        o.status === 'received' &&
        o.payments.some((p) => p.status === 'requested') &&
        holds(procurementPolicy.approvesAutodebit),
      close: o.status === 'paid' && holds(procurementPolicy.closesOrders),
    },
    bastPdf: o.bastNumber ? `/api/procurement/orders/${o.id}/bast.pdf` : null,
  };
}
