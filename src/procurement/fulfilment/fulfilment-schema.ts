// Request and response schemas of the order fulfilment routes (agency and seller): the web app imports its types
// from here.
import { z } from 'zod';
import { bigintIdParam, int4Param } from '../../platform/http/input.ts';
import { ORDER_STATES } from '../order-states.ts';
import { QUEUES } from './agency-orders.ts';

const Bi = z.object({ id: z.string(), en: z.string() });
const State = z.enum(ORDER_STATES);

export const OrderParams = z.strictObject({ orderId: bigintIdParam() });
export const PaymentParams = z.strictObject({ orderId: bigintIdParam(), paymentId: bigintIdParam() });

export const Payment = z.object({
  id: z.number(),
  kind: z.enum(['transfer', 'autodebit']),
  stage: z.enum(['advance', 'final']),
  status: z.enum(['requested', 'paid', 'rejected']),
  amount: z.number(),
  taxWithheld: z.number(),
  gross: z.number(),
  reference: z.string().nullable(),
  hasProof: z.boolean(),
  requestedAt: z.string(),
  paidAt: z.string().nullable(),
  paidOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

const OrderBase = z.object({
  id: z.number(),
  groupId: z.number(),
  packageId: z.number(),
  packageName: z.string(),
  status: State,
  statusLabel: Bi,
  agency: z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    paymentDaysBasis: z.enum(['calendar', 'working']),
  }),
  unit: z.string().nullable(),
  seller: z.object({ umkmId: z.number(), name: z.string(), kind: z.string(), size: z.string().nullable() }),
  deliveryAddress: z.string(),
  lines: z.array(
    z.object({
      lineNo: z.number(),
      productId: z.number(),
      name: z.string(),
      unit: z.string(),
      quantity: z.number(),
      unitPrice: z.number(),
      amount: z.number(),
    }),
  ),
  total: z.number(),
  money: z.object({
    lines: z.array(
      z.object({ code: z.string(), label: Bi, amount: z.number(), withheld: z.boolean(), rule: z.string().nullable() }),
    ),
    withheld: z.number(),
    net: z.number(),
    advanceCeiling: z.number().nullable(),
  }),
  paidAmount: z.number(),
  outstanding: z.number(),
  placedAt: z.string(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  deliveryNote: z.string().nullable(),
  receivedAt: z.string().nullable(),
  bastNumber: z.string().nullable(),
  dueDate: z.string().nullable(),
  daysOverdue: z.number().nullable(),
  paidAt: z.string().nullable(),
  paymentDays: z.number().nullable(),
  closedAt: z.string().nullable(),
  payments: z.array(Payment),
  bastPdf: z.string().nullable(),
});

export const AgencyOrder = OrderBase.extend({
  can: z.object({ signBast: z.boolean(), pay: z.boolean(), decideAutodebit: z.boolean(), close: z.boolean() }),
});
export type AgencyOrder = z.infer<typeof AgencyOrder>;

export const SellerOrder = OrderBase.extend({
  can: z.object({ accept: z.boolean(), decline: z.boolean(), deliver: z.boolean() }),
});
export type SellerOrder = z.infer<typeof SellerOrder>;

export const AgencyOrdersQuery = z.strictObject({
  queue: z.enum(QUEUES).default('all'),
  limit: int4Param(1, 500).optional(),
});
export const AgencyOrderList = z.object({
  queue: z.enum(QUEUES),
  orders: z.array(
    z.object({
      id: z.number(),
      status: State,
      statusLabel: Bi,
      agencyName: z.string(),
      sellerName: z.string(),
      total: z.number(),
      outstanding: z.number(),
      placedAt: z.string(),
      deliveredAt: z.string().nullable(),
      bastNumber: z.string().nullable(),
      dueDate: z.string().nullable(),
      daysOverdue: z.number().nullable(),
      requestedAutodebit: z.number().nullable(),
    }),
  ),
});
export type AgencyOrderList = z.infer<typeof AgencyOrderList>;

export const SellerOrdersQuery = z.strictObject({ status: State.optional(), limit: int4Param(1, 500).optional() });
export const SellerOrderList = z.object({
  orders: z.array(
    z.object({
      id: z.number(),
      status: State,
      statusLabel: Bi,
      agencyName: z.string(),
      sellerName: z.string(),
      total: z.number(),
      outstanding: z.number(),
      placedAt: z.string(),
      dueDate: z.string().nullable(),
      bastNumber: z.string().nullable(),
      lineCount: z.number(),
    }),
  ),
});
export type SellerOrderList = z.infer<typeof SellerOrderList>;

export const EmptyBody = z.strictObject({});
export const DeclineBody = z.strictObject({ reason: z.string().trim().min(5).max(1000) });
export const DeliverBody = z.strictObject({ note: z.string().max(2000).optional() });
export const Moved = z.object({ id: z.number(), status: State });

export const BastSigned = z.object({
  id: z.number(),
  bastNumber: z.string(),
  dueDate: z.string(),
  receivedAt: z.string(),
});
export const BastVerifyQuery = z.strictObject({ number: z.string().trim().min(1).max(100) });
export const PublicBast = z.object({
  number: z.string(),
  valid: z.boolean(),
  agency: z.string().nullable(),
  date: z.string().nullable(),
  total: z.number().nullable(),
  seller: z.string().nullable(),
});
export type PublicBast = z.infer<typeof PublicBast>;

const Rupiah = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const PaymentBody = z.strictObject({
  kind: z.enum(['transfer', 'autodebit']),
  amount: Rupiah.min(1),
  taxWithheld: Rupiah.optional(),
  reference: z.string().trim().max(200).optional(),
});
export const PaymentRecorded = z.object({
  paymentId: z.number(),
  orderId: z.number(),
  paymentStatus: z.enum(['requested', 'paid']),
  orderStatus: State,
  amount: z.number(),
  taxWithheld: z.number(),
});
export const DecisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: z.string().max(2000).optional(),
});
export const DecisionResult = z.object({
  paymentId: z.number(),
  paymentStatus: z.enum(['paid', 'rejected']),
  orderStatus: State,
});
export const ProofAttached = z.object({ paymentId: z.number(), hasProof: z.literal(true) });

export const StatementQuery = z.strictObject({ year: int4Param(2000, 2100).optional() });
export const Statement = z.object({
  year: z.number(),
  payments: z.array(
    z.object({
      orderId: z.number(),
      paymentId: z.number(),
      agencyName: z.string(),
      sellerName: z.string(),
      bastNumber: z.string().nullable(),
      kind: z.enum(['transfer', 'autodebit']),
      paidOn: z.string(),
      gross: z.number(),
      taxWithheld: z.number(),
      taxRule: z.string().nullable(),
      net: z.number(),
    }),
  ),
  outstanding: z.array(
    z.object({
      orderId: z.number(),
      agencyName: z.string(),
      sellerName: z.string(),
      bastNumber: z.string().nullable(),
      total: z.number(),
      paid: z.number(),
      outstanding: z.number(),
      expectedOn: z.string().nullable(),
      daysOverdue: z.number().nullable(),
    }),
  ),
  totals: z.object({
    gross: z.number(),
    taxWithheld: z.number(),
    net: z.number(),
    outstanding: z.number(),
    orders: z.number(),
  }),
});
export type Statement = z.infer<typeof Statement>;
