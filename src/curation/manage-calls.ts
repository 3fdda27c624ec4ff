// The Dinas creates, edits, publishes and closes curation calls. Each change is one transaction with its audit row.
import type { AuditActor } from '../platform/auth/actor.ts';
import { audit } from '../platform/audit.ts';
import type { Queryable, Tx } from '../platform/db/types.ts';
import { AppError, type FieldError, validationFailed } from '../platform/http/problem.ts';
import { type CallRow, callRow, wibInput } from './calls.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { rubric } from './rubrics.ts';
import type { CallInput, CallPatch } from './schema.ts';

const invalid = validationFailed;
const field = (name: string, code: string, id: string, en: string): FieldError => ({
  field: `body.${name}`,
  code,
  message: { id, en },
});

/** Checks what zod cannot: categories, rubric and kurators exist; a deadline still to come. */
async function check(tx: Queryable, input: CallPatch, now: Date): Promise<void> {
  const errors: FieldError[] = [];
  if (input.categoryCodes?.length) {
    const known = await tx.query<{ code: string }>('select code from product_category where code = any($1::text[])', [
      input.categoryCodes,
    ]);
    const unknown = input.categoryCodes.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length)
      errors.push(
        field(
          'categoryCodes',
          'unknown',
          `Kategori tidak dikenal: ${unknown.join(', ')}`,
          `Unknown categories: ${unknown.join(', ')}`,
        ),
      );
  }
  if (input.rubricCode !== undefined) await rubric(tx, input.rubricCode);
  if (input.kuratorIds?.length) {
    const ok = await tx.query<{ id: number }>(
      `select a.id from account a where a.id = any($1::int8[]) and a.status = 'active' and exists (select 1 from role_grant g where g.account_id = a.id and g.role = 'kurator')`,
      [input.kuratorIds],
    );
    if (ok.length !== new Set(input.kuratorIds).size)
      errors.push(
        field(
          'kuratorIds',
          'not_kurator',
          'Ada akun yang bukan kurator aktif.',
          'Some accounts are not active kurators.',
        ),
      );
  }
  if (input.deadlineWib !== undefined && wibInput(input.deadlineWib) <= now)
    errors.push(
      field(
        'deadlineWib',
        'deadline_in_past',
        'Batas waktu harus di masa depan.',
        'The deadline must be in the future.',
      ),
    );
  if (errors.length) throw invalid(errors);
}

async function setKurators(tx: Tx, callId: number, ids: number[]) {
  await tx.query('delete from curation_call_kurator where call_id = $1', [callId]);
  await tx.query(
    'insert into curation_call_kurator (call_id, account_id) select $1, unnest($2::int8[]) on conflict do nothing',
    [callId, ids],
  );
}

const auditView = (c: CallRow, kurators?: number[]) => ({
  status: c.status,
  title: c.title_id,
  quota: c.quota,
  deadline: new Date(c.deadline).toISOString(),
  channel: c.channel,
  rubric: c.rubric_code,
  requiresHalal: c.requires_halal,
  ...(kurators ? { kurators } : {}),
});

