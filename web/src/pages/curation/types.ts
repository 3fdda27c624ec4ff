// The curation API's answers as the pages read them: types only, inferred from the server's zod schemas (no zod
// code reaches the browser).
import type { z } from 'zod';
import type * as N from '../../../../src/notifications/schema.ts';
import type * as S from '../../../../src/curation/schema.ts';

export type Call = z.infer<typeof S.Call>;
export type Rubric = z.infer<typeof S.Rubric>;
export type SubmissionSummary = z.infer<typeof S.SubmissionSummary>;
export type Submission = z.infer<typeof S.Submission>;
export type StepResult = z.infer<typeof S.StepResult>;
export type WhatsappLink = z.infer<typeof S.WhatsappLink>;
export type EligibleProduct = z.infer<typeof S.EligibleProducts>['items'][number];
export type PublicCertificate = z.infer<typeof S.PublicCertificate>;
export type CallInput = z.input<typeof S.CallInput>;
export type Notification = z.infer<typeof N.Notification>;
export type NotificationList = z.infer<typeof N.NotificationList>;
export type Channel = S.Channel;
export type Step = S.Step;
export type SubmissionStatus = S.SubmissionStatus;
