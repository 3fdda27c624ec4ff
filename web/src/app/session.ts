import { useEffect, useSyncExternalStore } from 'react';
import type { accessPolicy } from '../../../src/access/schema.ts';
import type { productPolicy } from '../../../src/catalog/products/schema.ts';
import type { curationPolicy } from '../../../src/curation/schema.ts';
import type { jblPolicy } from '../../../src/jbl/policy.ts';
import type { Grant } from '../../../src/platform/schema.ts';
import type { ScopeKind } from '../../../src/platform/schema.ts';
import type { procurementPolicy } from '../../../src/procurement/policy.ts';
import type { registryPolicy } from '../../../src/registry/schema.ts';

/**
 * Who is logged in, from GET /api/auth/me (200 for everyone, so a public page never shows a failed request).
 * Loaded once per page load, on first use; login, claim and logout replace it. The session cookie is HttpOnly:
 * this store only mirrors what the server says, and keeps the CSRF token for writes.
 */
export interface Me {
  authenticated: true;
  account: { id: number; displayName: string };
  roles: Grant[];
  home: string;
  csrfToken: string;
  mustEnrolTotp: boolean;
  abilities: string[];
}

/**
 * What the server's policies let the caller do (`<context>.<rule>`, from /api/auth/me): pages ask this instead of
 * keeping role lists, so the server's policy.ts files stay the one source. The names are checked against them.
 */
export type Ability =
  | `access.${keyof typeof accessPolicy}`
  | `registry.${keyof typeof registryPolicy}`
  | `catalog.${keyof typeof productPolicy}`
  | `curation.${keyof typeof curationPolicy}`
  | `procurement.${keyof typeof procurementPolicy}`
  | `jbl.${keyof typeof jblPolicy}`;
export const can = (me: Me, ability: Ability) => me.abilities.includes(ability);

/** The scope ids the account holds of a kind (e.g. its kecamatan codes), and whether it holds any. */
export const scopeIdsOf = (me: Me, kind: ScopeKind) =>
  me.roles.filter((g) => g.scopeKind === kind).map((g) => g.scopeId);
export const holdsScope = (me: Me, kind: ScopeKind) => me.roles.some((g) => g.scopeKind === kind);

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error' }
  | { status: 'authenticated'; me: Me };

let state: SessionState = { status: 'loading' };
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

function set(next: SessionState) {
  state = next;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Asks the server who we are (again). Safe to call from many components: one request at a time. */
export function refreshSession(): Promise<void> {
  loading ??= fetch('/api/auth/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as Me | { authenticated: false };
      set(body.authenticated ? { status: 'authenticated', me: body } : { status: 'anonymous' });
    })
    .catch(() => set({ status: 'error' }))
    .finally(() => {
      loading = undefined;
    });
  return loading;
}

export function useSession(): SessionState {
  const s = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (state.status === 'loading' && !loading) void refreshSession();
  }, []);
  return s;
}

/** After login or claim: the answer carries the same shape as /api/auth/me. */
export function signedIn(me: Me) {
  set({ status: 'authenticated', me });
}

export function signedOut() {
  set({ status: 'anonymous' });
}

export function csrfToken(): string | undefined {
  return state.status === 'authenticated' ? state.me.csrfToken : undefined;
}

/** A message to show once on the next page (e.g. "you are logged out" on the login page). */
let flash: { id: string; en: string } | undefined;
export function setFlash(message: { id: string; en: string }) {
  flash = message;
}
export function takeFlash(): { id: string; en: string } | undefined {
  const f = flash;
  flash = undefined;
  return f;
}
