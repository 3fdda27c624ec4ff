import { useCallback, useEffect, useState } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { useLatest } from '../../ui/latest.ts';

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

/**
 * GET a `{items}` list once per visit; `null` path = nothing to load yet (a kecamatan before its kota). The state
 * remembers the path it answers, so a new path reads as loading from its first render, and only the newest
 * request's answer counts.
 */
export function useList<T>(path: string | null): Loaded<T> & { retry: () => void } {
  const [kept, setKept] = useState<{ path: string | null; state: Loaded<T> } | undefined>();
  const [attempt, setAttempt] = useState(0);
  const begin = useLatest();
  useEffect(() => {
    const isLatest = begin();
    if (path === null) return setKept({ path, state: { status: 'ready', items: [] } });
    setKept({ path, state: { status: 'loading' } });
    let p = cache.get(path) as Promise<{ items: T[] }> | undefined;
    if (!p) {
      p = api<{ items: T[] }>(path);
      cache.set(path, p);
      p.catch(() => cache.delete(path)); // a failure is not kept: "Coba lagi" asks again
    }
    p.then(
      (r) => isLatest() && setKept({ path, state: { status: 'ready', items: r.items } }),
      () => isLatest() && setKept({ path, state: { status: 'error' } }),
    );
  }, [path, attempt, begin]);
  const state: Loaded<T> = kept && kept.path === path ? kept.state : path === null ? { status: 'ready', items: [] } : { status: 'loading' };
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
  const begin = useLatest();
  const check = useCallback(
    async (value: string) => {
      const isLatest = begin();
      if (!value.trim()) return setState({ status: 'idle' });
      setState({ status: 'checking', value });
      try {
        const r = await api<{ valid: boolean; errors: { message: Bilingual }[]; derived: Record<string, unknown> }>('/api/identifiers/validate', { method: 'POST', body: { kind, value } });
        if (!isLatest()) return;
        setState(r.valid ? { status: 'valid', value, derived: r.derived } : { status: 'invalid', value, message: r.errors[0]?.message ?? { id: 'Tidak valid.', en: 'Not valid.' } });
      } catch (e) {
        if (isLatest()) setState({ status: 'unavailable', value });
        if (!(e instanceof ApiProblem)) throw e;
      }
    },
    [kind, begin],
  );
  const reset = useCallback(() => {
    begin();
    setState({ status: 'idle' });
  }, [begin]);
  return { state, check, reset };
}
