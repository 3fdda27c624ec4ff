import type { PublicFigures } from '../../../../src/outcomes/schema.ts';

export type { PublicFigures };

/**
 * Live figures from GET /api/public/figures, with the server's clock as "as of" (the phone's may be wrong).
 */
export async function loadFigures(): Promise<{ figures: PublicFigures; at: Date }> {
  const res = await fetch('/api/public/figures', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const figures = (await res.json()) as PublicFigures;
  const date = res.headers.get('date');
  return { figures, at: date ? new Date(date) : new Date() };
}

/** Bar lengths as whole percentages of the largest value; every bar is 0 when nothing is counted yet. */
export function barWidths(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 ? Math.round((Math.max(0, v) / max) * 100) : 0));
}
