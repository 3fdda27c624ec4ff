// A payment's transfer proof as stored, for the agency's readers and the seller of the order (scope from the
// caller's side, folded into the SQL): a payment outside it, or without a proof, is not found.
import type { Queryable } from '../../platform/db/types.ts';
import type { ScopeSql } from '../../platform/db/scope.ts';
import { readDocument, sniff } from '../../platform/files.ts';
import { notFound } from '../../platform/http/problem.ts';

/** `scope` is numbered from $3 and names the order `o`. */
export async function paymentProof(
  db: Queryable,
  orderId: number,
  paymentId: number,
  scope: ScopeSql,
): Promise<{ buf: Buffer; mime: string; name: string }> {
  const [p] = await db.query<{ proof_path: string | null }>(
    `select y.proof_path from eorder_payment y join eorder o on o.id = y.order_id
      where y.id = $1 and y.order_id = $2 and ${scope.sql}`,
    [paymentId, orderId, ...scope.params],
  );
  const buf = p?.proof_path ? await readDocument(p.proof_path) : undefined;
  const type = buf ? sniff(buf) : undefined;
  if (!buf || !type) throw notFound({ id: 'Bukti pembayaran tidak ditemukan.', en: 'Payment proof not found.' });
  return { buf, mime: type.mime, name: `bukti-bayar-${orderId}-${paymentId}.${type.ext}` };
}
