import { useCallback, useEffect, useRef, useState } from 'react';
import type { Bilingual } from '../../../../src/platform/http/problem.ts';
import { ApiProblem, api } from '../../app/api.ts';

/** Reference lists for the forms (regions, pengampu), kept for the visit: they change once a year at most. */
const cache = new Map<string, Promise<unknown>>();

export interface Region {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}
export interface Agency {
  id: number;
  code: string;
  name: string;
}

type Loaded<T> = { status: 'loading' } | { status: 'error' } | { status: 'ready'; items: T[] };

/** GET a `{items}` list once per visit; `null` path = nothing to load yet (a kecamatan before its kota). */
export function useList<T>(path: string | null): Loaded<T> & { retry: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (path === null) return setState({ status: 'ready', items: [] });
    let live = true;
    setState({ status: 'loading' });
    let p = cache.get(path) as Promise<{ items: T[] }> | undefined;
    if (!p) {
      p = api<{ items: T[] }>(path);
      cache.set(path, p);
      p.catch(() => cache.delete(path)); // a failure is not kept: "Coba lagi" asks again
    }
    p.then(
      (r) => live && setState({ status: 'ready', items: r.items }),
      () => live && setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [path, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}

export type IdentifierKind = 'nik' | 'nib' | 'npwp' | 'phone' | 'postal_code';
export type Check =
  | { status: 'idle' }
  | { status: 'checking'; value: string }
  | { status: 'valid'; value: string; derived: Record<string, unknown> }
  | { status: 'invalid'; value: string; message: Bilingual }
  | { status: 'unavailable'; value: string }; // offline or rate-limited: the server checks again on submit

/**
 * Instant feedback from POST /api/identifiers/validate (the register's own rules). Only the latest answer counts,
 * so a slow reply to an older value never overwrites a newer one.
 */
export function useIdentifierCheck(kind: IdentifierKind) {
  const [state, setState] = useState<Check>({ status: 'idle' });
  const seq = useRef(0);
  const check = useCallback(
    async (value: string) => {
      const n = ++seq.current;
      if (!value.trim()) return setState({ status: 'idle' });
      setState({ status: 'checking', value });
      try {
        const r = await api<{ valid: boolean; errors: { message: Bilingual }[]; derived: Record<string, unknown> }>('/api/identifiers/validate', { method: 'POST', body: { kind, value } });
        if (n !== seq.current) return;
        setState(r.valid ? { status: 'valid', value, derived: r.derived } : { status: 'invalid', value, message: r.errors[0]?.message ?? { id: 'Tidak valid.', en: 'Not valid.' } });
      } catch (e) {
        if (n === seq.current) setState({ status: 'unavailable', value });
        if (!(e instanceof ApiProblem)) throw e;
      }
    },
    [kind],
  );
  const reset = useCallback(() => {
    seq.current++;
    setState({ status: 'idle' });
  }, []);
  return { state, check, reset };
}
