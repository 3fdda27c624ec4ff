// Zod schemas of the seller's Jumat Beli Lokal view (issue 15, item 8): the editions a seller is in, what to prepare
// for Friday, the packing lists per hub and at the seller's place, and the payments received.
import { z } from 'zod';
import { bigintIdParam } from '../../platform/http/input.ts';

const iso = z.string().describe('an instant, ISO 8601 UTC');
const Status = z.enum(['awaiting_payment', 'paid', 'handed_over', 'expired', 'cancelled']);
const EditionStatus = z.enum(['planned', 'open', 'live', 'closed', 'skipped']);

export const SellerEditionParams = z.strictObject({ editionId: bigintIdParam() });

export const Edition = z.object({
  id: z.number().int(),
  friday: z.string(),
  heldOn: z.string().describe('the live session’s day (the Friday, or the day it was moved to)'),
  host: z.string().describe('the host kota'),
  status: EditionStatus,
  preorderClosesAt: iso,
  liveStartsAt: iso,
  liveEndsAt: iso,
});

export const SellerItem = z.object({
  itemId: z.number().int(),
  name: z.string(),
  unit: z.string(),
  business: z.string(),
  price: z.number().int(),
  brought: z.number().int().describe('stock brought to the edition'),
  stock: z.number().int().describe('what buyers can still take'),
  held: z.number().int().describe('held by checkouts awaiting payment'),
  sold: z.number().int(),
  removed: z.boolean(),
});

export const SellerEditions = z.object({
  editions: z.array(
    Edition.extend({
      items: z.array(SellerItem),
      orders: z.object({ awaiting: z.number().int(), toHandOver: z.number().int(), handedOver: z.number().int() }),
    }),
  ),
});
export type SellerEditions = z.infer<typeof SellerEditions>;

const Line = z.object({ lineId: z.number().int(), name: z.string(), unit: z.string(), quantity: z.number().int() });
const Pickup = z.object({
  kind: z.enum(['hub', 'seller']),
  hubCode: z.string().nullable(),
  hubName: z.string().nullable(),
});

export const AwaitingOrder = z.object({
  number: z.string(),
  buyer: z.string().describe('the buyer’s first name only'),
  business: z.string(),
  total: z.number().int(),
  paidTo: z.enum(['seller', 'aggregator']),
  holdExpiresAt: iso,
  pickup: Pickup,
  lines: z.array(Line),
});

export const PrepareLine = z.object({
  itemId: z.number().int(),
  name: z.string(),
  unit: z.string(),
  business: z.string(),
  paid: z.number().int().describe('units in paid orders (handed over or not)'),
  handedOver: z.number().int(),
  awaiting: z.number().int().describe('units held by orders awaiting payment'),
  firstHoldExpiresAt: iso.nullable().describe('when the first of those holds ends unless paid'),
  lastHoldExpiresAt: iso.nullable(),
});

export const SellerEdition = z.object({
  edition: Edition,
  prepare: z.array(PrepareLine),
  awaiting: z.array(AwaitingOrder),
});
export type SellerEdition = z.infer<typeof SellerEdition>;

export const PackOrder = z.object({
  number: z.string(),
  buyer: z.string().describe('the buyer’s first name only'),
  business: z.string(),
  status: z.enum(['paid', 'handed_over']),
  total: z.number().int(),
  paidAt: iso,
  handedOverAt: iso.nullable(),
  lines: z.array(Line),
});
export type PackOrder = z.infer<typeof PackOrder>;

export const Packing = z.object({
  editionId: z.number().int(),
  hubs: z.array(
    z.object({
      code: z.string().describe('the kecamatan whose hub'),
      name: z.string(),
      units: z.number().int(),
      orders: z.array(PackOrder),
    }),
  ),
  atSeller: z.array(PackOrder).describe('paid orders the buyer picks up at the seller’s place'),
});
export type Packing = z.infer<typeof Packing>;

export const PaymentsQuery = z.strictObject({ editionId: bigintIdParam().optional() });

export const Payments = z.object({
  payments: z.array(
    z.object({
      number: z.string(),
      editionId: z.number().int(),
      heldOn: z.string(),
      business: z.string(),
      total: z.number().int(),
      paidTo: z.enum(['seller', 'aggregator']).describe('seller: to their own QRIS; aggregator: paid out later'),
      paidVia: z.enum(['seller', 'webhook']).nullable(),
      reference: z.string().nullable(),
      paidAt: iso,
      status: Status,
    }),
  ),
  totals: z.object({
    count: z.number().int(),
    total: z.number().int(),
    direct: z.number().int().describe('paid to the seller’s own QRIS'),
    viaAggregator: z.number().int().describe('paid to the aggregator, owed to the seller'),
  }),
});
export type Payments = z.infer<typeof Payments>;
