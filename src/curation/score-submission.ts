// The kurator assigned to the call scores every rubric criterion; the weighted result passes (with a grade where
// the rubric has grades) or not. A pass takes one place of the call's quota, issues the certificate and makes the
// product curated for the call's channel. A call that requires halal passes no product that is not, at the moment
// of scoring, labelled halal with a valid halal certificate: the result is "not passed", with the reason in the notes.
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError, type FieldError } from '../platform/http/problem.ts';
import { issueCertificate } from './certificates.ts';
import { curationPolicy } from './policy.ts';
import { announce } from './events.ts';
import { halalShortfall } from './halal-rule.ts';
import { wrongStep } from './review-submission.ts';
import { rubric, scoreResult } from './rubrics.ts';
import { type Acting, recordStep, refreshProductCuration, type StepOutcome } from './steps.ts';
import { submissionRow } from './submissions.ts';

export interface ScoreInput {
  scores: { criterion: string; score: number; notes?: string }[];
  notes?: string;
}

export async function scoreSubmission(
  tx: Tx,
  a: Acting,
  submissionId: number,
  input: ScoreInput,
): Promise<StepOutcome> {
  // A kurator not assigned to the call does not find the submission (404), as a pendamping outside the kecamatan.
  const s = await submissionRow(tx, a.actor, submissionId, { roles: curationPolicy.scores, lock: true });
  if (s.status !== 'validated') throw wrongStep(s.status);
  const rb = await rubric(tx, s.rubric_code);
  const given = new Map<string, number>();
  const errors: FieldError[] = [];
  input.scores.forEach((x, i) => {
    if (!rb.criteria.some((c) => c.code === x.criterion))
      errors.push({
        field: `body.scores.${i}.criterion`,
        code: 'unknown_criterion',
        message: { id: 'Kriteria tidak ada di rubrik.', en: 'Not a criterion of the rubric.' },
      });
    else if (given.has(x.criterion))
      errors.push({
        field: `body.scores.${i}.criterion`,
        code: 'duplicate',
        message: { id: 'Kriteria dinilai dua kali.', en: 'Criterion scored twice.' },
      });
    given.set(x.criterion, x.score);
  });
  const missing = rb.criteria.filter((c) => !given.has(c.code));
  if (missing.length)
    errors.push({
      field: 'body.scores',
      code: 'scores_incomplete',
      message: {
        id: `Belum dinilai: ${missing.map((c) => c.name.id).join(', ')}.`,
        en: `Not scored yet: ${missing.map((c) => c.name.en).join(', ')}.`,
      },
    });
  if (errors.length)
    throw new AppError(
      400,
      missing.length ? 'scores_incomplete' : 'validation_failed',
      { id: 'Nilai setiap kriteria rubrik sekali.', en: 'Score every rubric criterion once.' },
      errors,
    );

  const scored = scoreResult(rb, given);
  const halal = scored.passed ? await halalShortfall(tx, s, { umkm_id: s.umkm_id, halal: s.halal }, a.now) : null;
  const result = halal ? { ...scored, passed: false, grade: null } : scored;
  if (result.passed) {
    // The quota, atomically: the call row is updated only while a place is left.
    const took = await tx.query(
      'update curation_call set passed_count = passed_count + 1 where id = $1 and passed_count < quota returning 1',
      [s.call_id],
    );
    if (!took.length)
      throw new AppError(409, 'quota_full', {
        id: 'Kuota panggilan ini sudah penuh: tidak ada produk lagi yang dapat lolos.',
        en: "This call's quota is full: no more products can pass.",
      });
  }
  const givenNotes = input.notes?.trim() || null;
  const notes = halal
    ? [`${halal.message.id} / ${halal.message.en}`, givenNotes].filter(Boolean).join('\n\n').slice(0, 2000)
    : givenNotes;
  const decision = result.passed ? 'passed' : 'not_passed';
  const stepId = await recordStep(tx, a, s, 'score', decision, notes);
  await tx.query(
    `insert into curation_score (step_id, submission_id, umkm_id, criterion, score, weight, notes)
     select $1, $2, $3, c, sc, w, nullif(n, '') from unnest($4::text[], $5::int2[], $6::numeric[], $7::text[]) as x(c, sc, w, n)`,
    [
      stepId,
      s.id,
      s.umkm_id,
      rb.criteria.map((c) => c.code),
      rb.criteria.map((c) => given.get(c.code)),
      rb.criteria.map((c) => c.weight),
      rb.criteria.map((c) => input.scores.find((x) => x.criterion === c.code)?.notes?.trim() ?? ''),
    ],
  );
  await tx.query(
    `update curation_submission set status = $2, due_on = null, percent = $3, grade = $4, decided_at = $5, step_started_at = $5, updated_at = $5 where id = $1`,
    [s.id, decision, result.percent, result.grade, a.now],
  );
  let code: string | null = null;
  if (result.passed) {
    code = await issueCertificate(tx, s, rb, given, result, a.now);
    await refreshProductCuration(tx, s.product_id);
  }
  await audit(tx, a.who, {
    action: 'curation.score',
    entityType: 'curation_submission',
    entityId: s.id,
    umkmId: s.umkm_id,
    before: { status: s.status, round: s.round },
    after: {
      status: decision,
      ...(halal ? { refusedFor: halal.code } : {}),
      percent: result.percent,
      grade: result.grade,
      scores: Object.fromEntries(given),
      certificate: code,
    },
  });
  const notices = await announce(
    tx,
    s,
    result.passed
      ? { kind: 'passed', grade: result.grade, percent: result.percent, code: code! }
      : { kind: 'not_passed', percent: result.percent },
  );
  return { submissionId: s.id, notices };
}
