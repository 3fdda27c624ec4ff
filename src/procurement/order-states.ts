// The e-Order order's state machine: the one list of legal transitions, who makes each, and the one way an order
// changes state (`moveOrder`: lock the row within the caller's scope, check the transition, stamp, audit — in the
// caller's transaction). An illegal transition is a 409 naming the order's current state.
import { audit } from '../platform/audit.ts';
import type { Acting } from '../platform/auth/acting.ts';
import type { Role } from '../platform/auth/roles.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError, notFound } from '../platform/http/problem.ts';
import { agencyScope, procurementPolicy, sellerScope } from './policy.ts';

export const ORDER_STATES = [
  'placed',
  'accepted',
  'declined',
  'delivered',
  'received',
  'paid',
  'closed',
  'cancelled',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_STATE_LABELS: Record<OrderState, { id: string; en: string }> = {
  placed: { id: 'menunggu penjual', en: 'awaiting the seller' },
  accepted: { id: 'diterima penjual', en: 'accepted by the seller' },
  declined: { id: 'ditolak penjual', en: 'declined by the seller' },
  delivered: { id: 'dikirim', en: 'delivered' },
  received: { id: 'BAST ditandatangani', en: 'BAST signed' },
  paid: { id: 'lunas', en: 'paid' },
  closed: { id: 'selesai', en: 'closed' },
  cancelled: { id: 'dibatalkan', en: 'cancelled' },
};

export type OrderAction = 'accept' | 'decline' | 'deliver' | 'receive' | 'pay' | 'close' | 'cancel';

/** Each action: the states it leaves, the state it reaches, the column it stamps and who may do it (by side). */
export const TRANSITIONS: Record<
  OrderAction,
  { from: OrderState[]; to: OrderState; stamp: string; side: 'seller' | 'agency'; rule: readonly Role[] }
> = {
  accept: { from: ['placed'], to: 'accepted', stamp: 'accepted_at', side: 'seller', rule: procurementPolicy.sells },
  decline: { from: ['placed'], to: 'declined', stamp: 'declined_at', side: 'seller', rule: procurementPolicy.sells },
  deliver: {
    from: ['accepted'],
    to: 'delivered',
    stamp: 'delivered_at',
    side: 'seller',
    rule: procurementPolicy.sells,
  },
  receive: {
    from: ['delivered'],
    to: 'received',
    stamp: 'received_at',
    side: 'agency',
    rule: procurementPolicy.signsBast,
  },
  pay: { from: ['received'], to: 'paid', stamp: 'paid_at', side: 'agency', rule: procurementPolicy.paysOrders },
  close: { from: ['paid'], to: 'closed', stamp: 'closed_at', side: 'agency', rule: procurementPolicy.closesOrders },
  cancel: {
    from: ['placed'],
    to: 'cancelled',
    stamp: 'cancelled_at',
    side: 'agency',
    rule: procurementPolicy.placesOrders,
  },
};

export interface OrderRow {
  id: number;
  group_id: number;
  package_id: number;
  agency_id: number;
  unit_id: number | null;
  umkm_id: number;
  seller_kind: string;
  seller_size: string | null;
  counts_umk: boolean;
  status: OrderState;
  total: number;
  paid_amount: number;
  money: unknown;
  received_at: Date | null;
  due_date: string | null;
  bast_number: string | null;
}

export const wrongState = (status: OrderState) =>
  new AppError(409, 'order_state', {
    id: `Pesanan tidak dapat diubah begitu dari status sekarang: ${ORDER_STATE_LABELS[status].id}.`,
    en: `The order cannot do that from its current state: ${ORDER_STATE_LABELS[status].en}.`,
  });

/**
 * The order locked for an action, found only within the caller's scope for that action's side: the seller's own
 * businesses, or the agencies where the caller holds the action's role. Outside the scope → 404.
 */
export async function lockOrder(tx: Tx, a: Acting, orderId: number, action: OrderAction): Promise<OrderRow> {
  const t = TRANSITIONS[action];
  const scope =
    t.side === 'seller' ? sellerScope(a.actor, 'o.umkm_id', 2) : agencyScope(a.actor, t.rule, 'o.agency_id', 2);
  const [o] = await tx.query<OrderRow>(
    `select o.id, o.group_id, o.package_id, o.agency_id, o.unit_id, o.umkm_id, o.seller_kind, o.seller_size, o.counts_umk,
            o.status, o.total, o.paid_amount, o.money, o.received_at, o.due_date::text as due_date, o.bast_number
       from eorder o where o.id = $1 and ${scope.sql} for update`,
    [orderId, ...scope.params],
  );
  if (!o) throw notFound({ id: 'Pesanan tidak ditemukan.', en: 'Order not found.' });
  return o;
}

/**
 * Moves a locked order along `action` (409 if its state does not allow it), stamping the time and setting the
 * extra columns given, and writes the audit row. Returns the new state.
 */
export async function moveOrder(
  tx: Tx,
  a: Acting,
  o: OrderRow,
  action: OrderAction,
  set: Record<string, unknown> = {},
): Promise<OrderState> {
  const t = TRANSITIONS[action];
  if (!t.from.includes(o.status)) throw wrongState(o.status);
  const cols = Object.keys(set);
  const assignments = cols.map((c, i) => `${c} = $${i + 3}`);
  await tx.query(
    `update eorder set status = $2, ${t.stamp} = coalesce(${t.stamp}, $${cols.length + 3})${assignments.length ? `, ${assignments.join(', ')}` : ''} where id = $1`,
    [o.id, t.to, ...cols.map((c) => set[c]), a.now],
  );
  await audit(tx, a.who, {
    action: `procurement.order_${action}`,
    entityType: 'eorder',
    entityId: o.id,
    umkmId: o.umkm_id,
    before: { status: o.status },
    after: { status: t.to, ...set },
  });
  return t.to;
}