export async function createCall(tx: Tx, who: AuditActor, input: CallInput, now = new Date()): Promise<number> {
  await check(tx, input, now);
  const [row] = await tx.query<{ id: number }>(
    `insert into curation_call (title_id, title_en, description_id, description_en, criteria_id, criteria_en, category_codes, food_only,
       require_published, quota, deadline, channel, rubric_code, created_by, requires_halal)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
    [
      input.title.id,
      input.title.en,
      input.description.id,
      input.description.en,
      input.criteria.id,
      input.criteria.en,
      input.categoryCodes,
      input.foodOnly,
      input.requirePublished,
      input.quota,
      wibInput(input.deadlineWib),
      input.channel,
      input.rubricCode,
      who.accountId,
      input.requiresHalal,
    ],
  );
  const id = row!.id;
  await setKurators(tx, id, input.kuratorIds);
  await audit(tx, who, {
    action: 'curation.call_create',
    entityType: 'curation_call',
    entityId: id,
    after: { ...input, kuratorIds: input.kuratorIds },
  });
  return id;
}

const COLUMNS: Record<string, (v: never) => [string, unknown][]> = {
  title: (v: { id: string; en: string }) => [
    ['title_id', v.id],
    ['title_en', v.en],
  ],
  description: (v: { id: string; en: string }) => [
    ['description_id', v.id],
    ['description_en', v.en],
  ],
  criteria: (v: { id: string; en: string }) => [
    ['criteria_id', v.id],
    ['criteria_en', v.en],
  ],
  categoryCodes: (v: string[]) => [['category_codes', v]],
  foodOnly: (v: boolean) => [['food_only', v]],
  requirePublished: (v: boolean) => [['require_published', v]],
  requiresHalal: (v: boolean) => [['requires_halal', v]],
  quota: (v: number) => [['quota', v]],
  deadlineWib: (v: string) => [['deadline', wibInput(v)]],
  channel: (v: string) => [['channel', v]],
  rubricCode: (v: string) => [['rubric_code', v]],
};

/** Edits a draft or open call. Rubric and channel are fixed once a product has been submitted; the quota never drops below those passed. */
export async function updateCall(
  tx: Tx,
  who: AuditActor,
  actor: Actor,
  callId: number,
  patch: CallPatch,
  now = new Date(),
): Promise<void> {
  const before = await callRow(tx, actor, callId, true);
  if (before.status === 'closed')
    throw new AppError(409, 'call_closed', { id: 'Panggilan sudah ditutup.', en: 'The call is closed.' });
  await check(tx, patch, now);
  if (patch.quota !== undefined && patch.quota < before.passed_count)
    throw invalid([
      field(
        'quota',
        'below_passed',
        `Sudah ${before.passed_count} produk lolos.`,
        `${before.passed_count} products have already passed.`,
      ),
    ]);
  const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
    'select count(*)::int8 as n from curation_submission where call_id = $1',
    [callId],
  );
  if (
    n > 0 &&
    ((patch.rubricCode && patch.rubricCode !== before.rubric_code) ||
      (patch.channel && patch.channel !== before.channel))
  )
    throw new AppError(409, 'call_in_use', {
      id: 'Rubrik dan kanal tidak dapat diubah setelah ada pengajuan.',
      en: 'Rubric and channel cannot change once products have been submitted.',
    });
  const sets = Object.entries(patch).flatMap(([k, v]) =>
    k in COLUMNS && v !== undefined ? COLUMNS[k]!(v as never) : [],
  );
  if (sets.length)
    await tx.query(
      `update curation_call set ${sets.map(([c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`,
      [callId, ...sets.map(([, v]) => v)],
    );
  if (patch.kuratorIds) {
    if (before.status === 'open' && !patch.kuratorIds.length)
      throw invalid([
        field('kuratorIds', 'no_kurators', 'Panggilan terbuka perlu kurator.', 'An open call needs kurators.'),
      ]);
    await setKurators(tx, callId, patch.kuratorIds);
  }
  await audit(tx, who, {
    action: 'curation.call_update',
    entityType: 'curation_call',
    entityId: callId,
    before: auditView(before),
    after: patch,
  });
}

export async function publishCall(
  tx: Tx,
  who: AuditActor,
  actor: Actor,
  callId: number,
  now = new Date(),
): Promise<void> {
  const c = await callRow(tx, actor, callId, true);
  if (c.status !== 'draft')
    throw new AppError(409, 'call_not_draft', {
      id: 'Hanya draf yang dapat diterbitkan.',
      en: 'Only a draft can be published.',
    });
  if (new Date(c.deadline) <= now)
    throw new AppError(400, 'deadline_in_past', {
      id: 'Batas waktu sudah lewat; ubah dulu.',
      en: 'The deadline has passed; change it first.',
    });
  const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
    'select count(*)::int8 as n from curation_call_kurator where call_id = $1',
    [callId],
  );
  if (!n)
    throw new AppError(400, 'no_kurators', {
      id: 'Tetapkan minimal satu kurator.',
      en: 'Assign at least one kurator.',
    });
  await moveCall(
    tx,
    who,
    callId,
    { from: 'draft', to: 'open', stamp: 'published_at', action: 'curation.call_publish' },
    now,
  );
}

/** Closing stops new submissions; those already submitted are still taken to a result. */
export async function closeCall(
  tx: Tx,
  who: AuditActor,
  actor: Actor,
  callId: number,
  now = new Date(),
): Promise<void> {
  const c = await callRow(tx, actor, callId, true);
  if (c.status !== 'open')
    throw new AppError(409, 'call_not_open', { id: 'Panggilan tidak sedang terbuka.', en: 'The call is not open.' });
  await moveCall(
    tx,
    who,
    callId,
    { from: 'open', to: 'closed', stamp: 'closed_at', action: 'curation.call_close' },
    now,
  );
}

/** A call's status change (already checked by the caller), stamped, with its audit row in the same transaction. */
async function moveCall(
  tx: Tx,
  who: AuditActor,
  callId: number,
  m: { from: string; to: string; stamp: 'published_at' | 'closed_at'; action: string },
  now: Date,
): Promise<void> {
  await tx.query(`update curation_call set status = $3, ${m.stamp} = $2, updated_at = now() where id = $1`, [
    callId,
    now,
    m.to,
  ]);
  await audit(tx, who, {
    action: m.action,
    entityType: 'curation_call',
    entityId: callId,
    before: { status: m.from },
    after: { status: m.to },
  });
}
