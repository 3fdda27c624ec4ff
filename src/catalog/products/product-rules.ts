// The rules every change of a product keeps (used by create-product, update-product, change-product-status and
// the photos).
//
// Curation and edits (what a kurator and a buyer expect). A curated product carries a kurator's judgement of
// what it is and how it looks: its name, description, category, halal claim and photos. Changing any of those
// makes it a product nobody has judged, so it returns to "not curated" (curation_status 'none', grade, date and
// channels cleared; it leaves the public catalogue until curated again) — the web form warns before saving.
// Commercial terms change weekly and were never judged: price, unit, stock, minimum order, lead time and KBLI
// keep the curation. While a product is under review (a submission waits for an officer) the judged fields cannot
// change at all, so the officers never pass something other than what they looked at. A rejected product keeps
// its status (and the kurator's notes) while the owner improves it for resubmission.
import type { Actor, AuditActor } from '../../platform/auth/actor.ts';
import { revokeForChangedProduct } from '../../curation/certificates.ts';
import type { Queryable, Tx } from '../../platform/db/types.ts';
import { AppError, type FieldError, validationFailed } from '../../platform/http/problem.ts';
import { hasValidHalalPermit } from '../../registry/permits/permits.ts';
import type { ProductRow } from './queries.ts';
import type { CurationSensitive } from './schema.ts';

/** Who changes a product: the owner (the actor, for the scope) and how the audit log names them. */
export interface Acting {
  actor: Actor;
  who: AuditActor;
}

const invalid = validationFailed;

/** Category and KBLI must be known codes: a field error, never a foreign-key 500. */
export async function checkCodes(
  q: Queryable,
  p: { categoryCode?: string; kbliCode?: string | null },
): Promise<{ food: boolean } | undefined> {
  const errors: FieldError[] = [];
  let food: boolean | undefined;
  if (p.categoryCode !== undefined) {
    const [c] = await q.query<{ is_food: boolean }>('select is_food from product_category where code = $1', [
      p.categoryCode,
    ]);
    if (!c)
      errors.push({
        field: 'body.categoryCode',
        code: 'unknown_category',
        message: {
          id: 'Kategori ini tidak ada; pilih dari daftar.',
          en: 'No such category; choose one from the list.',
        },
      });
    food = c?.is_food;
  }
  if (p.kbliCode) {
    const [k] = await q.query(`select 1 from kbli where code = $1 and level = 'subclass'`, [p.kbliCode]);
    if (!k)
      errors.push({
        field: 'body.kbliCode',
        code: 'unknown_kbli',
        message: { id: `KBLI ${p.kbliCode} tidak dikenal.`, en: `Unknown KBLI ${p.kbliCode}.` },
      });
  }
  if (errors.length) throw invalid(errors);
  return food === undefined ? undefined : { food };
}

/**
 * The halal rule (halal certification is mandatory for food and drink since 17 Oct 2024): a product of a food
 * category — or one that claims to be halal — is in the catalogue only while its business holds a valid halal
 * certificate (permits module, WIB). Checked when it is published, and when a published one moves into a food
 * category or starts claiming halal.
 */
export async function requireHalalCertificate(
  q: Queryable,
  umkmId: number,
  why: 'food' | 'claim',
  field?: string,
): Promise<void> {
  if (await hasValidHalalPermit(q, umkmId)) return;
  const what =
    why === 'food'
      ? { id: 'Produk makanan dan minuman', en: 'Food and drink products' }
      : { id: 'Produk berlabel halal', en: 'Products labelled halal' };
  const where = `/anggota/${umkmId}/izin`;
  throw new AppError(
    409,
    'halal_certificate_required',
    {
      id: `${what.id} hanya dapat diterbitkan bila usaha memiliki sertifikat halal yang masih berlaku; sertifikat usaha ini belum ada atau sudah kedaluwarsa. Tambahkan sertifikat halal di halaman Izin usaha (${where}), lalu terbitkan lagi.`,
      en: `${what.en} can only be published while the business holds a valid halal certificate; this business has none, or it has expired. Add the halal certificate on the Permits page (${where}), then publish again.`,
    },
    field
      ? [
          {
            field,
            code: 'halal_certificate_required',
            message: { id: 'Perlu sertifikat halal yang masih berlaku.', en: 'Needs a valid halal certificate.' },
          },
        ]
      : [],
  );
}

/** Refuses a change of what the officers are reviewing (see the note at the top). */
export function refuseWhileUnderReview(cur: Pick<ProductRow, 'pc_under_review'>, fields: CurationSensitive[]) {
  if (!cur.pc_under_review || fields.length === 0) return;
  throw new AppError(
    409,
    'product_in_curation',
    {
      id: 'Produk ini sedang dikurasi: nama, deskripsi, kategori, label halal dan foto tidak dapat diubah sampai hasil kurasi keluar. Harga, stok dan waktu siap tetap dapat diubah.',
      en: 'This product is being curated: its name, description, category, halal label and photos cannot change until the result is out. Price, stock and lead time can still change.',
    },
    fields.map((f) => ({
      field: f === 'photos' ? 'body.photo' : `body.${f}`,
      code: 'in_curation',
      message: { id: 'Terkunci selama kurasi.', en: 'Locked during curation.' },
    })),
  );
}

/**
 * Clears a curated product's curation (it leaves the public catalogue through the search trigger) and revokes its
 * certificates, so the QR of a product that changed no longer says "valid".
 */
export async function resetCuration(tx: Tx, who: AuditActor, productId: number): Promise<void> {
  await revokeForChangedProduct(tx, who, productId);
  await tx.query(
    `update product set curation_status = 'none', curation_grade = null, curated_at = null,
            channel_e_order = false, channel_jbl = false, channel_mall = false where id = $1`,
    [productId],
  );
}
