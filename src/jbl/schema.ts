// Zod schemas of Jumat Beli Lokal editions: requests and responses. Routes in routes.ts, roles in policy.ts.
import { z } from 'zod';
import { bigintIdParam, calendarDate, int4 } from '../platform/http/input.ts';

export const EDITION_STATUSES = ['planned', 'open', 'live', 'closed', 'skipped'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];
/** The transitions an admin makes on an edition (a holiday decision is the other way to change one). */
export const EDITION_TRANSITIONS = ['open', 'live', 'close'] as const;
export type EditionTransition = (typeof EDITION_TRANSITIONS)[number];

const Bi = z.object({ id: z.string(), en: z.string() });
const kotaCode = z.string().regex(/^\d{4}$/, 'a kota code (4 digits)');

export const EditionParams = z.strictObject({ editionId: bigintIdParam() });

export const EditionListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(EDITION_STATUSES).optional(),
});
export type EditionListQuery = z.infer<typeof EditionListQuery>;

export const EditionYearInput = z.strictObject({
  year: int4(2000, 2100),
  hostRotation: z
    .array(kotaCode)
    .min(1)
    .max(20)
    .optional()
    .describe('kota codes in turn; default: the setting jbl.host_rotation (add Kepulauan Seribu here to include it)'),
  firstHost: kotaCode
    .optional()
    .describe('the host of the first new edition; default: the one after the last edition before it'),
});
export type EditionYearInput = z.infer<typeof EditionYearInput>;

export const EditionDecisionInput = z.strictObject({
  decision: z.enum(['skip', 'move']),
  movedTo: calendarDate().optional().describe('the day the edition is held instead (decision move), YYYY-MM-DD'),
  reason: z.string().trim().min(5).max(1000),
});
export type EditionDecisionInput = z.infer<typeof EditionDecisionInput>;

export const Edition = z.object({
  id: z.number().int(),
  friday: z.string(),
  heldOn: z.string(),
  host: z.object({ code: z.string(), name: z.string() }),
  status: z.enum(EDITION_STATUSES),
  preorderOpensAt: z.string().describe('ISO instant (UTC)'),
  preorderClosesAt: z.string(),
  liveStartsAt: z.string(),
  liveEndsAt: z.string(),
  wib: z.object({ preorderOpens: Bi, preorderCloses: Bi, liveSession: Bi }).describe('the same, as read in WIB'),
  holiday: z.string().nullable().describe('the holiday calendar name of the Friday, when it is one'),
  decision: z.object({ kind: z.enum(['skip', 'move']), reason: z.string(), decidedAt: z.string() }).nullable(),
  needsDecision: z.boolean().describe('a holiday Friday still planned without a decision'),
});
export type Edition = z.infer<typeof Edition>;

export const EditionList = z.object({ items: z.array(Edition) });
export type EditionList = z.infer<typeof EditionList>;
export const EditionYearResult = z.object({ created: z.number().int(), items: z.array(Edition) });
export type EditionYearResult = z.infer<typeof EditionYearResult>;
