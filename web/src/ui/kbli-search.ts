import { useEffect, useRef, useState } from 'react';
import { api } from '../app/api.ts';

/** A KBLI 2020 subclass as `/api/kbli` finds it. */
export interface Kbli {
  code: string;
  title: string;
}

export type KbliFound = { status: 'idle' | 'loading' | 'error' } | { status: 'ready'; items: Kbli[] };

/**
 * KBLI by code or words as the user types (`/api/kbli?q=`): from two characters, 300 ms after the last key, and
 * only the answer to the latest term counts (an earlier, slower answer is dropped).
 */
export function useKbliSearch(q: string, limit: number): KbliFound {
  const [found, setFound] = useState<KbliFound>({ status: 'idle' });
  const seq = useRef(0);
  useEffect(() => {
    const term = q.trim();
    const n = ++seq.current;
    if (term.length < 2) return setFound({ status: 'idle' });
    const timer = setTimeout(() => {
      setFound({ status: 'loading' });
      api<{ items: Kbli[] }>(`/api/kbli?q=${encodeURIComponent(term)}&limit=${limit}`).then(
        (r) => n === seq.current && setFound({ status: 'ready', items: r.items }),
        () => n === seq.current && setFound({ status: 'error' }),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [q, limit]);
  return found;
}
