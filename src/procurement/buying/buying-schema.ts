// Zod schemas of the agency side of buying: packages, documents, cart, placing, exceptions.
import { z } from 'zod';
import { bigintId, bigintIdParam, int4IdParam } from '../../platform/http/input.ts';
import { ORDER_STATES } from '../order-states.ts';

const Bi = z.object({ id: z.string(), en: z.string() });
export const PACKAGE_STATUSES = ['planned', 'assigned', 'ready', 'closed'] as const;

export const PackageParams = z.strictObject({ packageId: int4IdParam() });
export const OrderParams = z.strictObject({ orderId: bigintIdParam() });
export const DocumentParams = z.strictObject({ documentId: int4IdParam() });
export const ExceptionParams = z.strictObject({ exceptionId: int4IdParam() });

export const PackageListQuery = z.strictObject({
  status: z.enum(PACKAGE_STATUSES).optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('only packages I assigned or am assigned to (and planned ones)'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

const Person = z.object({ accountId: z.number(), name: z.string().nullable() });
const Can = z.object({
  assignPpk: z.boolean(),
  prepare: z.boolean(),
  buy: z.boolean(),
  decideExceptions: z.boolean(),
});
export const PackageSummary = z.object({
  id: z.number(),
  rupCode: z.string(),
  agency: z.object({ id: z.number(), name: z.string() }),
  unit: z.string().nullable(),
  year: z.number(),
  name: z.string(),
  pagu: z.number(),
  kind: z.string(),
  method: z.string(),
  categoryCode: z.string().nullable(),
  reservedSmall: z.boolean(),
  status: z.enum(PACKAGE_STATUSES),
  deliveryAddress: z.string().nullable(),
  ppk: Person.nullable(),
  pp: Person.nullable(),
  can: Can,
});
export const PackageList = z.object({ items: z.array(PackageSummary) });

const MoneyLine = z.object({
  code: z.string(),
  effectiveFrom: z.string(),
  item: z.enum(['ppn', 'pph22', 'pph23', 'pp55', 'advance']),
  base: z.number(),
  rate: z.number(),
  amount: z.number(),
});
export const Money = z.object({
  date: z.string(),
  rounding: z.literal('floor'),
  total: z.number(),
  dpp: z.number(),
  ppn: z.number(),
  pph22: z.number(),
  pph23: z.number(),
  pp55: z.number(),
  withheld: z.number(),
  net: z.number(),
  advanceCeiling: z.number(),
  lines: z.array(MoneyLine),
});

export const ExceptionItem = z.object({
  id: z.number(),
  packageId: z.number(),
  packageName: z.string(),
  agency: z.object({ id: z.number(), name: z.string() }),
  ruleCode: z.string(),
  ruleTitle: Bi,
  justification: z.string(),
  status: z.enum(['requested', 'approved', 'rejected']),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

const CartLine = z.object({
  productId: z.number(),
  name: z.string(),
  unit: z.string(),
  categoryCode: z.string(),
  isFood: z.boolean(),
  quantity: z.number(),
  unitPrice: z.number(),
  amount: z.number(),
  minOrder: z.number(),
  orderable: z.boolean(),
  curatedFor: z.array(z.string()),
});

export const PackageDetail = PackageSummary.extend({
  documents: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      fileName: z.string(),
      mime: z.string(),
      uploadedAt: z.string(),
      url: z.string(),
    }),
  ),
  orders: z.array(
    z.object({
      id: z.number(),
      groupId: z.number(),
      seller: z.object({ id: z.number(), name: z.string() }),
      status: z.enum(ORDER_STATES),
      statusLabel: Bi,
      total: z.number(),
      countsUmk: z.boolean(),
      placedAt: z.string(),
    }),
  ),
  exceptions: z.array(ExceptionItem),
  mandateRules: z.array(z.object({ code: z.string(), effectiveFrom: z.string(), title: Bi })),
  candidates: z.object({ ppk: z.array(Person), pp: z.array(Person) }),
  cart: z
    .object({
      date: z.string(),
      total: z.number(),
      groups: z.array(
        z.object({
          umkmId: z.number(),
          name: z.string(),
          kind: z.string(),
          size: z.string().nullable(),
          countsUmk: z.boolean(),
          lines: z.array(CartLine),
          subtotal: z.number(),
          money: Money,
          brokenRules: z.array(z.object({ code: z.string(), title: Bi, excepted: z.boolean() })),
        }),
      ),
    })
    .nullable(),
});

export const StepDone = z.object({ id: z.number(), status: z.string() });

export const AssignPpkBody = z.strictObject({ ppkAccountId: bigintId() });
export const AssignPpBody = z.strictObject({ ppAccountId: bigintId() });
export const DeliveryAddressBody = z.strictObject({ address: z.string().trim().min(5).max(500) });
export const CartLineBody = z.strictObject({
  productId: bigintId(),
  quantity: z.number().int().min(0).max(1_000_000).describe('0 takes the product out of the cart'),
});
export const EmptyBody = z.strictObject({});
export const ExceptionRequestBody = z.strictObject({
  ruleCode: z.string().regex(/^[a-z0-9_]{1,80}$/),
  justification: z.string().trim().min(20).max(4000),
});
export const ExceptionDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().min(3).max(2000),
});
export const ExceptionListQuery = z.strictObject({
  status: z.enum(['requested', 'approved', 'rejected']).optional(),
  agencyId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  ruleCode: z
    .string()
    .regex(/^[a-z0-9_]{1,80}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const ExceptionList = z.object({ items: z.array(ExceptionItem.extend({ canDecide: z.boolean() })) });

export const Placed = z.object({
  groupId: z.number(),
  orders: z.array(
    z.object({ id: z.number(), umkmId: z.number(), seller: z.string(), total: z.number(), countsUmk: z.boolean() }),
  ),
});
