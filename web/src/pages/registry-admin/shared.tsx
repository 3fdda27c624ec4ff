import { type ComponentPropsWithRef, type ReactNode, useCallback, useId, useState } from 'react';
import { useAreaI18n } from '../../i18n/area.ts';
import type { Resource } from '../../ui/load.ts';
import { LoadError as SharedLoadError } from '../../ui/resource.tsx';
import { messages } from './i18n.ts';

/** Parts shared by the register's analysis and admin pages: loading, uploads, selects, scroll containers. */

/** The items of a reference list, none until they come (a filter without choices still works: "all"). */
export const itemsOf = <T,>({ state }: { state: Resource<{ items: T[] }> }): T[] =>
  state.status === 'ready' ? state.items : [];

export interface Region {
  code: string;
  name: string;
}
export interface Agency {
  id: number;
  code: string;
  name: string;
}

/** What the account may do (the server's abilities), and the scopes it holds. */
export { can, holdsScope, scopeIdsOf } from '../../app/session.ts';

export { Loading } from '../../ui/resource.tsx';

/** These pages' retry is a secondary button: their forms and filters hold the main actions. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return <SharedLoadError error={error} onRetry={onRetry} secondary />;
}

export function NotAllowed() {
  const { t } = useAreaI18n(messages);
  return <p className="notice">{t('regadmin.notAllowed')}</p>;
}

type SelectProps = Omit<ComponentPropsWithRef<'select'>, 'name' | 'children'> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
};

/** A labelled select with its hint and error tied to it (aria-describedby), 48 px high. */
export function SelectField({ name, label, hint, error, children, ...select }: SelectProps) {
  const id = `${name}-${useId().replace(/:/g, '')}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A wide table on a phone: it scrolls sideways inside its own box (the page never does). The box is focusable
 * and named, so keyboard users can scroll it too.
 */
export function ScrollBox({ label, children, hint = true }: { label: string; children: ReactNode; hint?: boolean }) {
  const { t } = useAreaI18n(messages);
  const hintId = useId();
  return (
    <>
      {hint && (
        <p id={hintId} className="hint ra-scroll-hint">
          {t('regadmin.scrollHint')}
        </p>
      )}
      <div
        className="ra-scroll"
        role="region"
        aria-label={label}
        aria-describedby={hint ? hintId : undefined}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
      >
        {children}
      </div>
    </>
  );
}

/** Keeps a page's filters in its address (shareable, survives reload) without adding history entries. */
export function useSearchState<K extends string>(
  keys: readonly K[],
): [Record<K, string>, (next: Partial<Record<K, string>>) => void] {
  const read = () => {
    const p = new URLSearchParams(location.search);
    return Object.fromEntries(keys.map((k) => [k, p.get(k) ?? ''])) as Record<K, string>;
  };
  const [state, setState] = useState<Record<K, string>>(read);
  const update = useCallback((next: Partial<Record<K, string>>) => {
    setState((s) => {
      const merged = { ...s, ...next };
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(merged) as [string, string][]) if (v) p.set(k, v);
      const qs = p.toString();
      history.replaceState(history.state, '', `${location.pathname}${qs ? `?${qs}` : ''}`);
      return merged;
    });
  }, []);
  return [state, update];
}
