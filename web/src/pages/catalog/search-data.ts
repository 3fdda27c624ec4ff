// The search page's data: the results of the address's query (kept for a few minutes, so "back" from a product
// page shows the same list with its extra pages at once), the names of chosen places, and the last search made.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../../src/catalog/schema.ts';
import { api } from '../../app/api.ts';
import { useLatest } from '../../ui/latest.ts';

export type SearchItem = SearchResult['items'][number];

export interface Results {
  result: SearchResult;
  items: SearchItem[];
  nextCursor: string | null;
}

export type View =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | ({ status: 'ready'; updating: boolean; loadingMore: boolean; moreError?: unknown } & Results);

/** The state kept: a ready view also says which query it answers. */
type Kept = { status: 'loading' } | { status: 'error'; error: unknown } | (Extract<View, { status: 'ready' }> & { query: string });

const FRESH_MS = 5 * 60_000;
const KEEP = 8;
const recent = new Map<string, { at: number; results: Results }>();

function remember(query: string, results: Results) {
  recent.delete(query);
  recent.set(query, { at: Date.now(), results });
  for (const k of recent.keys()) if (recent.size > KEEP) recent.delete(k);
  learnNames(results);
}

function cached(query: string): Kept | undefined {
  const hit = recent.get(query);
  return hit && Date.now() - hit.at < FRESH_MS ? { status: 'ready', query, updating: false, loadingMore: false, ...hit.results } : undefined;
}

const url = (query: string, cursor?: string) => `/api/catalog/search?${[query, cursor && `cursor=${encodeURIComponent(cursor)}`].filter(Boolean).join('&')}`;

/**
 * GET /api/catalog/search for `query` (the API's query string). While a new query loads, the last results stay
 * on screen marked `updating`; only the latest answer counts. `loadMore` appends the next keyset page.
 */
export function useSearchResults(query: string) {
  const [kept, setView] = useState<Kept>(() => cached(query) ?? { status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const current = useRef(query);
  current.current = query;
  const begin = useLatest();

  useEffect(() => {
    const isLatest = begin();
    const hit = cached(query);
    if (hit) return setView(hit);
    setView((v) => (v.status === 'ready' ? { ...v, updating: true, moreError: undefined } : { status: 'loading' }));
    api<SearchResult>(url(query)).then(
      (r) => {
        if (!isLatest()) return;
        const results = { result: r, items: r.items, nextCursor: r.nextCursor };
        remember(query, results);
        setView({ status: 'ready', query, updating: false, loadingMore: false, ...results });
      },
      (error: unknown) => isLatest() && setView({ status: 'error', error }),
    );
  }, [query, attempt, begin]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // Until the answer to a new address arrives, the last one shows as "updating" (also in the render between the
  // address changing and the request starting).
  const view: View = kept.status === 'ready' && kept.query !== query ? { ...kept, updating: true } : kept;

  const loadMore = useCallback(() => {
    if (kept.status !== 'ready' || kept.query !== query || !kept.nextCursor || kept.loadingMore) return;
    const asked = query;
    setView({ ...kept, loadingMore: true, moreError: undefined });
    api<SearchResult>(url(asked, kept.nextCursor)).then(
      (r) =>
        setView((v) => {
          if (v.status !== 'ready' || v.query !== asked || current.current !== asked) return v;
          const results = { result: v.result, items: [...v.items, ...r.items], nextCursor: r.nextCursor };
          remember(asked, results);
          return { ...v, ...results, loadingMore: false };
        }),
      (error: unknown) => setView((v) => (v.status === 'ready' && v.query === asked ? { ...v, loadingMore: false, moreError: error } : v)),
    );
  }, [kept, query]);

  return { view, retry, loadMore };
}

/**
 * Names of kota, kecamatan and categories by code, learnt from every answer, so a chosen filter's chip has a name
 * even when its facet is not in the current answer (no results). A shared link to an empty result asks the
 * region list once.
 */
const names = new Map<string, string>();
export const nameOf = (kind: 'city' | 'district' | 'category', code: string) => names.get(`${kind}:${code}`);

function learnNames({ result, items }: Results) {
  for (const kind of ['city', 'district', 'category'] as const) for (const f of result.facets[kind]) names.set(`${kind}:${f.value}`, f.label);
  for (const i of items) {
    names.set(`city:${i.seller.city.code}`, i.seller.city.name);
    names.set(`district:${i.seller.district.code}`, i.seller.district.name);
  }
}

let regionsAsked: Promise<void> | undefined;

/** Re-renders once the names of `codes` are known (asks GET /api/regions at most once per visit). */
export function useRegionNames(codes: { city?: string; district?: string }): void {
  const [, setLearnt] = useState(0);
  const missing = (codes.city && !nameOf('city', codes.city)) || (codes.district && !nameOf('district', codes.district));
  useEffect(() => {
    if (!missing) return;
    let live = true;
    regionsAsked ??= Promise.all(
      (['city', 'district'] as const).map((level) =>
        api<{ items: { code: string; name: string }[] }>(`/api/regions?level=${level}`).then((r) => {
          for (const x of r.items) names.set(`${level}:${x.code}`, x.name);
        }),
      ),
    ).then(
      () => undefined,
      () => {
        regionsAsked = undefined; // the chip shows the code meanwhile; try again on the next search
      },
    );
    regionsAsked.then(() => live && setLearnt((n) => n + 1));
    return () => {
      live = false;
    };
  }, [missing]);
}

/** The search page's address when the buyer last left it: the product page's "back to the results" goes there. */
let lastSearch: string | null = null;
export const rememberSearch = (href: string) => {
  lastSearch = href;
};
export const lastSearchHref = () => lastSearch;
