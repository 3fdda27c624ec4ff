import type { Rubric } from './types.ts';

export interface GradePreview {
  /** Every criterion has a score: only then is the result final. */
  complete: boolean;
  percent: number;
  passed: boolean;
  grade: 'A' | 'B' | 'C' | null;
}

/**
 * What the kurator's scores will give, shown before submitting: the same arithmetic as the server's scoreResult
 * (src/curation/rubrics.ts; grade.test.ts checks they agree) — each score out of 5 times its weight, over the
 * total weight, one decimal; passed from the rubric's pass mark; the first grade band reached (none for a rubric
 * without grades). Unscored criteria count as 0 until given.
 */
export function previewGrade(rubric: Rubric, scores: Readonly<Record<string, number | undefined>>): GradePreview {
  const total = rubric.criteria.reduce((a, c) => a + c.weight, 0);
  const got = rubric.criteria.reduce((a, c) => a + ((scores[c.code] ?? 0) / 5) * c.weight, 0);
  const percent = total ? Math.round((got / total) * 1000) / 10 : 0;
  const passed = percent >= rubric.passPercent;
  const bands = [...rubric.grades].sort((a, b) => b.minPercent - a.minPercent);
  const grade = passed ? (bands.find((g) => percent >= g.minPercent)?.grade ?? null) : null;
  return { complete: rubric.criteria.every((c) => scores[c.code] !== undefined), percent, passed, grade };
}
