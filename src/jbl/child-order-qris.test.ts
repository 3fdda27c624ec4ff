// A child order's QRIS: to the seller's merchant account, or to the aggregator when the seller has none.
import { describe, expect, it } from 'vitest';
import { decodeQris } from '../platform/qris/decode-qris.ts';
import type { QrisMerchant } from '../platform/qris/encode-qris.ts';
import { childOrderQris } from './child-order-qris.ts';

const seller: QrisMerchant = {
  name: 'Batik Bu Ratna',
  city: 'Jakarta Utara',
  postalCode: '14240',
  mcc: '5699',
  nmid: 'ID1023456789012',
  criteria: 'UMI',
};
const aggregator: QrisMerchant = {
  name: 'Pasar Lokal Jakarta',
  city: 'Jakarta Pusat',
  postalCode: '10110',
  mcc: '5399',
  nmid: 'ID2029876543210',
  criteria: 'UBE',
  acquirer: { guid: 'ID.CO.BANKDKI.WWW', pan: '9360011100000012345', merchantId: 'PLJKT001' },
};

describe('childOrderQris', () => {
  it("pays the seller's own merchant account, with the order number as reference", () => {
    const q = childOrderQris({ number: 'JBL-2026-W49-000123-1', total: 185_000 }, seller, aggregator);
    expect(q.paidTo).toBe('seller');
    const d = decodeQris(q.payload);
    expect(d).toMatchObject({ crcValid: true, errors: [], amount: 185_000 });
    expect(d.fields['59']).toBe('Batik Bu Ratna');
    expect(d.fields['51']).toMatchObject({ '02': 'ID1023456789012' });
    expect(d.fields['62']).toMatchObject({ '01': 'JBL-2026-W49-000123-1' });
  });

  it('pays the aggregator when the seller has no merchant account', () => {
    const q = childOrderQris({ number: 'JBL-2026-W49-000123-2', total: 42_000 }, null, aggregator);
    expect(q.paidTo).toBe('aggregator');
    const d = decodeQris(q.payload);
    expect(d).toMatchObject({ crcValid: true, errors: [], amount: 42_000 });
    expect(d.fields['26']).toMatchObject({ '00': 'ID.CO.BANKDKI.WWW', '02': 'PLJKT001' });
    expect(d.fields['62']).toMatchObject({ '01': 'JBL-2026-W49-000123-2' });
  });
});
