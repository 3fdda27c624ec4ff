// Zod schemas of the Jumat Beli Lokal storefront and its orders: the edition's shelf, checkout, payment, tracking.
import { z } from 'zod';
import { bigintId, bigintIdParam, int4, int8 } from '../../platform/http/input.ts';

const Bi = z.object({ id: z.string(), en: z.string() });

export const ShelfQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('search within the edition: product or seller name'),
  category: z.string().max(40).optional(),
});
export type ShelfQuery = z.infer<typeof ShelfQuery>;

export const ShelfItem = z.object({
  id: z.number().int().describe('the line-up item: what a cart line names'),
  productId: z.number().int(),
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  price: z.number().int(),
  available: z.number().int().describe('what can still be bought now (stock not held by an unpaid checkout)'),
  soldOut: z.boolean(),
  category: z.object({ code: z.string(), name: Bi }),
  seller: z.object({ id: z.number().int(), name: z.string(), kecamatan: z.string() }),
  photoUrl: z.string().nullable(),
  reason: Bi.describe('why the product is in this edition'),
});
export type ShelfItem = z.infer<typeof ShelfItem>;

export const Shelf = z.object({
  editionId: z.number().int(),
  selling: z.enum(['preorder', 'live']).nullable().describe('what a checkout now would be; null: not selling now'),
  categories: z.array(z.object({ code: z.string(), name: Bi, count: z.number().int() })),
  hubs: z.array(z.object({ code: z.string(), name: z.string() })).describe('the host kota’s kecamatan hubs'),
  items: z.array(ShelfItem),
});
export type Shelf = z.infer<typeof Shelf>;

export const EditionIdParams = z.strictObject({ editionId: bigintIdParam() });

const kecamatanCode = z.string().regex(/^\d{6}$/, 'a kecamatan code (6 digits)');

export const CheckoutInput = z.strictObject({
  lines: z
    .array(z.strictObject({ itemId: bigintId(), quantity: int4(1, 1000) }))
    .min(1)
    .max(50)
    .describe('line-up items and quantities; the cart may span sellers (one child order each)'),
  buyer: z
    .strictObject({ name: z.string().trim().min(2).max(100), phone: z.string().trim().min(8).max(30) })
    .optional()
    .describe('a guest’s name and mobile number (08…); a signed-in buyer is known by the account'),
  pickup: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('hub'), hubCode: kecamatanCode }),
    z.strictObject({ kind: z.literal('seller') }),
  ]),
});
export type CheckoutInput = z.infer<typeof CheckoutInput>;

export const ChildOrderView = z.object({
  number: z.string(),
  status: z.enum(['awaiting_payment', 'paid', 'handed_over', 'expired', 'cancelled']),
  seller: z.object({ id: z.number().int(), name: z.string(), kecamatan: z.string() }),
  pickup: z.object({ kind: z.enum(['hub', 'seller']), place: z.string() }),
  total: z.number().int(),
  lines: z.array(
    z.object({ name: z.string(), quantity: z.number().int(), price: z.number().int(), amount: z.number().int() }),
  ),
  payment: z
    .object({
      paidTo: z.enum(['seller', 'aggregator']),
      payload: z.string(),
      svg: z.string(),
      holdExpiresAt: z.string(),
    })
    .nullable()
    .describe('the QRIS to pay with, while the order awaits payment'),
  paidAt: z.string().nullable(),
  handedOverAt: z.string().nullable(),
});
export type ChildOrderView = z.infer<typeof ChildOrderView>;

export const OrderView = z.object({
  number: z.string(),
  trackingToken: z.string().describe('the secret of the tracking link /jumat-beli-lokal/pesanan/<token>'),
  edition: z.object({ id: z.number().int(), heldOn: z.string(), host: z.string() }),
  buyer: z.object({ kind: z.enum(['guest', 'asn', 'public']), name: z.string(), phone: z.string().nullable() }),
  session: z.enum(['preorder', 'live']),
  total: z.number().int(),
  createdAt: z.string(),
  children: z.array(ChildOrderView),
});
export type OrderView = z.infer<typeof OrderView>;

export const CheckoutResult = z.object({
  number: z.string(),
  trackingToken: z.string(),
  total: z.number().int(),
  session: z.enum(['preorder', 'live']),
  holdExpiresAt: z.string().describe('pay before this instant or the stock is released'),
  children: z.array(
    z.object({
      number: z.string(),
      sellerName: z.string(),
      total: z.number().int(),
      paidTo: z.enum(['seller', 'aggregator']),
      qrisPayload: z.string(),
    }),
  ),
});

export const TrackParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a tracking token') });
export const ChildParams = z.strictObject({
  number: z.string().regex(/^JBL-\d{8}-\d+-\d{1,2}$/, 'a child order number'),
});

export const SellerConfirmInput = z.strictObject({
  reference: z.string().trim().max(100).optional().describe('the wallet’s or bank’s transaction reference'),
});

export const PaymentOutcome = z.object({
  number: z.string(),
  status: z.enum(['awaiting_payment', 'paid', 'handed_over', 'expired', 'cancelled']),
  outcome: z.enum(['paid', 'already_paid', 'expired', 'amount_mismatch', 'unknown_order']),
});
export type PaymentOutcome = z.infer<typeof PaymentOutcome>;

/** The aggregator's notification: signed (HMAC-SHA256 of the raw body, header x-pl-signature), sent once per event. */
export const PaymentWebhookInput = z.strictObject({
  eventId: z.string().min(1).max(100),
  reference: z.string().min(1).max(25).describe('QRIS tag 62 reference: the child order number'),
  amount: int8(1),
  sentAt: z.string().datetime({ offset: true }),
});
export type PaymentWebhookInput = z.infer<typeof PaymentWebhookInput>;
