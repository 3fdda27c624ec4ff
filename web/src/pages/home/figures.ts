import { useCallback, useEffect, useState } from 'react';
import type { PublicFigures } from '../../../../src/outcomes/schema.ts';
import { useLatest } from '../../ui/latest.ts';

export type { PublicFigures };

export type FiguresState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; figures: PublicFigures; at: Date };

/** Live figures from GET /api/public/figures, with the server's clock as "as of" (the phone's may be wrong). */
export function usePublicFigures(): { state: FiguresState; retry: () => void } {
  const [state, setState] = useState<FiguresState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const begin = useLatest();
  useEffect(() => {
    const isLatest = begin(); // a retry's answer wins over a slow first one
    setState({ status: 'loading' });
    fetch('/api/public/figures', { headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const figures = (await res.json()) as PublicFigures;
        const date = res.headers.get('date');
        if (isLatest()) setState({ status: 'ready', figures, at: date ? new Date(date) : new Date() });
      })
      .catch(() => {
        if (isLatest()) setState({ status: 'error' });
      });
  }, [attempt, begin]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}

/** Bar lengths as whole percentages of the largest value; every bar is 0 when nothing is counted yet. */
export function barWidths(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 ? Math.round((Math.max(0, v) / max) * 100) : 0));
}
