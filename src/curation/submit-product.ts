// An owner submits a product to a curation call, or resubmits it after a return or a fail (a new round).
import type { Actor } from '../platform/auth/actor.ts';
import { audit } from '../platform/audit.ts';
import type { Queryable, Tx } from '../platform/db/types.ts';
import { AppError, notFound } from '../platform/http/problem.ts';
import { type CallRow, callRow } from './calls.ts';
import { announce } from './events.ts';
import { halalShortfall } from './halal-rule.ts';
import { curationPolicy } from './policy.ts';
import { dueOn } from './sla.ts';
import { type Acting, recordStep, type StepOutcome } from './steps.ts';
import { submissionRow } from './submissions.ts';

type Bi = { id: string; en: string };

interface ProductRow {
  id: number;
  name: string;
  umkm_id: number;
  umkm_name: string;
  umkm_status: string;
  category_code: string;
  is_food: boolean;
  halal: boolean;
  status: string;
}

/** Why the call takes no submission now (409), or null. */
function callClosedReason(c: CallRow, now: Date): { code: string; message: Bi } | null {
  if (c.status !== 'open')
    return {
      code: 'call_not_open',
      message: { id: 'Panggilan kurasi tidak sedang dibuka.', en: 'The curation call is not open.' },
    };
  if (new Date(c.deadline) <= now)
    return {
      code: 'deadline_passed',
      message: { id: 'Batas waktu pengajuan sudah lewat.', en: 'The submission deadline has passed.' },
    };
  if (c.passed_count >= c.quota)
    return {
      code: 'quota_full',
      message: { id: 'Kuota panggilan ini sudah penuh.', en: "This call's quota is full." },
    };
  return null;
}

/** Why this product does not meet the call's criteria (422), or null. */
async function productReason(
  db: Queryable,
  c: CallRow,
  p: ProductRow,
  now: Date,
): Promise<{ code: string; message: Bi } | null> {
  if (p.umkm_status !== 'active')
    return { code: 'product_not_eligible', message: { id: 'Usaha tidak aktif.', en: 'The business is not active.' } };
  if (c.require_published && p.status !== 'published')
    return {
      code: 'product_not_published',
      message: { id: 'Terbitkan produk terlebih dahulu.', en: 'Publish the product first.' },
    };
  if ((c.food_only || c.rubric_for_food) && !p.is_food)
    return {
      code: 'product_not_eligible',
      message: { id: 'Panggilan ini khusus makanan dan minuman.', en: 'This call is for food and drink only.' },
    };
  if (c.category_codes.length && !c.category_codes.includes(p.category_code))
    return {
      code: 'product_not_eligible',
      message: {
        id: 'Kategori produk tidak termasuk kriteria panggilan.',
        en: "The product's category is not among the call's criteria.",
      },
    };
  return halalShortfall(db, c, p, now);
}

const OWN_PRODUCTS = `select p.id, p.name, p.umkm_id, u.name as umkm_name, u.status as umkm_status, p.category_code, pc.is_food, p.halal, p.status
  from product p join umkm u on u.id = p.umkm_id join product_category pc on pc.code = p.category_code`;

/** The caller's products, each with whether it may be submitted to the call and why not. */
export async function eligibleProducts(db: Queryable, actor: Actor, callId: number, now = new Date()) {
  const c = await callRow(db, actor, callId);
  const ownerId = actor.kind === 'account' ? (actor.ownerId ?? -1) : -1;
  const rows = await db.query<ProductRow & { submission_id: number | null }>(
    `select q.*, s.id as submission_id from (${OWN_PRODUCTS} where u.owner_id = $1 and p.status <> 'archived') q
       left join curation_submission s on s.product_id = q.id and s.call_id = $2
      order by q.umkm_id, q.name, q.id limit 500`,
    [ownerId, callId],
  );
  const closed = callClosedReason(c, now);
  const items = [];
  for (const p of rows) {
    const why = p.submission_id
      ? { id: 'Sudah diajukan ke panggilan ini.', en: 'Already submitted to this call.' }
      : (closed?.message ?? (await productReason(db, c, p, now))?.message ?? null);
    items.push({
      productId: p.id,
      name: p.name,
      umkmId: p.umkm_id,
      umkmName: p.umkm_name,
      categoryCode: p.category_code,
      status: p.status,
      eligible: why === null,
      reason: why,
      submissionId: p.submission_id,
    });
  }
  return { items };
}

