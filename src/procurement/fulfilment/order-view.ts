// One order as both sides read it (SQL shared by the agency's and the seller's detail): lines, agency and seller,
// the money breakdown, the BAST, the expected payment day and the payment history. Scope is the caller's: a row
// outside it is not found.
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { ScopeSql } from '../../platform/db/scope.ts';
import { localDate } from '../../platform/time.ts';
import { moneyView, type MoneyView } from './order-money.ts';
import { ORDER_STATE_LABELS, type OrderState } from '../order-states.ts';

export interface PaymentView {
  id: number;
  kind: 'transfer' | 'autodebit';
  stage: 'advance' | 'final';
  status: 'requested' | 'paid' | 'rejected';
  amount: number;
  taxWithheld: number;
  gross: number;
  reference: string | null;
  hasProof: boolean;
  requestedAt: string;
  paidAt: string | null;
  paidOn: string | null;
  decisionNote: string | null;
}

export interface OrderView {
  id: number;
  groupId: number;
  packageId: number;
  packageName: string;
  status: OrderState;
  statusLabel: { id: string; en: string };
  agency: { id: number; code: string; name: string; paymentDaysBasis: 'calendar' | 'working' };
  unit: string | null;
  seller: { umkmId: number; name: string; kind: string; size: string | null };
  deliveryAddress: string;
  lines: {
    lineNo: number;
    productId: number;
    name: string;
    unit: string;
    quantity: number;
    unitPrice: number;
    amount: number;
  }[];
  total: number;
  money: MoneyView;
  paidAmount: number;
  outstanding: number;
  placedAt: string;
  acceptedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  deliveredAt: string | null;
  deliveryNote: string | null;
  receivedAt: string | null;
  bastNumber: string | null;
  dueDate: string | null;
  daysOverdue: number | null;
  paidAt: string | null;
  paymentDays: number | null;
  closedAt: string | null;
  payments: PaymentView[];
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

interface Row {
  id: number;
  group_id: number;
  package_id: number;
  package_name: string;
  status: OrderState;
  agency_id: number;
  agency_code: string;
  agency_name: string;
  basis: 'calendar' | 'working';
  unit_name: string | null;
  umkm_id: number;
  seller_name: string;
  seller_kind: string;
  seller_size: string | null;
  delivery_address: string;
  total: number;
  money: unknown;
  paid_amount: number;
  placed_at: Date;
  accepted_at: Date | null;
  declined_at: Date | null;
  decline_reason: string | null;
  delivered_at: Date | null;
  delivery_note: string | null;
  received_at: Date | null;
  bast_number: string | null;
  due_date: string | null;
  overdue: number | null;
  paid_at: Date | null;
  payment_days: number | null;
  closed_at: Date | null;
}

/** The order `orderId` if `scope` (numbered from $2) lets the caller see it; 404 otherwise. */
export async function orderView(db: Queryable, orderId: number, scope: ScopeSql): Promise<OrderView> {
  const [o] = await db.query<Row>(
    `select o.id, o.group_id, o.package_id, p.name as package_name, o.status, o.agency_id, a.code as agency_code,
            a.name as agency_name, a.payment_days_basis as basis, un.name as unit_name, o.umkm_id, u.name as seller_name,
            o.seller_kind, o.seller_size, o.delivery_address, o.total, o.money, o.paid_amount, o.placed_at, o.accepted_at,
            o.declined_at, o.decline_reason, o.delivered_at, o.delivery_note, o.received_at, o.bast_number,
            o.due_date::text as due_date,
            case when o.status = 'received' and o.due_date < wib_today() then wib_today() - o.due_date end as overdue,
            o.paid_at, o.payment_days, o.closed_at
       from eorder o
       join agency a on a.id = o.agency_id
       join umkm u on u.id = o.umkm_id
       join procurement_package p on p.id = o.package_id
       left join agency_unit un on un.id = o.unit_id
      where o.id = $1 and ${scope.sql}`,
    [orderId, ...scope.params],
  );
  if (!o) throw notFound({ id: 'Pesanan tidak ditemukan.', en: 'Order not found.' });
  const lines = await db.query<{
    line_no: number;
    product_id: number;
    name: string;
    unit: string;
    quantity: number;
    unit_price: number;
    amount: number;
  }>(
    'select line_no, product_id, name, unit, quantity, unit_price, amount from eorder_line where order_id = $1 order by line_no',
    [orderId],
  );
  const payments = await paymentsOf(db, orderId);
  return {
    id: o.id,
    groupId: o.group_id,
    packageId: o.package_id,
    packageName: o.package_name,
    status: o.status,
    statusLabel: ORDER_STATE_LABELS[o.status],
    agency: { id: o.agency_id, code: o.agency_code, name: o.agency_name, paymentDaysBasis: o.basis },
    unit: o.unit_name,
    seller: { umkmId: o.umkm_id, name: o.seller_name, kind: o.seller_kind, size: o.seller_size },
    deliveryAddress: o.delivery_address,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      productId: l.product_id,
      name: l.name,
      unit: l.unit,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      amount: l.amount,
    })),
    total: o.total,
    money: moneyView(o.money, o.total),
    paidAmount: o.paid_amount,
    outstanding: ['declined', 'cancelled'].includes(o.status) ? 0 : o.total - o.paid_amount,
    placedAt: iso(o.placed_at)!,
    acceptedAt: iso(o.accepted_at),
    declinedAt: iso(o.declined_at),
    declineReason: o.decline_reason,
    deliveredAt: iso(o.delivered_at),
    deliveryNote: o.delivery_note,
    receivedAt: iso(o.received_at),
    bastNumber: o.bast_number,
    dueDate: o.due_date,
    daysOverdue: o.overdue === null ? null : Number(o.overdue),
    paidAt: iso(o.paid_at),
    paymentDays: o.payment_days,
    closedAt: iso(o.closed_at),
    payments,
  };
}

export async function paymentsOf(db: Queryable, orderId: number): Promise<PaymentView[]> {
  const rows = await db.query<{
    id: number;
    kind: 'transfer' | 'autodebit';
    stage: 'advance' | 'final';
    status: 'requested' | 'paid' | 'rejected';
    amount: number;
    tax_withheld: number;
    reference: string | null;
    proof_path: string | null;
    requested_at: Date;
    paid_at: Date | null;
    decision_note: string | null;
  }>(
    `select id, kind, stage, status, amount, tax_withheld, reference, proof_path, requested_at, paid_at, decision_note
       from eorder_payment where order_id = $1 order by requested_at, id`,
    [orderId],
  );
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    stage: p.stage,
    status: p.status,
    amount: p.amount,
    taxWithheld: p.tax_withheld,
    gross: p.amount + p.tax_withheld,
    reference: p.reference,
    hasProof: p.proof_path !== null,
    requestedAt: iso(p.requested_at)!,
    paidAt: iso(p.paid_at),
    paidOn: p.paid_at ? localDate(new Date(p.paid_at)) : null,
    decisionNote: p.decision_note,
  }));
}
