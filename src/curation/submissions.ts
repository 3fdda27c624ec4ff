// Submissions as read: one with its history, result and certificate; lists, worklists and the overdue list,
// each within the caller's scope (policy.ts).
import type { Actor } from '../platform/auth/actor.ts';
import type { Role } from '../platform/auth/roles.ts';
import type { Queryable } from '../platform/db/types.ts';
import { notFound } from '../platform/http/problem.ts';
import { formatDate, localDate } from '../platform/time.ts';
import { accepting } from './calls.ts';
import { curationPolicy, submissionScope } from './policy.ts';
import { type Rubric, rubric, weightedPercent } from './rubrics.ts';
import type { Step, Submission, SubmissionStatus, SubmissionSummary } from './schema.ts';
import { dueAt, overdueCounter } from './sla.ts';

export const STATUS_LABELS: Record<SubmissionStatus, { id: string; en: string }> = {
  submitted: { id: 'Menunggu verifikasi pendamping', en: "Awaiting the pendamping's verification" },
  verified: { id: 'Menunggu validasi kasatpel', en: "Awaiting the kasatpel's validation" },
  validated: { id: 'Menunggu penilaian kurator', en: "Awaiting the kurator's scoring" },
  returned: { id: 'Dikembalikan untuk perbaikan', en: 'Returned for improvement' },
  passed: { id: 'Lolos kurasi', en: 'Passed curation' },
  not_passed: { id: 'Belum lolos kurasi', en: 'Not passed' },
};

/** A submission's state (view curation_submission_state): its status, or revoked for a pass whose certificate was revoked. */
export type SubmissionState = SubmissionStatus | 'revoked';
export const STATE_LABELS: Record<SubmissionState, { id: string; en: string }> = {
  ...STATUS_LABELS,
  revoked: { id: 'Sertifikat kurasi dicabut', en: 'Curation certificate revoked' },
};

/** The officer step a status waits for. */
export const STEP_OF: Partial<Record<SubmissionStatus, Step>> = {
  submitted: 'verify',
  verified: 'validate',
  validated: 'score',
};
/** Who takes each step. */
export const ROLE_OF: Record<Step, Role> = { verify: 'pendamping', validate: 'kasatpel', score: 'kurator' };

export interface SubmissionRow {
  id: number;
  call_id: number;
  product_id: number;
  umkm_id: number;
  round: number;
  status: SubmissionStatus;
  state: SubmissionState;
  round_started_at: Date;
  step_started_at: Date;
  due_on: string | null;
  percent: string | null;
  grade: 'A' | 'B' | 'C' | null;
  decided_at: Date | null;
  updated_at: Date;
  call_title_id: string;
  call_title_en: string;
  channel: 'e_order' | 'jbl' | 'mall';
  rubric_code: string;
  requires_halal: boolean;
  halal: boolean;
  call_status: 'draft' | 'open' | 'closed';
  call_deadline: Date;
  quota: number;
  passed_count: number;
  product_name: string;
  category_code: string;
  category_name_id: string;
  category_name_en: string;
  is_food: boolean;
  umkm_name: string;
  owner_id: number;
  district_code: string;
  district_name: string;
}

/** A submission with what every view shows of it; `s` and `u` are the aliases submissionScope expects. */
export const SUBMISSION_FROM = `
  from curation_submission s
  join curation_submission_state st on st.submission_id = s.id
  join curation_call c on c.id = s.call_id
  join product p on p.id = s.product_id
  join product_category pc on pc.code = p.category_code
  join umkm u on u.id = s.umkm_id
  join region v on v.code = u.village_code
  join region d on d.code = v.parent_code`;
export const SUBMISSION_COLUMNS = `s.*, st.state, c.title_id as call_title_id, c.title_en as call_title_en, c.channel, c.rubric_code, c.requires_halal, p.halal, c.status as call_status,
  c.deadline as call_deadline, c.quota, c.passed_count, p.name as product_name, p.category_code, pc.name_id as category_name_id,
  pc.name_en as category_name_en, pc.is_food, u.name as umkm_name, u.owner_id, d.code as district_code, d.name as district_name`;