function refuse(r: { code: string; message: Bi }, status: number): never {
  throw new AppError(
    status,
    r.code,
    r.message,
    status === 422 ? [{ field: 'body.productId', code: r.code, message: r.message }] : [],
  );
}

export async function submitProduct(
  tx: Tx,
  a: Acting,
  callId: number,
  input: { productId: number; notes?: string },
): Promise<StepOutcome> {
  const c = await callRow(tx, a.actor, callId);
  const [p] = await tx.query<ProductRow>(`${OWN_PRODUCTS} where p.id = $1 and u.owner_id = $2 for update of p`, [
    input.productId,
    a.actor.ownerId ?? -1,
  ]);
  if (!p) throw notFound({ id: 'Produk tidak ditemukan.', en: 'Product not found.' });
  const closed = callClosedReason(c, a.now);
  if (closed) refuse(closed, 409);
  const why = await productReason(tx, c, p, a.now);
  if (why) refuse(why, 422);
  const due = await dueOn(tx, 'verify', a.now);
  const [row] = await tx.query<{ id: number }>(
    `insert into curation_submission (call_id, product_id, umkm_id, status, round_started_at, step_started_at, due_on, created_at, updated_at)
     values ($1, $2, $3, 'submitted', $4, $4, $5, $4, $4) on conflict (call_id, product_id) do nothing returning id`,
    [callId, p.id, p.umkm_id, a.now, due],
  );
  if (!row)
    throw new AppError(409, 'already_submitted', {
      id: 'Produk ini sudah diajukan ke panggilan ini.',
      en: 'This product is already in this call.',
    });
  const s = await submissionRow(tx, a.actor, row.id, { roles: curationPolicy.submits });
  await recordStep(tx, a, s, 'submit', 'submitted', input.notes || null);
  await audit(tx, a.who, {
    action: 'curation.submit',
    entityType: 'curation_submission',
    entityId: s.id,
    umkmId: s.umkm_id,
    after: { callId, productId: p.id, round: 1, status: 'submitted', dueOn: due },
  });
  return { submissionId: s.id, notices: await announce(tx, s, { kind: 'submitted', due }) };
}

/** A returned or failed product, improved, goes round again from the pendamping's verification. */
export async function resubmit(
  tx: Tx,
  a: Acting,
  submissionId: number,
  input: { notes?: string },
): Promise<StepOutcome> {
  const s = await submissionRow(tx, a.actor, submissionId, { roles: curationPolicy.submits, lock: true });
  if (s.status !== 'returned' && s.status !== 'not_passed')
    throw new AppError(409, 'not_resubmittable', {
      id: 'Hanya pengajuan yang dikembalikan atau belum lolos yang dapat diajukan ulang.',
      en: 'Only a returned or failed submission can be resubmitted.',
    });
  const c = await callRow(tx, a.actor, s.call_id);
  const closed = callClosedReason(c, a.now);
  if (closed) refuse(closed, 409);
  const [p] = await tx.query<ProductRow>(`${OWN_PRODUCTS} where p.id = $1`, [s.product_id]);
  const why = await productReason(tx, c, p!, a.now);
  if (why) refuse(why, 422);
  const due = await dueOn(tx, 'verify', a.now);
  const round = s.round + 1;
  await tx.query(
    `update curation_submission set round = $2, status = 'submitted', round_started_at = $3, step_started_at = $3, due_on = $4,
            percent = null, grade = null, decided_at = null, updated_at = $3 where id = $1`,
    [s.id, round, a.now, due],
  );
  await recordStep(tx, a, { ...s, round }, 'submit', 'resubmitted', input.notes || null);
  await audit(tx, a.who, {
    action: 'curation.resubmit',
    entityType: 'curation_submission',
    entityId: s.id,
    umkmId: s.umkm_id,
    before: { round: s.round, status: s.status },
    after: { round, status: 'submitted', dueOn: due },
  });
  return { submissionId: s.id, notices: await announce(tx, s, { kind: 'resubmitted', due }) };
}
