import { z } from 'zod';
import { calendarDate, int8 } from '../../platform/http/input.ts';
import type { Bilingual } from '../../platform/http/problem.ts';

/** The 7P of Jakpreneur (Pergub DKI 2/2020): needs-based, so a member may skip a stage. */
export const STAGES: readonly { stage: number; code: string; label: Bilingual }[] = [
  { stage: 1, code: 'P1', label: { id: 'Pendaftaran', en: 'Registration' } },
  { stage: 2, code: 'P2', label: { id: 'Pelatihan', en: 'Training' } },
  { stage: 3, code: 'P3', label: { id: 'Pendampingan', en: 'Mentoring' } },
  { stage: 4, code: 'P4', label: { id: 'Perizinan', en: 'Permits' } },
  { stage: 5, code: 'P5', label: { id: 'Pemasaran', en: 'Marketing' } },
  { stage: 6, code: 'P6', label: { id: 'Pelaporan keuangan', en: 'Bookkeeping' } },
  { stage: 7, code: 'P7', label: { id: 'Permodalan', en: 'Capital' } },
];

const isoDate = calendarDate();
const text = (max: number) => z.string().trim().min(1).max(max);
const rupiah = int8(0, 1e15);

/**
 * What proves a stage was reached, one shape per stage (stored as jsonb). Each is small and structured so a
 * lender or a dashboard can read it without parsing prose.
 */
export const EVIDENCE = {
  1: z.strictObject({ channel: z.enum(['self', 'desk', 'import', 'seed']).optional(), note: text(500).optional() }),
  2: z.strictObject({
    trainings: z
      .array(z.strictObject({ title: text(200), organiser: text(200), date: isoDate }))
      .min(1)
      .max(50),
  }),
  3: z.strictObject({ sessions: z.number().int().min(1).max(1000), mentor: text(200).optional() }),
  4: z.strictObject({ permitNumbers: z.array(text(100)).min(1).max(20) }),
  5: z.strictObject({ firstSale: z.strictObject({ date: isoDate, amount: rupiah }), channel: text(100).optional() }),
  6: z.strictObject({ months: z.number().int().min(1).max(600) }),
  7: z.strictObject({ loan: z.strictObject({ lender: text(200), amount: rupiah.min(1), date: isoDate.optional() }) }),
} as const;

export type StageNo = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type Evidence = z.infer<(typeof EVIDENCE)[StageNo]>;

export const stageLabel = (stage: number): Bilingual =>
  STAGES[stage - 1]?.label ?? { id: `P${stage}`, en: `P${stage}` };