export async function presentSummaries(
  db: Queryable,
  rows: SubmissionRow[],
  now = new Date(),
): Promise<SubmissionSummary[]> {
  const overdue = await overdueCounter(
    db,
    rows.map((r) => r.due_on),
    now,
  );
  return rows.map((r) => ({
    id: r.id,
    round: r.round,
    status: r.status,
    statusLabel: STATE_LABELS[r.state], // the same words as the product's pages (product-curation.ts)
    step: STEP_OF[r.status] ?? null,
    dueAt: r.due_on ? dueAt(r.due_on).toISOString() : null,
    dueDate: r.due_on,
    dueText: r.due_on ? { id: formatDate(r.due_on, 'id'), en: formatDate(r.due_on, 'en') } : null,
    overdueDays: overdue(r.due_on),
    call: { id: r.call_id, title: { id: r.call_title_id, en: r.call_title_en }, channel: r.channel },
    product: {
      id: r.product_id,
      name: r.product_name,
      categoryCode: r.category_code,
      categoryName: { id: r.category_name_id, en: r.category_name_en },
      food: r.is_food,
    },
    umkm: { id: r.umkm_id, name: r.umkm_name, district: { code: r.district_code, name: r.district_name } },
    submittedAt: new Date(r.round_started_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    grade: r.grade,
  }));
}

/** One submission within the caller's scope (in the given roles), optionally locked for a step; else not found. */
export async function submissionRow(
  db: Queryable,
  actor: Actor,
  id: number,
  opts: { roles?: readonly Role[]; lock?: boolean } = {},
): Promise<SubmissionRow> {
  const scope = submissionScope(actor, 2, opts.roles);
  const [row] = await db.query<SubmissionRow>(
    `select ${SUBMISSION_COLUMNS} ${SUBMISSION_FROM} where s.id = $1 and ${scope.sql} ${opts.lock ? 'for update of s' : ''}`,
    [id, ...scope.params],
  );
  if (!row) throw notFound({ id: 'Pengajuan kurasi tidak ditemukan.', en: 'Curation submission not found.' });
  return row;
}

async function inScope(db: Queryable, actor: Actor, id: number, roles: readonly Role[]): Promise<boolean> {
  const scope = submissionScope(actor, 2, roles);
  return (
    (await db.query(`select 1 ${SUBMISSION_FROM} where s.id = $1 and ${scope.sql}`, [id, ...scope.params])).length > 0
  );
}

async function latestResult(db: Queryable, r: SubmissionRow, rb: Rubric): Promise<Submission['result']> {
  const [step] = await db.query<{ id: number; decision: string; notes: string | null; actor_name: string; at: Date }>(
    `select id, decision, notes, actor_name, at from curation_step where submission_id = $1 and step = 'score' order by id desc limit 1`,
    [r.id],
  );
  if (!step) return null;
  const scores = await db.query<{ criterion: string; score: number; weight: string; notes: string | null }>(
    'select criterion, score, weight, notes from curation_score where step_id = $1',
    [step.id],
  );
  const weights = new Map(scores.map((sc) => [sc.criterion, Number(sc.weight)]));
  const percent = weightedPercent(scores.map((sc) => ({ score: sc.score, weight: weights.get(sc.criterion)! })));
  const order = new Map(rb.criteria.map((c, i) => [c.code, i]));
  return {
    passed: step.decision === 'passed',
    grade: step.decision === 'passed' ? r.grade : null,
    percent,
    scores: scores
      .sort((a, b) => (order.get(a.criterion) ?? 99) - (order.get(b.criterion) ?? 99))
      .map((s) => ({
        criterion: s.criterion,
        name: rb.criteria.find((c) => c.code === s.criterion)?.name ?? { id: s.criterion, en: s.criterion },
        weight: Number(s.weight),
        score: s.score,
        notes: s.notes,
      })),
    notes: step.notes,
    kuratorName: step.actor_name,
    scoredAt: new Date(step.at).toISOString(),
  };
}

/** The whole submission: summary, rubric, latest result, certificate, every round's history, and what the caller may do. */
export async function getSubmission(db: Queryable, actor: Actor, id: number, now = new Date()): Promise<Submission> {
  const r = await submissionRow(db, actor, id);
  const [summary] = await presentSummaries(db, [r], now);
  const rb = await rubric(db, r.rubric_code);
  const history = await db.query<{
    round: number;
    step: Submission['history'][number]['step'];
    decision: Submission['history'][number]['decision'];
    actor_role: string;
    actor_name: string;
    notes: string | null;
    at: Date;
  }>(
    'select round, step, decision, actor_role, actor_name, notes, at from curation_step where submission_id = $1 order by id',
    [id],
  );
  const [cert] = await db.query<{ code: string; revoked_at: Date | null; issued_at: Date }>(
    'select code, revoked_at, issued_at from curation_certificate where submission_id = $1',
    [id],
  );
  const step = STEP_OF[r.status];
  const canStep = async (s: Step) => step === s && (await inScope(db, actor, id, [ROLE_OF[s]]));
  return {
    ...summary!,
    rubric: rb,
    result: await latestResult(db, r, rb),
    certificate: cert
      ? {
          code: cert.code,
          revoked: cert.revoked_at !== null,
          issuedAt: new Date(cert.issued_at).toISOString(),
          pdfUrl: `/api/curation/certificates/${cert.code}/pdf`,
          verifyPath: `/verifikasi/${cert.code}`,
        }
      : null,
    history: history.map((h) => ({
      round: h.round,
      step: h.step,
      decision: h.decision,
      role: h.actor_role,
      actorName: h.actor_name,
      notes: h.notes,
      at: new Date(h.at).toISOString(),
    })),
    abilities: {
      verify: await canStep('verify'),
      validate: await canStep('validate'),
      score: await canStep('score'),
      resubmit:
        (r.status === 'returned' || r.status === 'not_passed') &&
        accepting(
          { status: r.call_status, deadline: r.call_deadline, passed_count: r.passed_count, quota: r.quota },
          now,
        ) &&
        (await inScope(db, actor, id, curationPolicy.submits)),
    },
  };
}

/** Newest first, keyset by id. */
export async function listSubmissions(
  db: Queryable,
  actor: Actor,
  q: { status?: SubmissionStatus; callId?: number; limit: number; cursor?: string },
) {
  const before = q.cursor && /^\d{1,18}$/.test(q.cursor) ? Number(q.cursor) : null;
  const scope = submissionScope(actor, 5);
  const rows = await db.query<SubmissionRow>(
    `select ${SUBMISSION_COLUMNS} ${SUBMISSION_FROM}
      where ($1::text is null or s.status = $1) and ($2::int8 is null or s.call_id = $2) and ($3::int8 is null or s.id < $3) and ${scope.sql}
      order by s.id desc limit $4`,
    [q.status ?? null, q.callId ?? null, before, q.limit + 1, ...scope.params],
  );
  const page = rows.slice(0, q.limit);
  return {
    items: await presentSummaries(db, page),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/** What waits for the caller's own step (pendamping: to verify; kasatpel: to validate; kurator: to score), soonest due first. */
export async function myQueue(db: Queryable, actor: Actor, limit: number) {
  const parts: string[] = [];
  const params: unknown[] = [limit];
  for (const [status, step] of Object.entries(STEP_OF) as [SubmissionStatus, Step][]) {
    const scope = submissionScope(actor, params.length + 2, [ROLE_OF[step]]);
    if (scope.sql === 'false') continue;
    params.push(status, ...scope.params);
    parts.push(`(s.status = $${params.length - scope.params.length} and ${scope.sql})`);
  }
  if (!parts.length) return { items: [] };
  const rows = await db.query<SubmissionRow>(
    `select ${SUBMISSION_COLUMNS} ${SUBMISSION_FROM} where ${parts.join(' or ')} order by s.due_on, s.id limit $1`,
    params,
  );
  return { items: await presentSummaries(db, rows) };
}

/** Submissions past their step's due date (in working days), within the caller's officer or Dinas scope; most overdue first. */
export async function overdueList(db: Queryable, actor: Actor, now = new Date()) {
  const today = localDate(now);
  const scope = submissionScope(actor, 2, curationPolicy.watchesOverdue);
  const rows = await db.query<SubmissionRow>(
    `select ${SUBMISSION_COLUMNS} ${SUBMISSION_FROM} where s.due_on < $1::date and ${scope.sql} order by s.due_on, s.id limit 500`,
    [today, ...scope.params],
  );
  const items = (await presentSummaries(db, rows, now))
    .filter((i) => i.overdueDays > 0)
    .sort((a, b) => b.overdueDays - a.overdueDays || a.id - b.id);
  return { today, items };
}
