import { describe, expect, it } from 'vitest';
import { scoreResult } from '../../../../src/curation/rubrics.ts';
import { previewGrade } from './grade.ts';
import type { Rubric } from './types.ts';

// The seeded food rubric's shape (db/migrations/0023_curation.sql): weights need not sum to 100.
const food: Rubric = {
  code: 'food',
  name: { id: 'Makanan & minuman', en: 'Food & drink' },
  forFood: true,
  passPercent: 60,
  criteria: [
    { code: 'taste', name: { id: 'Rasa', en: 'Taste' }, weight: 30, minScore: 1, maxScore: 5 },
    { code: 'packaging', name: { id: 'Kemasan', en: 'Packaging' }, weight: 20, minScore: 1, maxScore: 5 },
    { code: 'hygiene', name: { id: 'Kebersihan', en: 'Hygiene' }, weight: 20, minScore: 1, maxScore: 5 },
    { code: 'halal', name: { id: 'Halal', en: 'Halal' }, weight: 15, minScore: 1, maxScore: 5 },
    { code: 'photo', name: { id: 'Foto', en: 'Photo' }, weight: 15, minScore: 1, maxScore: 5 },
  ],
  grades: [
    { grade: 'C', minPercent: 60 },
    { grade: 'A', minPercent: 85 },
    { grade: 'B', minPercent: 70 },
  ],
};
const general: Rubric = { ...food, code: 'general', forFood: false, grades: [] };

describe('the grade a kurator sees before submitting', () => {
  it('is what the server will decide, for every combination of a few scores', () => {
    const sets = [
      [5, 5, 5, 5, 5],
      [5, 4, 4, 5, 4],
      [4, 4, 4, 4, 4],
      [4, 3, 4, 3, 3],
      [3, 3, 3, 3, 3],
      [3, 3, 2, 3, 3],
      [1, 1, 1, 1, 1],
      [5, 1, 5, 1, 5],
    ];
    for (const rubric of [food, general])
      for (const set of sets) {
        const scores = Object.fromEntries(rubric.criteria.map((c, i) => [c.code, set[i]!]));
        const server = scoreResult(
          { ...rubric, grades: [...rubric.grades].sort((a, b) => b.minPercent - a.minPercent) },
          new Map(Object.entries(scores)),
        );
        const web = previewGrade(rubric, scores);
        expect(
          { percent: web.percent, passed: web.passed, grade: web.grade },
          `${rubric.code} ${set.join(',')}`,
        ).toEqual(server);
        expect(web.complete).toBe(true);
      }
  });

  it('says A for top marks in food, no grade in the general rubric, and is not final until every criterion is scored', () => {
    const top = Object.fromEntries(food.criteria.map((c) => [c.code, 5]));
    expect(previewGrade(food, top)).toEqual({ complete: true, percent: 100, passed: true, grade: 'A' });
    expect(previewGrade(general, top)).toEqual({ complete: true, percent: 100, passed: true, grade: null });
    expect(previewGrade(food, { taste: 5 })).toMatchObject({ complete: false, passed: false, grade: null });
  });
});
