// Curation calls (panggilan kurasi) as read: the public list of open calls, one call, and how they are shown.
import type { Actor } from '../platform/auth/actor.ts';
import type { Queryable } from '../platform/db/types.ts';
import { AppError, notFound } from '../platform/http/problem.ts';
import { formatWib, localParts } from '../platform/time.ts';
import { allows } from '../platform/auth/rules.ts';
import { curationPolicy } from './policy.ts';
import type { Call, CallStatus, Channel } from './schema.ts';

export const CHANNEL_LABELS: Record<Channel, { id: string; en: string }> = {
  e_order: { id: 'e-Order (belanja pemerintah)', en: 'e-Order (government purchasing)' },
  jbl: { id: 'Jumat Beli Lokal', en: 'Jumat Beli Lokal (Buy Local Friday)' },
  mall: { id: 'UMKM Goes To Mall', en: 'UMKM Goes To Mall' },
};

export interface CallRow {
  id: number;
  title_id: string;
  title_en: string;
  description_id: string;
  description_en: string;
  criteria_id: string;
  criteria_en: string;
  category_codes: string[];
  food_only: boolean;
  require_published: boolean;
  requires_halal: boolean;
  quota: number;
  passed_count: number;
  deadline: Date;
  channel: Channel;
  rubric_code: string;
  status: CallStatus;
  published_at: Date | null;
  closed_at: Date | null;
  rubric_name_id: string;
  rubric_name_en: string;
  rubric_for_food: boolean;
}

export const CALL_SELECT = `select c.*, r.name_id as rubric_name_id, r.name_en as rubric_name_en, r.for_food as rubric_for_food
  from curation_call c join curation_rubric r on r.code = c.rubric_code`;

/** A deadline typed in WIB (`2026-05-20T23:59`) as an instant. */
export const wibInput = (local: string) => new Date(`${local}:00+07:00`);
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const accepting = (c: Pick<CallRow, 'status' | 'deadline' | 'passed_count' | 'quota'>, now: Date) =>
  c.status === 'open' && new Date(c.deadline) > now && c.passed_count < c.quota;

export async function presentCalls(db: Queryable, actor: Actor, rows: CallRow[], now = new Date()): Promise<Call[]> {
  const internals = allows(actor, curationPolicy.seesCallInternals);
  const ids = rows.map((r) => r.id);
  const kurators = internals
    ? await db.query<{ call_id: number; account_id: number; display_name: string }>(
        `select k.call_id, a.id as account_id, a.display_name from curation_call_kurator k join account a on a.id = k.account_id
          where k.call_id = any($1::int8[]) order by a.display_name, a.id`,
        [ids],
      )
    : [];
  const counts = internals
    ? await db.query<{ call_id: number; n: number }>(
        'select call_id, count(*)::int8 as n from curation_submission where call_id = any($1::int8[]) group by call_id',
        [ids],
      )
    : [];
  return rows.map((r) => {
    const deadline = new Date(r.deadline);
    const local = localParts(deadline);
    return {
      id: r.id,
      title: { id: r.title_id, en: r.title_en },
      description: { id: r.description_id, en: r.description_en },
      criteria: { id: r.criteria_id, en: r.criteria_en },
      categoryCodes: r.category_codes,
      foodOnly: r.food_only,
      requirePublished: r.require_published,
      requiresHalal: r.requires_halal,
      quota: r.quota,
      passedCount: r.passed_count,
      deadline: deadline.toISOString(),
      deadlineWib: `${local.date}T${local.time}`,
      deadlineText: { id: formatWib(deadline, 'id'), en: formatWib(deadline, 'en') },
      channel: r.channel,
      channelLabel: CHANNEL_LABELS[r.channel],
      rubric: { code: r.rubric_code, name: { id: r.rubric_name_id, en: r.rubric_name_en }, forFood: r.rubric_for_food },
      status: r.status,
      acceptingSubmissions: accepting(r, now),
      publishedAt: iso(r.published_at),
      closedAt: iso(r.closed_at),
      kurators: internals
        ? kurators
            .filter((k) => k.call_id === r.id)
            .map((k) => ({ accountId: k.account_id, displayName: k.display_name }))
        : null,
      submissionCount: internals ? (counts.find((c) => c.call_id === r.id)?.n ?? 0) : null,
    };
  });
}

/** Open calls for everyone; a status or `all` for the Dinas; a kurator may narrow to the calls assigned to them. */
export async function listCalls(
  db: Queryable,
  actor: Actor,
  q: { status?: CallStatus | 'all'; assigned?: 'me' },
): Promise<Call[]> {
  const status = q.status ?? 'open';
  if ((status === 'draft' || status === 'all') && !allows(actor, curationPolicy.managesCalls))
    throw new AppError(403, 'forbidden', {
      id: 'Hanya Dinas yang dapat melihat draf panggilan.',
      en: 'Only the Dinas can see draft calls.',
    });
  const mine = q.assigned === 'me' && actor.kind === 'account' ? actor.accountId : null;
  const rows = await db.query<CallRow>(
    `${CALL_SELECT}
      where ($1 = 'all' or c.status = $1)
        and ($2::int8 is null or exists (select 1 from curation_call_kurator k where k.call_id = c.id and k.account_id = $2))
      order by c.status = 'open' desc, c.deadline desc, c.id desc limit 200`,
    [status, mine],
  );
  return presentCalls(db, actor, rows);
}

/** One call; a draft is visible to the Dinas only (anyone else: not found). */
export async function callRow(db: Queryable, actor: Actor, callId: number, lock = false): Promise<CallRow> {
  const [row] = await db.query<CallRow>(`${CALL_SELECT} where c.id = $1 ${lock ? 'for update of c' : ''}`, [callId]);
  if (!row || (row.status === 'draft' && !allows(actor, curationPolicy.managesCalls)))
    throw notFound({ id: 'Panggilan kurasi tidak ditemukan.', en: 'Curation call not found.' });
  return row;
}

export async function getCall(db: Queryable, actor: Actor, callId: number): Promise<Call> {
  const [call] = await presentCalls(db, actor, [await callRow(db, actor, callId)]);
  return call!;
}

/** Accounts holding the kurator role, to assign to a call. */
export async function listKurators(db: Queryable) {
  const rows = await db.query<{ account_id: number; display_name: string }>(
    `select distinct a.id as account_id, a.display_name from account a join role_grant g on g.account_id = a.id
      where g.role = 'kurator' and a.status = 'active' order by a.display_name, a.id`,
  );
  return { items: rows.map((r) => ({ accountId: r.account_id, displayName: r.display_name })) };
}
