// The Bendahara attaches the transfer proof (PDF, JPEG or PNG by its first bytes) to a payment of an order of
// their agency. The file is stored under PL_UPLOAD_DIR; a replaced proof's file is removed after the commit.
import { audit } from '../../platform/audit.ts';
import type { Acting } from '../../platform/auth/acting.ts';
import type { Queryable, Tx } from '../../platform/db/types.ts';
import { removeDocument, type Sniffed, storeDocument } from '../../platform/files.ts';
import { notFound } from '../../platform/http/problem.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';

/** The payment within the Bendahara's agencies, or 404: checked before the upload is read. */
export async function paymentInScope(db: Queryable, a: Acting, orderId: number, paymentId: number, lock = false) {
  const scope = agencyScope(a.actor, procurementPolicy.paysOrders, 'o.agency_id', 3);
  const [p] = await db.query<{ id: number; umkm_id: number; proof_path: string | null }>(
    `select y.id, y.umkm_id, y.proof_path from eorder_payment y join eorder o on o.id = y.order_id
      where y.id = $1 and y.order_id = $2 and ${scope.sql}${lock ? ' for update of y' : ''}`,
    [paymentId, orderId, ...scope.params],
  );
  if (!p) throw notFound({ id: 'Pembayaran tidak ditemukan.', en: 'Payment not found.' });
  return p;
}

export async function attachPaymentProof(
  tx: Tx,
  a: Acting,
  orderId: number,
  paymentId: number,
  file: { buf: Buffer; type: Sniffed },
): Promise<{ paymentId: number; hasProof: true; replaced: string | null }> {
  const p = await paymentInScope(tx, a, orderId, paymentId, true);
  const path = await storeDocument(`procurement/payments/${orderId}`, file.buf, file.type);
  await tx.query('update eorder_payment set proof_path = $2 where id = $1', [p.id, path]);
  await audit(tx, a.who, {
    action: 'procurement.payment_proof',
    entityType: 'eorder_payment',
    entityId: p.id,
    umkmId: p.umkm_id,
    after: { mime: file.type.mime, bytes: file.buf.length },
  });
  return { paymentId: p.id, hasProof: true, replaced: p.proof_path };
}

export const discardProof = (rel: string | null) => (rel ? removeDocument(rel) : Promise.resolve());
