// Zod schemas of the curation flow (panggilan kurasi → pengajuan → verifikasi → validasi → penilaian →
// sertifikat): requests and responses. The route list is in routes.ts, the roles in policy.ts.
import { z } from 'zod';
import { bigintIdParam, localDateTime } from '../platform/http/input.ts';

export const CHANNELS = ['e_order', 'jbl', 'mall'] as const;
export const CALL_STATUSES = ['draft', 'open', 'closed'] as const;
/** Where a submission stands: waiting for a step, sent back to the owner, or decided. */
export const SUBMISSION_STATUSES = ['submitted', 'verified', 'validated', 'returned', 'passed', 'not_passed'] as const;
/** The officer step a submission waits for: verify (pendamping), validate (kasatpel), score (kurator). */
export const STEPS = ['verify', 'validate', 'score'] as const;
export const GRADES = ['A', 'B', 'C'] as const;
/** A product's curation (view product_curation): its latest submission's state, or none; revoked: that pass's certificate was revoked. */
export const PRODUCT_CURATION_STATUSES = [
  'none',
  'submitted',
  'verified',
  'validated',
  'returned',
  'passed',
  'not_passed',
  'revoked',
] as const;

export type Channel = (typeof CHANNELS)[number];
export type CallStatus = (typeof CALL_STATUSES)[number];
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export type Step = (typeof STEPS)[number];

export const Bi = z.object({ id: z.string(), en: z.string() });
const BiIn = (max: number) =>
  z.strictObject({ id: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const id = bigintIdParam();
/** A WIB wall-clock time as a person types it: `2026-05-01T23:59` (stored as UTC). */
const wibDateTime = localDateTime();
const notes = z.string().trim().max(2000);

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

// ---- Calls (panggilan kurasi) ----

export const CallParams = z.strictObject({ callId: id });

const CallFields = {
  title: BiIn(200),
  description: BiIn(5000),
  criteria: BiIn(5000).describe('the criteria as text, shown to owners'),
  categoryCodes: z
    .array(z.string().regex(/^[a-z0-9-]{1,60}$/))
    .max(50)
    .describe('empty = every category'),
  foodOnly: z.boolean(),
  requirePublished: z.boolean(),
  requiresHalal: z
    .boolean()
    .describe(
      'only products labelled halal, whose business holds a valid halal certificate (WIB), may be submitted and pass',
    ),
  quota: z.number().int().min(1).max(100000).describe('how many products may pass'),
  deadlineWib: wibDateTime.describe('last moment to submit, WIB wall-clock time'),
  channel: z.enum(CHANNELS),
  rubricCode: z.string().min(1).max(60),
  kuratorIds: z.array(id).max(50).describe('accounts holding the kurator role'),
};
export const CallInput = z.strictObject({
  ...CallFields,
  categoryCodes: CallFields.categoryCodes.default([]),
  foodOnly: CallFields.foodOnly.default(false),
  requirePublished: CallFields.requirePublished.default(true),
  requiresHalal: CallFields.requiresHalal.default(false),
  kuratorIds: CallFields.kuratorIds.default([]),
});
export type CallInput = z.infer<typeof CallInput>;
// No defaults here: a field left out of an edit keeps its value (a default would reset it, e.g. the halal rule).
export const CallPatch = z.strictObject(CallFields).partial();
export type CallPatch = z.infer<typeof CallPatch>;

export const CallListQuery = z.strictObject({
  status: z
    .enum([...CALL_STATUSES, 'all'])
    .optional()
    .describe('default open; draft and all: platform_admin only'),
  assigned: z.enum(['me']).optional().describe('kurator: only the calls I am assigned to'),
});

export const Call = z.object({
  id: z.number().int(),
  title: Bi,
  description: Bi,
  criteria: Bi,
  categoryCodes: z.array(z.string()),
  foodOnly: z.boolean(),
  requirePublished: z.boolean(),
  requiresHalal: z.boolean().describe('products must be labelled halal with a valid halal certificate'),
  quota: z.number().int(),
  passedCount: z.number().int(),
  deadline: z.string().describe('ISO instant, UTC'),
  deadlineWib: z.string().describe('YYYY-MM-DDTHH:MM in WIB (for the edit form)'),
  deadlineText: Bi.describe('"28 Nov 2026 23.59 WIB"'),
  channel: z.enum(CHANNELS),
  channelLabel: Bi,
  rubric: z.object({ code: z.string(), name: Bi, forFood: z.boolean() }),
  status: z.enum(CALL_STATUSES),
  acceptingSubmissions: z.boolean().describe('open, before the deadline, quota not yet full'),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  kurators: z
    .array(z.object({ accountId: z.number().int(), displayName: z.string() }))
    .nullable()
    .describe('platform_admin and kurator only; null for others'),
  submissionCount: z.number().int().nullable().describe('platform_admin and kurator only'),
});
export type Call = z.infer<typeof Call>;
export const CallList = z.object({ items: z.array(Call) });

export const KuratorList = z.object({
  items: z.array(z.object({ accountId: z.number().int(), displayName: z.string() })),
});

/** The caller's products with whether each may be submitted to the call, and why not. */
export const EligibleProducts = z.object({
  items: z.array(
    z.object({
      productId: z.number().int(),
      name: z.string(),
      umkmId: z.number().int(),
      umkmName: z.string(),
      categoryCode: z.string(),
      status: z.string().describe('draft | published | archived'),
      eligible: z.boolean(),
      reason: Bi.nullable(),
      submissionId: z.number().int().nullable().describe('already in this call'),
    }),
  ),
});

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

// ---- Certificates (sertifikat) ----

export const CertificateParams = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9-]{6,40}$/) });
export const RevokeBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const PublicCertificate = z.object({
  code: z.string(),
  status: z.enum(['valid', 'revoked', 'unknown']),
  product: z.string().nullable(),
  business: z.string().nullable(),
  call: Bi.nullable(),
  channel: z.enum(CHANNELS).nullable(),
  channelLabel: Bi.nullable(),
  grade: z.enum(GRADES).nullable(),
  issuedOn: z.string().nullable().describe('YYYY-MM-DD, WIB'),
  issuedText: Bi.nullable(),
  revokedOn: z.string().nullable(),
});
export type PublicCertificate = z.infer<typeof PublicCertificate>;

// Types the web app reads (it imports server types only from a context's schema.ts).
export type { curationPolicy } from './policy.ts';
