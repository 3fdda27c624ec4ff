// A call that requires halal (curation_call.requires_halal, set on the Dinas's call form): the product must be
// labelled halal and its business hold a valid halal certificate (not expired in WIB, the permits module's rule).
// Checked when the owner submits or resubmits, and again when the kurator scores: the label cannot change while
// under review, but the certificate can expire or be removed in the meantime.
import type { Queryable } from '../platform/db/types.ts';
import { localDate } from '../platform/time.ts';
import { hasValidHalalPermit } from '../registry/permits/permits.ts';

type Bi = { id: string; en: string };

/** Why the product does not meet the call's halal requirement, or null (also null when the call does not require it). */
export async function halalShortfall(
  db: Queryable,
  call: { requires_halal: boolean },
  product: { umkm_id: number; halal: boolean },
  now: Date,
): Promise<{ code: 'halal_required'; message: Bi } | null> {
  if (!call.requires_halal) return null;
  if (!product.halal)
    return {
      code: 'halal_required',
      message: {
        id: 'Panggilan ini mewajibkan produk halal, tetapi produk ini tidak berlabel halal. Beri label halal pada produk (dengan sertifikat halal usaha yang masih berlaku), lalu ajukan lagi.',
        en: 'This call requires halal products, but this product is not labelled halal. Label the product halal (with a valid halal certificate for the business), then submit again.',
      },
    };
  if (!(await hasValidHalalPermit(db, product.umkm_id, localDate(now))))
    return {
      code: 'halal_required',
      message: {
        id: `Panggilan ini mewajibkan produk halal, tetapi sertifikat halal usaha ini belum ada atau sudah kedaluwarsa. Tambahkan sertifikat halal di halaman Izin usaha (/anggota/${product.umkm_id}/izin).`,
        en: `This call requires halal products, but this business has no halal certificate, or it has expired. Add the halal certificate on the Permits page (/anggota/${product.umkm_id}/izin).`,
      },
    };
  return null;
}
