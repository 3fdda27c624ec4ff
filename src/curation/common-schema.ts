// What the curation schemas share: the status and step vocabularies, and the field shapes used across requests.
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
export const BiIn = (max: number) =>
  z.strictObject({ id: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
export const id = bigintIdParam();
/** A WIB wall-clock time as a person types it: `2026-05-01T23:59` (stored as UTC). */
export const wibDateTime = localDateTime();
export const notes = z.string().trim().max(2000);
