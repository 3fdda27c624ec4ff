// Jumat Beli Lokal pays each child order (one seller's part of a cart) with its own dynamic QRIS: to the seller's
// own merchant account when the seller has one, otherwise to the aggregator merchant the platform is configured
// with (who pays the seller out). The reference in tag 62 is the child order's number, so a payment notification
// or a buyer's screenshot leads back to exactly one order. The codec itself is platform/qris (malls use it too).
import { encodeQris, type QrisMerchant } from '../platform/qris/encode-qris.ts';

export interface ChildOrderForPayment {
  /** The child order's number, e.g. JBL-2026-W49-000123-2 (≤ 25 ASCII characters: it goes into tag 62). */
  number: string;
  /** What the buyer pays for this seller's part, whole rupiah. */
  total: number;
}

export interface ChildOrderQris {
  payload: string;
  paidTo: 'seller' | 'aggregator';
}

/** The payload only: checkout stores it; the tracking page draws its QR image (platform/qris/qris-image.ts). */
export function childOrderQris(
  order: ChildOrderForPayment,
  seller: QrisMerchant | null | undefined,
  aggregator: QrisMerchant,
): ChildOrderQris {
  const paidTo = seller ? 'seller' : 'aggregator';
  return {
    payload: encodeQris({ merchant: seller ?? aggregator, amount: order.total, reference: order.number }),
    paidTo,
  };
}
