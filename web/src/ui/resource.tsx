import { type DependencyList, type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { problemText } from './form.tsx';
import { useLatest } from './latest.ts';

/** A resource a page loads: the fields of its answer sit on the 'ready' state itself (`state.items`). */
export type Resource<T extends object> = { status: 'loading' } | { status: 'error'; error: unknown } | ({ status: 'ready' } & T);

/**
 * Loads on mount and whenever `deps` change; `reload()` loads again (the retry button). A fetcher that returns
 * nothing (the reader may not see it) leaves the state as it is. `setState` lets a page grow what it has loaded
 * (a "load more").
 *
 * Only the newest request's answer counts (a slow answer to an older search never overwrites a newer one). The
 * state remembers which `deps` it answers: from the very render in which they change, the resource is 'loading',
 * so a page never shows the last answer as if it were the new one in the moment before the request starts. A
 * `setState` from an answer to older `deps` (a "load more" of the last search) is dropped too.
 */
export function useResource<T extends object>(fetcher: () => Promise<T> | undefined, deps: DependencyList) {
  const key = useDepsKey(deps);
  const [kept, setKept] = useState<{ key: object | undefined; state: Resource<T> }>({ key: undefined, state: { status: 'loading' } });
  const begin = useLatest();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the fetcher depends on
  const reload = useCallback(() => {
    const loading = fetcher();
    if (!loading) return setKept((k) => ({ ...k, key }));
    const isLatest = begin();
    setKept({ key, state: { status: 'loading' } });
    loading.then(
      (data) => isLatest() && setKept({ key, state: { ...data, status: 'ready' } }),
      (error: unknown) => isLatest() && setKept({ key, state: { status: 'error', error } }),
    );
  }, [key]);
  useEffect(reload, [reload]);
  const setState = useCallback(
    (action: SetStateAction<Resource<T>>) => setKept((k) => (k.key !== key ? k : { key, state: typeof action === 'function' ? action(k.state) : action })),
    [key],
  );
  const state: Resource<T> = kept.key === key ? kept.state : { status: 'loading' };
  return { state, setState: setState as Dispatch<SetStateAction<Resource<T>>>, reload };
}

/** A new object whenever one of `deps` changes (Object.is), the same one otherwise: the identity of a request's inputs. */
function useDepsKey(deps: DependencyList): object {
  const last = useRef<{ deps: DependencyList; key: object }>(undefined);
  if (!last.current || last.current.deps.length !== deps.length || last.current.deps.some((d, i) => !Object.is(d, deps[i]))) last.current = { deps, key: {} };
  return last.current.key;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}

/**
 * The failure, in the reader's words unless the page has its own `message`, with a retry button (a secondary one
 * where the page has its own actions).
 */
export function LoadError({ error, onRetry, secondary, message }: { error: unknown; onRetry: () => void; secondary?: boolean; message?: string }) {
  const i18n = useI18n();
  return (
    <div role="alert" className="notice error">
      <p>{message ?? problemText(error, i18n)}</p>
      <button type="button" className={secondary ? 'button secondary' : 'button'} onClick={onRetry}>
        {i18n.t('figures.retry')}
      </button>
    </div>
  );
}

/** What a loading resource shows until it is ready: the loading line, or the failure with its retry; else nothing. */
export function LoadStatus({ state, onRetry, secondary }: { state: { status: string; error?: unknown }; onRetry: () => void; secondary?: boolean }) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={onRetry} secondary={secondary} />;
  return null;
}

/** "Muat lagi" under a keyset-paginated list, with the error of the last attempt above it. */
export function LoadMore({ more, busy, error, label, onLoad }: { more: boolean; busy: boolean; error: unknown; label: string; onLoad: () => void }) {
  const i18n = useI18n();
  return (
    <>
      {error !== undefined && (
        <p role="alert" className="field-error">
          {problemText(error, i18n)}
        </p>
      )}
      {more && (
        <button type="button" className="button secondary" disabled={busy} onClick={onLoad}>
          {busy ? i18n.t('app.loading') : label}
        </button>
      )}
    </>
  );
}
