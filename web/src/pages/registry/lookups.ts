import { useCallback, useState } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { useLatest } from '../../ui/latest.ts';

export { referenceList } from '../../ui/reference-list.ts';

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
        const r = await api<{ valid: boolean; errors: { message: Bilingual }[]; derived: Record<string, unknown> }>(
          '/api/identifiers/validate',
          {
            method: 'POST',
            body: { kind, value },
          },
        );
        if (!isLatest()) return;
        setState(
          r.valid
            ? { status: 'valid', value, derived: r.derived }
            : { status: 'invalid', value, message: r.errors[0]?.message ?? { id: 'Tidak valid.', en: 'Not valid.' } },
        );
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
