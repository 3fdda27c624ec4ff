import { api } from '../app/api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { problemText } from './form.tsx';
import { type LoadOptions, type Resource, useResource } from './load.ts';

// The one data-loading hook lives in load.ts (no JSX, so the home page's figures use it without these parts).
export { type Loaded, type LoadOptions, type Resource, useResource } from './load.ts';

/** A GET as pages read it: the state's fields (`status`, `data`) beside `loading` and `reload`. */
export type Got<T> = Resource<{ data: T }> & { loading: boolean; reload: () => void };

/**
 * GET `path` (null: nothing to load yet) through useResource, its answer as `data`, loaded again when the path
 * changes; by default the last answer stays on screen while a new path loads (`keep`). Here rather than in
 * load.ts: the home page's bundle holds load.ts, and would carry this hook for the other pages.
 */
export function useGet<T>(path: string | null, keep: LoadOptions<never>['keep'] = true): Got<T> {
  const { state, loading, reload } = useResource(
    () => (path === null ? undefined : api<T>(path).then((data) => ({ data }))),
    [path],
    { keep },
  );
  return { ...state, loading, reload };
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
export function LoadError({
  error,
  onRetry,
  secondary,
  message,
}: {
  error: unknown;
  onRetry: () => void;
  secondary?: boolean;
  message?: string;
}) {
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
export function LoadStatus({
  state,
  onRetry,
  secondary,
}: {
  state: { status: string; error?: unknown };
  onRetry: () => void;
  secondary?: boolean;
}) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={onRetry} secondary={secondary} />;
  return null;
}

/** "Muat lagi" under a keyset-paginated list, with the error of the last attempt above it. */
export function LoadMore({
  more,
  busy,
  error,
  label,
  onLoad,
}: {
  more: boolean;
  busy: boolean;
  error: unknown;
  label: string;
  onLoad: () => void;
}) {
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
