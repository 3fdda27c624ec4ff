import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * A tiny router on the History API: the address is the state, components subscribe to it. No library — the app
 * needs paths, links and the back button, nothing more.
 */
const listeners = new Set<() => void>();
let navigations = 0;

function notify() {
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', onPopState);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

function onPopState() {
  navigations++;
  notify();
}

/** `keepScroll`: the page stays where it is (a filter chosen halfway down a list), else it starts at the top. */
export function navigate(to: string, opts: { replace?: boolean; keepScroll?: boolean } = {}) {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  navigations++;
  if (!opts.keepScroll) window.scrollTo(0, 0);
  notify();
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

/** The query string (`?q=kue`), for pages that keep their state in the address. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => location.search);
}

/** True once the user has moved within the app: pages then move focus to their heading for screen readers. */
export function hasNavigated(): boolean {
  return navigations > 0;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string;
  keepScroll?: boolean;
  /** False for a link that changes the page's filters: it leads to this page, but is not "the current page". */
  marksCurrent?: boolean;
};

/** An ordinary link that the app follows without reloading; new tabs, downloads and other sites behave as usual. */
export function Link({ href, onClick, keepScroll, marksCurrent = true, ...rest }: LinkProps) {
  const path = usePath();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    const url = new URL(href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    e.preventDefault();
    navigate(url.pathname + url.search + url.hash, { keepScroll });
  };
  const current = marksCurrent && new URL(href, 'http://x').pathname === path ? 'page' : undefined;
  return <a href={href} aria-current={current} onClick={handle} {...rest} />;
}
