// Whom a child order's QRIS pays: the seller's own merchant account when they registered one, otherwise the
// aggregator merchant configured for the instance (setting jbl.aggregator_merchant), who pays the seller out.
import { AppError } from '../../platform/http/problem.ts';
import type { MerchantCriteria, QrisMerchant } from '../../platform/qris/encode-qris.ts';

export interface MerchantRow {
  umkm_id: number;
  umkm_name: string;
  merchant_name: string | null;
  merchant_city: string;
  postal_code: string | null;
  mcc: string;
  nmid: string;
  criteria: MerchantCriteria;
  acquirer: QrisMerchant['acquirer'];
}

export interface Merchants {
  sellers: Map<number, QrisMerchant>;
  aggregator: QrisMerchant;
  names: Map<number, string>;
}

/** The sellers' columns MerchantRow reads (u: umkm, m: umkm_qris_merchant left-joined). */
export const MERCHANT_COLUMNS = `u.id as umkm_id, u.name as umkm_name, m.merchant_name, m.merchant_city, m.postal_code, m.mcc, m.nmid,
       m.criteria, m.acquirer`;

/** The sellers' rows and the aggregator setting, as whom each child order pays. */
export function merchantsFrom(rows: readonly MerchantRow[], aggregator: QrisMerchant | null | undefined): Merchants {
  if (!aggregator)
    throw new AppError(409, 'jbl_settings_missing', {
      id: 'Merchant agregator QRIS belum diatur (jbl.aggregator_merchant).',
      en: 'The QRIS aggregator merchant is not configured (jbl.aggregator_merchant).',
    });
  const sellers = new Map<number, QrisMerchant>();
  for (const r of rows)
    if (r.merchant_name)
      sellers.set(Number(r.umkm_id), {
        name: r.merchant_name,
        city: r.merchant_city,
        postalCode: r.postal_code,
        mcc: r.mcc,
        nmid: r.nmid,
        criteria: r.criteria,
        acquirer: r.acquirer,
      });
  return { sellers, aggregator, names: new Map(rows.map((r) => [Number(r.umkm_id), r.umkm_name])) };
}
