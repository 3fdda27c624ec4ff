// Use case: an owner edits a product. The judged fields (RESETS_CURATION) return a curated product to "not curated"
// and cannot change while it is under review; a published product keeps the halal rule (product-rules.ts).
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import {
  type Acting,
  checkCodes,
  refuseWhileUnderReview,
  requireHalalCertificate,
  resetCuration,
} from './product-rules.ts';
import { lockOwnProduct, type ProductRow } from './queries.ts';
import { type ProductPatch, RESETS_CURATION } from './schema.ts';

const COLUMNS: [keyof ProductPatch, keyof ProductRow][] = [
  ['name', 'name'],
  ['description', 'description'],
  ['categoryCode', 'category_code'],
  ['kbliCode', 'kbli_code'],
  ['price', 'price'],
  ['unit', 'unit'],
  ['stock', 'stock'],
  ['minOrder', 'min_order'],
  ['leadTimeDays', 'lead_time_days'],
  ['halal', 'halal'],
];

/** Edits a product; answers whether the edit returned it to "not curated". */
export async function updateProduct(
  tx: Tx,
  a: Acting,
  input: { productId: number; patch: ProductPatch },
): Promise<{ curationReset: boolean }> {
  const { productId, patch } = input;
  const cur = await lockOwnProduct(tx, a.actor, productId);
  const codes = await checkCodes(tx, {
    categoryCode: patch.categoryCode !== cur.category_code ? patch.categoryCode : undefined,
    kbliCode: patch.kbliCode !== cur.kbli_code ? patch.kbliCode : undefined,
  });
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, col] of COLUMNS) {
    if (patch[key] === undefined || patch[key] === cur[col]) continue;
    before[key] = cur[col];
    after[key] = patch[key];
  }
  if (Object.keys(after).length === 0) return { curationReset: false };
  const judged = RESETS_CURATION.filter((f) => f in after);
  refuseWhileUnderReview(cur, judged);
  if (cur.status === 'published') {
    if (codes?.food) await requireHalalCertificate(tx, cur.umkm_id, 'food', 'body.categoryCode');
    if (after.halal === true) await requireHalalCertificate(tx, cur.umkm_id, 'claim', 'body.halal');
  }
  const sets = COLUMNS.filter(([key]) => key in after);
  await tx.query(
    `update product set ${sets.map(([, col], i) => `${col} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`,
    [productId, ...sets.map(([key]) => after[key])],
  );
  const curationReset = cur.pc_curated && judged.length > 0;
  if (curationReset) await resetCuration(tx, a.who, productId);
  await audit(tx, a.who, {
    action: 'product.update',
    entityType: 'product',
    entityId: productId,
    umkmId: cur.umkm_id,
    before,
    after: { ...after, ...(curationReset ? { curationStatus: 'none' } : {}) },
  });
  return { curationReset };
}
