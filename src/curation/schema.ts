// Zod schemas of the curation flow (panggilan kurasi → pengajuan → verifikasi → validasi → penilaian →
// sertifikat): requests and responses. The route list is in routes.ts, the roles in policy.ts.
import { z } from 'zod';
import { Bi, BiIn, CALL_STATUSES, CHANNELS, GRADES, id, wibDateTime } from './common-schema.ts';

export {
  Bi,
  CALL_STATUSES,
  type CallStatus,
  CHANNELS,
  type Channel,
  GRADES,
  PRODUCT_CURATION_STATUSES,
  STEPS,
  type Step,
  SUBMISSION_STATUSES,
  type SubmissionStatus,
} from './common-schema.ts';
export * from './submission-schema.ts';

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
