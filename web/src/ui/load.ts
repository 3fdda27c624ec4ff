import {
  type DependencyList,
  type Dispatch,
  type SetStateAction,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useLatest } from './latest.ts';

/** What a page loads: the fields of its answer sit on the 'ready' state itself (`state.items`). */
export type Resource<T extends object> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | ({ status: 'ready' } & T);

export interface LoadOptions<T> {
  /**
   * An answer already at hand for these `deps` (a cache hit, or nothing to load: an empty list): shown from the
   * first render, and no request is made.
   */
  known?: () => T | undefined;
  /**
   * While new `deps` load, the last answer stays on screen (`state` ready, `loading` true) instead of "Memuat…";
   * 'reload': only while `reload()` asks again for the same `deps` (a form under a list keeps its message).
   */
  keep?: boolean | 'reload';
}

export interface Loaded<T extends object> {
  state: Resource<T>;
  /** A request for the current `deps` is under way (also while `keep` shows the last answer): for `aria-busy`. */
  loading: boolean;
  /** Grows what was loaded (a "load more"); dropped once the `deps` have changed. */
  setState: Dispatch<SetStateAction<Resource<T>>>;
  /** Asks again (the retry button). */
  reload: () => void;
}

interface Kept<T extends object> {
  key: object | undefined;
  state: Resource<T>;
  loading: boolean;
}

/**
 * THE way a page loads data: GET on mount and whenever `deps` change; a `load` that returns nothing (the reader may
 * not see it) leaves the state as it is.
 *
 * Late answers never win: a request counter (`useLatest`) drops any answer that arrives after a newer request
 * began or the page is gone. Each request also gets an AbortController whose signal fires once it is superseded or
 * abandoned: `load` uses it to stop work not yet sent (the KBLI search's pause while the user types). Requests
 * already on the wire are not cancelled: the counter drops their answer, and a cancelled request would be a failed
 * request to the browser journeys. The state remembers which `deps` it answers: from the very render in which
 * they change, the page sees 'loading' (or, with `keep`, the last answer with `loading: true`), never the old
 * answer as if it were the new one.
 */
export function useResource<T extends object>(
  load: (signal: AbortSignal) => Promise<T> | undefined,
  deps: DependencyList,
  options: LoadOptions<T> = {},
): Loaded<T> {
  const key = useDepsKey(deps);
  const [kept, setKept] = useState<Kept<T>>(() => {
    const known = options.known?.();
    return known
      ? { key, state: ready(known), loading: false }
      : { key: undefined, state: { status: 'loading' }, loading: true };
  });
  const begin = useLatest();
  const inFlight = useRef<AbortController>(undefined);
  const opts = useRef(options);
  opts.current = options;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what `load` depends on (`deps`)
  const reload = useCallback(() => {
    const isLatest = begin();
    inFlight.current?.abort();
    inFlight.current = undefined;
    const known = opts.current.known?.();
    if (known) return setKept({ key, state: ready(known), loading: false });
    const controller = new AbortController();
    const loading = load(controller.signal);
    if (!loading) return setKept((k) => ({ ...k, key, loading: false }));
    inFlight.current = controller;
    setKept((k) => ({
      key,
      state: keeps(opts.current.keep, k.key === key) && k.state.status === 'ready' ? k.state : { status: 'loading' },
      loading: true,
    }));
    loading.then(
      (data) => isLatest() && setKept({ key, state: ready(data), loading: false }),
      (error: unknown) => isLatest() && setKept({ key, state: { status: 'error', error }, loading: false }),
    );
  }, [key]);
  useEffect(() => {
    reload();
    return () => inFlight.current?.abort(); // new deps, or the page is gone: work not yet sent stops
  }, [reload]);
  const setState = useCallback(
    (action: SetStateAction<Resource<T>>) =>
      setKept((k) => (k.key !== key ? k : { ...k, state: typeof action === 'function' ? action(k.state) : action })),
    [key],
  );
  if (kept.key === key) return { state: kept.state, loading: kept.loading, setState, reload };
  // The render in which `deps` changed, before the request starts.
  const known = options.known?.();
  const state: Resource<T> = known
    ? ready(known)
    : keeps(options.keep, false) && kept.state.status === 'ready'
      ? kept.state
      : { status: 'loading' };
  return { state, loading: !known, setState, reload };
}

const keeps = (keep: LoadOptions<never>['keep'], sameDeps: boolean) => keep === true || (keep === 'reload' && sameDeps);

const ready = <T extends object>(data: T): Resource<T> => ({ ...data, status: 'ready' });

/** A new object whenever one of `deps` changes (Object.is), the same one otherwise: the identity of a request's inputs. */
function useDepsKey(deps: DependencyList): object {
  const last = useRef<{ deps: DependencyList; key: object }>(undefined);
  if (
    !last.current ||
    last.current.deps.length !== deps.length ||
    last.current.deps.some((d, i) => !Object.is(d, deps[i]))
  )
    last.current = { deps, key: {} };
  return last.current.key;
}
