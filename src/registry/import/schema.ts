import { z } from 'zod';

const Bi = z.object({ id: z.string(), en: z.string() });

export const JobOut = z.object({
  id: z.number().int(),
  fileName: z.string(),
  fileKind: z.enum(['csv', 'xlsx']),
  fosteringAgency: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  status: z
    .enum(['staged', 'checked', 'importing', 'imported', 'failed', 'reverting', 'reverted'])
    .describe('staged = being checked; checked = dry run done'),
  phase: z
    .enum(['checking', 'has_errors', 'ready', 'importing', 'imported', 'failed', 'reverting', 'reverted'])
    .describe('what a UI shows: status and rowsBad combined'),
  rowsTotal: z.number().int(),
  rowsBad: z.number().int(),
  rowsDone: z.number().int().describe('rows checked (while checking) or imported (while importing): the progress bar'),
  rowsNew: z.number().int(),
  rowsLinked: z
    .number()
    .int()
    .describe('existing members (same NIK or NIB) that got the chosen pengampu as another fostering link'),
  rowsUnchanged: z.number().int().describe('after import: rows whose member already had this pengampu'),
  progress: z.number().describe('0..1 for the current phase'),
  canImport: z.boolean(),
  canRevert: z.boolean().describe('POST …/revert removes what this job has imported so far'),
  preview: z
    .object({ create: z.number().int(), link: z.number().int(), unchanged: z.number().int() })
    .nullable()
    .describe('what an import would do (checked, clean files)'),
  message: z.object({ code: z.string(), id: z.string(), en: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobOut = z.infer<typeof JobOut>;

export const RowErrorOut = z.object({ row: z.number().int(), column: z.string(), code: z.string(), message: Bi });

export const jobParam = z.strictObject({
  jobId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});
