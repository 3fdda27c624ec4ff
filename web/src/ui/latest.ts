import { useCallback, useEffect, useRef } from 'react';

/**
 * Only the newest request's answer counts. `begin()` starts a request and gives back `isLatest()`, which turns
 * false once a newer request has begun (or the page is gone): a slow answer to an older search, or an old poll,
 * must never overwrite what a newer one showed. One counter per hook, shared by every hook that loads data.
 */
export function useLatest(): () => () => boolean {
  const last = useRef(0);
  useEffect(
    () => () => {
      last.current++; // gone: no answer counts any more
    },
    [],
  );
  return useCallback(() => {
    const n = ++last.current;
    return () => n === last.current;
  }, []);
}
