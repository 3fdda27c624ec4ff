// The seller's inbox (its own businesses' orders, newest first, filterable by status) and one order in full: what
// to deliver where, the money, the BAST and when payment is expected (the due date), with the payment history.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { ORDER_STATE_LABELS, type OrderState } from '../order-states.ts';
import { orderView, type OrderView } from './order-view.ts';
import { sellerScope } from '../policy.ts';

export interface SellerOrderItem {
  id: number;
  status: OrderState;
  statusLabel: { id: string; en: string };
  agencyName: string;
  sellerName: string;
  total: number;
  outstanding: number;
  placedAt: string;
  dueDate: string | null;
  bastNumber: string | null;
  lineCount: number;
}

export async function sellerInbox(
  db: Queryable,
  actor: Actor,
  q: { status?: OrderState; limit?: number },
): Promise<{ orders: SellerOrderItem[] }> {
  const scope = sellerScope(actor, 'o.umkm_id', 1);
  const n = scope.params.length;
  const rows = await db.query<{
    id: number;
    status: OrderState;
    agency_name: string;
    seller_name: string;
    total: number;
    paid_amount: number;
    placed_at: Date;
    due_date: string | null;
    bast_number: string | null;
    line_count: number;
  }>(
    `select o.id, o.status, a.name as agency_name, u.name as seller_name, o.total, o.paid_amount, o.placed_at,
            o.due_date::text as due_date, o.bast_number,
            (select count(*) from eorder_line l where l.order_id = o.id)::integer as line_count
       from eorder o join agency a on a.id = o.agency_id join umkm u on u.id = o.umkm_id
      where ${scope.sql} and ($${n + 1}::text is null or o.status = $${n + 1})
      order by (o.status = 'placed') desc, o.placed_at desc, o.id desc
      limit $${n + 2}`,
    [...scope.params, q.status ?? null, q.limit ?? 200],
  );
  return {
    orders: rows.map((o) => ({
      id: o.id,
      status: o.status,
      statusLabel: ORDER_STATE_LABELS[o.status],
      agencyName: o.agency_name,
      sellerName: o.seller_name,
      total: o.total,
      outstanding: ['declined', 'cancelled'].includes(o.status) ? 0 : o.total - o.paid_amount,
      placedAt: new Date(o.placed_at).toISOString(),
      dueDate: o.due_date,
      bastNumber: o.bast_number,
      lineCount: o.line_count,
    })),
  };
}

export interface SellerOrder extends OrderView {
  can: { accept: boolean; decline: boolean; deliver: boolean };
  bastPdf: string | null;
}

export async function sellerOrder(db: Queryable, actor: Actor, orderId: number): Promise<SellerOrder> {
  const o = await orderView(db, orderId, sellerScope(actor, 'o.umkm_id', 2));
  return {
    ...o,
    can: { accept: o.status === 'placed', decline: o.status === 'placed', deliver: o.status === 'accepted' },
    bastPdf: o.bastNumber ? `/api/procurement/seller/orders/${o.id}/bast.pdf` : null,
  };
}
