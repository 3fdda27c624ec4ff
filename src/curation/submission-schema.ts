// Zod schemas of a submission (pengajuan) as it goes through verify, validate and score, the rubrics it is scored
// against, and the officers' worklists. Re-exported by schema.ts (the web app imports from there).
import { z } from 'zod';
import { Bi, CHANNELS, GRADES, id, notes, STEPS, SUBMISSION_STATUSES } from './common-schema.ts';

// ---- Rubrics (data, seeded by db/migrations/0023_curation.sql) ----

export const Rubric = z.object({
  code: z.string(),
  name: Bi,
  forFood: z.boolean(),
  passPercent: z.number().describe('the lowest weighted percentage that passes'),
  criteria: z.array(
    z.object({
      code: z.string(),
      name: Bi,
      weight: z.number(),
      minScore: z.number().int(),
      maxScore: z.number().int(),
    }),
  ),
  grades: z
    .array(z.object({ grade: z.enum(GRADES), minPercent: z.number() }))
    .describe('empty: pass/fail only, no grade'),
});
export const RubricList = z.object({ items: z.array(Rubric) });

// ---- Submissions (pengajuan) ----

export const SubmissionParams = z.strictObject({ submissionId: id });
export const SubmitBody = z.strictObject({ productId: id, notes: notes.optional() });
export const ResubmitBody = z.strictObject({ notes: notes.optional() });
export const VerifyBody = z.strictObject({
  decision: z.enum(['verify', 'return']),
  notes: notes.optional().describe('required when returning'),
});
export const ValidateBody = z.strictObject({
  decision: z.enum(['validate', 'return']),
  notes: notes.optional().describe('required when returning'),
});
export const ScoreBody = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterion: z.string().min(1).max(60),
        score: z.number().int().min(1).max(5),
        notes: notes.optional(),
      }),
    )
    .min(1)
    .max(20),
  notes: notes.optional().describe('overall notes to the owner'),
});

export const SubmissionListQuery = z.strictObject({
  status: z.enum(SUBMISSION_STATUSES).optional(),
  callId: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(100).optional(),
});

const Due = {
  step: z.enum(STEPS).nullable().describe('the step it waits for; null when returned or decided'),
  dueAt: z.string().nullable().describe('ISO instant: end of the due working day, WIB'),
  dueDate: z.string().nullable().describe('YYYY-MM-DD in WIB'),
  dueText: Bi.nullable(),
  overdueDays: z.number().int().describe('working days past due; 0 when on time'),
};

export const SubmissionSummary = z.object({
  id: z.number().int(),
  round: z.number().int(),
  status: z.enum(SUBMISSION_STATUSES),
  statusLabel: Bi,
  ...Due,
  call: z.object({ id: z.number().int(), title: Bi, channel: z.enum(CHANNELS) }),
  product: z.object({
    id: z.number().int(),
    name: z.string(),
    categoryCode: z.string(),
    categoryName: Bi,
    food: z.boolean(),
  }),
  umkm: z.object({
    id: z.number().int(),
    name: z.string(),
    district: z.object({ code: z.string(), name: z.string() }),
  }),
  submittedAt: z.string().describe('this round'),
  updatedAt: z.string(),
  grade: z.enum(GRADES).nullable(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;
export const SubmissionList = z.object({ items: z.array(SubmissionSummary), nextCursor: z.string().nullable() });

export const HistoryEntry = z.object({
  round: z.number().int(),
  step: z.enum(['submit', 'verify', 'validate', 'score']),
  decision: z.enum(['submitted', 'resubmitted', 'verified', 'validated', 'returned', 'passed', 'not_passed']),
  role: z.string(),
  actorName: z.string(),
  notes: z.string().nullable(),
  at: z.string(),
});

export const Result = z.object({
  passed: z.boolean(),
  grade: z.enum(GRADES).nullable(),
  percent: z.number(),
  scores: z.array(
    z.object({
      criterion: z.string(),
      name: Bi,
      weight: z.number(),
      score: z.number().int(),
      notes: z.string().nullable(),
    }),
  ),
  notes: z.string().nullable(),
  kuratorName: z.string(),
  scoredAt: z.string(),
});

export const CertificateRef = z.object({
  code: z.string(),
  revoked: z.boolean(),
  issuedAt: z.string(),
  pdfUrl: z.string().describe('/api/curation/certificates/:code/pdf'),
  verifyPath: z.string().describe('/verifikasi/:code (web page)'),
});

export const Submission = SubmissionSummary.extend({
  rubric: Rubric,
  result: Result.nullable().describe('the latest scoring (of this round when decided)'),
  certificate: CertificateRef.nullable(),
  history: z.array(HistoryEntry).describe('every round, oldest first'),
  /** What the caller may do now (the web shows buttons from this; the server checks again). */
  abilities: z.object({ verify: z.boolean(), validate: z.boolean(), score: z.boolean(), resubmit: z.boolean() }),
});
export type Submission = z.infer<typeof Submission>;

/** A wa.me link the acting person may open to tell a recipient (the platform has no WhatsApp API). */
export const WhatsappLink = z.object({
  recipient: z.string().describe('display name of the recipient'),
  role: z.string(),
  url: z.string().describe('https://wa.me/<digits>?text=… when we hold their phone, else https://wa.me/?text=…'),
});
export const StepResult = z.object({ submission: Submission, whatsapp: z.array(WhatsappLink) });

// ---- Worklists ----

export const QueueQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const Queue = z.object({ items: z.array(SubmissionSummary) });
export const OverdueList = z.object({ today: z.string().describe('WIB date'), items: z.array(SubmissionSummary) });
