import { type Actor, auditActor } from '../../platform/auth/actor.ts';
import { allows } from '../../platform/auth/rules.ts';
import { audit } from '../../platform/audit.ts';
import type { Queryable, Tx } from '../../platform/db/types.ts';
import { fieldErrorsFromZod, notFound, validationFailed } from '../../platform/http/problem.ts';
import { formatDate, formatWib, localDate } from '../../platform/time.ts';
import { memberScope, registryPolicy } from '../policy.ts';
import { EVIDENCE, STAGES, type StageNo } from './stages.ts';

interface StageRow {
  stage: number;
  reached_on: string;
  evidence: Record<string, unknown>;
  recorded_by: number | null;
  recorder: string | null;
  recorded_at: Date;
}

const memberNotFound = () => notFound({ id: 'UMKM tidak ditemukan.', en: 'Member not found.' });

/** The member's 7P journey, every stage listed (reached or not), within the caller's scope. */
export async function readJourney(db: Queryable, actor: Actor, umkmId: number) {
  const scope = memberScope(actor, 2);
  const [m] = await db.query<{
    id: number;
    name: string;
    registered_at: Date;
    registration_channel: string;
    registered_by: number | null;
  }>(
    `select u.id, u.name, u.registered_at, u.registration_channel, u.registered_by from umkm u where u.id = $1 and ${scope.sql}`,
    [umkmId, ...scope.params],
  );
  if (!m) throw memberNotFound();
  const rows = await db.query<StageRow>(
    `select j.stage, j.reached_on, j.evidence, j.recorded_by, a.display_name as recorder, j.recorded_at
       from journey_stage j left join account a on a.id = j.recorded_by where j.umkm_id = $1 order by j.stage`,
    [umkmId],
  );
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  // Registration is P1 whether or not a row was written for it.
  if (!byStage.has(1))
    byStage.set(1, {
      stage: 1,
      reached_on: localDate(m.registered_at),
      evidence: { channel: m.registration_channel },
      recorded_by: m.registered_by,
      recorder: null,
      recorded_at: m.registered_at,
    });
  const stages = STAGES.map((s) => {
    const r = byStage.get(s.stage);
    return {
      stage: s.stage,
      code: s.code,
      label: s.label,
      reached: Boolean(r),
      reachedOn: r?.reached_on ?? null,
      reachedOnText: r ? { id: formatDate(r.reached_on, 'id'), en: formatDate(r.reached_on, 'en') } : null,
      evidence: r?.evidence ?? null,
      recordedBy: r
        ? r.recorded_by !== null
          ? { id: r.recorded_by, name: r.recorder ?? `#${r.recorded_by}` }
          : null
        : null,
      recordedAt: r?.recorded_at.toISOString() ?? null,
      recordedAtWib: r ? { id: formatWib(r.recorded_at, 'id'), en: formatWib(r.recorded_at, 'en') } : null,
    };
  });
  return {
    umkmId: m.id,
    name: m.name,
    reachedCount: stages.filter((s) => s.reached).length,
    canRecord: allows(actor, registryPolicy.recordsJourney),
    stages,
  };
}

export interface RecordStage {
  umkmId: number;
  stage: StageNo;
  reachedOn: string;
  evidence: unknown;
}

const invalid = validationFailed;

/**
 * Records that a member reached a stage, or corrects that record (date, evidence). The member must be in the
 * caller's scope; the change and its before/after are audited in the same transaction.
 */
export async function recordStage(tx: Tx, actor: Actor, role: string, requestId: string, input: RecordStage) {
  if (actor.kind !== 'account') throw new Error('recordStage needs an account');
  const parsed = EVIDENCE[input.stage].safeParse(input.evidence);
  if (!parsed.success) throw invalid(fieldErrorsFromZod(parsed.error.issues as never, 'body.evidence'));
  const today = localDate(new Date());
  if (input.reachedOn > today || input.reachedOn < '2000-01-01' || Number.isNaN(Date.parse(input.reachedOn)))
    throw invalid([
      {
        field: 'body.reachedOn',
        code: 'date_out_of_range',
        message: { id: 'Tanggal harus antara 2000 dan hari ini.', en: 'The date must lie between 2000 and today.' },
      },
    ]);
  const scope = memberScope(actor, 2);
  const [m] = await tx.query<{ id: number }>(`select u.id from umkm u where u.id = $1 and ${scope.sql} for update`, [
    input.umkmId,
    ...scope.params,
  ]);
  if (!m) throw memberNotFound();
  const [before] = await tx.query<{ reached_on: string; evidence: unknown; recorded_by: number | null }>(
    'select reached_on, evidence, recorded_by from journey_stage where umkm_id = $1 and stage = $2',
    [input.umkmId, input.stage],
  );
  await tx.query(
    `insert into journey_stage (umkm_id, stage, reached_on, evidence, recorded_by, recorded_at) values ($1, $2, $3, $4, $5, now())
     on conflict (umkm_id, stage) do update set reached_on = excluded.reached_on, evidence = excluded.evidence, recorded_by = excluded.recorded_by, recorded_at = now()`,
    [input.umkmId, input.stage, input.reachedOn, JSON.stringify(parsed.data), actor.accountId],
  );
  const after = { reached_on: input.reachedOn, evidence: parsed.data, recorded_by: actor.accountId };
  await audit(tx, auditActor(actor, role as never, requestId), {
    action: before ? 'journey.correct' : 'journey.record',
    entityType: 'journey_stage',
    entityId: `${input.umkmId}:P${input.stage}`,
    umkmId: input.umkmId,
    before: before ?? null,
    after,
  });
  return { created: !before };
}
