// Rubrics are data (curation_rubric*); this reads them and turns a kurator's scores into a result.
import type { Queryable } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';

export interface Criterion {
  code: string;
  name: { id: string; en: string };
  weight: number;
  minScore: number;
  maxScore: number;
}
export interface Rubric {
  code: string;
  name: { id: string; en: string };
  forFood: boolean;
  passPercent: number;
  criteria: Criterion[];
  grades: { grade: 'A' | 'B' | 'C'; minPercent: number }[];
}

export async function listRubrics(db: Queryable, code?: string): Promise<Rubric[]> {
  const rubrics = await db.query<{
    code: string;
    name_id: string;
    name_en: string;
    for_food: boolean;
    pass_percent: string;
  }>('select * from curation_rubric where $1::text is null or code = $1 order by code', [code ?? null]);
  const criteria = await db.query<{
    rubric_code: string;
    code: string;
    name_id: string;
    name_en: string;
    weight: string;
  }>(
    'select * from curation_rubric_criterion where $1::text is null or rubric_code = $1 order by rubric_code, position',
    [code ?? null],
  );
  const grades = await db.query<{ rubric_code: string; grade: 'A' | 'B' | 'C'; min_percent: string }>(
    'select * from curation_rubric_grade where $1::text is null or rubric_code = $1 order by rubric_code, min_percent desc',
    [code ?? null],
  );
  return rubrics.map((r) => ({
    code: r.code,
    name: { id: r.name_id, en: r.name_en },
    forFood: r.for_food,
    passPercent: Number(r.pass_percent),
    criteria: criteria
      .filter((c) => c.rubric_code === r.code)
      .map((c) => ({
        code: c.code,
        name: { id: c.name_id, en: c.name_en },
        weight: Number(c.weight),
        minScore: 1,
        maxScore: 5,
      })),
    grades: grades
      .filter((g) => g.rubric_code === r.code)
      .map((g) => ({ grade: g.grade, minPercent: Number(g.min_percent) })),
  }));
}

export async function rubric(db: Queryable, code: string): Promise<Rubric> {
  const [r] = await listRubrics(db, code);
  if (!r)
    throw new AppError(400, 'unknown_rubric', { id: 'Rubrik tidak dikenal.', en: 'Unknown rubric.' }, [
      { field: 'body.rubricCode', code: 'unknown', message: { id: 'Rubrik tidak dikenal.', en: 'Unknown rubric.' } },
    ]);
  return r;
}

export interface ScoreResult {
  percent: number;
  passed: boolean;
  grade: 'A' | 'B' | 'C' | null;
}

/**
 * The weighted percentage (each score out of 5 times its weight, over the total weight, one decimal), whether it
 * passes, and the grade band it falls in (null for a rubric without grades, or below the lowest band).
 */
export function scoreResult(r: Rubric, scores: ReadonlyMap<string, number>): ScoreResult {
  const percent = weightedPercent(r.criteria.map((c) => ({ score: scores.get(c.code) ?? 0, weight: c.weight })));
  const passed = percent >= r.passPercent;
  const grade = passed ? (r.grades.find((g) => percent >= g.minPercent)?.grade ?? null) : null;
  return { percent, passed, grade };
}

/** Σ(score / 5 × weight) / Σ weight, as a percentage with one decimal. */
export function weightedPercent(items: { score: number; weight: number }[]): number {
  const total = items.reduce((a, i) => a + i.weight, 0);
  const got = items.reduce((a, i) => a + (i.score / 5) * i.weight, 0);
  return total ? Math.round((got / total) * 1000) / 10 : 0;
}
