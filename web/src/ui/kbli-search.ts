import { api } from '../app/api.ts';
import { useResource } from './load.ts';

/** A KBLI 2020 subclass as `/api/kbli` finds it. */
export interface Kbli {
  code: string;
  title: string;
}

export type KbliFound = { status: 'idle' | 'loading' | 'error' } | { status: 'ready'; items: Kbli[] };

/**
 * KBLI by code or words as the user types (`/api/kbli?q=`): from two characters, 300 ms after the last key, and
 * only the answer to the latest term counts (`useResource` stops the pause of an older term and drops its answer).
 */
export function useKbliSearch(q: string, limit: number): KbliFound {
  const term = q.trim();
  const { state } = useResource(
    (signal) =>
      pause(300, signal).then(() => api<{ items: Kbli[] }>(`/api/kbli?q=${encodeURIComponent(term)}&limit=${limit}`)),
    [term, limit],
    { known: () => (term.length < 2 ? { idle: true, items: [] } : undefined) },
  );
  if (state.status !== 'ready') return state.status === 'error' ? { status: 'error' } : { status: 'loading' };
  return 'idle' in state ? { status: 'idle' } : { status: 'ready', items: state.items };
}

/** Resolves after `ms`, unless the request is abandoned first (then it never settles, and nothing is asked). */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer));
  });
