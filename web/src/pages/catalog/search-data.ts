// The search page's data: the results of the address's query (kept for a few minutes, so "back" from a product
// page shows the same list with its extra pages at once), the names of chosen places, and the last search made.
import { useEffect, useState } from 'react';
import type { SearchResult } from '../../../../src/catalog/schema.ts';
import { api } from '../../app/api.ts';

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

/** What the page loads for a query: the results so far and the state of its "load more". */
export type Loaded = Results & { loadingMore: boolean; moreError?: unknown };

const FRESH_MS = 5 * 60_000;
const KEEP = 8;
const recent = new Map<string, { at: number; results: Results }>();

function remember(query: string, results: Results) {
  recent.delete(query);
  recent.set(query, { at: Date.now(), results });
  for (const k of recent.keys()) if (recent.size > KEEP) recent.delete(k);
  learnNames(results);
}

/** The results of `query` if they are fresh here ("back" from a product page): `useResource`'s `known`. */
export function cachedResults(query: string): Loaded | undefined {
  const hit = recent.get(query);
  return hit && Date.now() - hit.at < FRESH_MS ? { loadingMore: false, ...hit.results } : undefined;
}

const url = (query: string, cursor?: string) =>
  `/api/catalog/search?${[query, cursor && `cursor=${encodeURIComponent(cursor)}`].filter(Boolean).join('&')}`;

/** GET /api/catalog/search for `query` (the API's query string); the answer is kept for a few minutes. */
export async function searchResults(query: string): Promise<Loaded> {
  const r = await api<SearchResult>(url(query));
  const results = { result: r, items: r.items, nextCursor: r.nextCursor };
  remember(query, results);
  return { ...results, loadingMore: false };
}

/** The next keyset page of `query` after `loaded`, appended (and kept). */
export async function moreResults(query: string, loaded: Results): Promise<Results> {
  const r = await api<SearchResult>(url(query, loaded.nextCursor ?? undefined));
  const results = { result: loaded.result, items: [...loaded.items, ...r.items], nextCursor: r.nextCursor };
  remember(query, results);
  return results;
}

/**
 * Names of kota, kecamatan and categories by code, learnt from every answer, so a chosen filter's chip has a name
 * even when its facet is not in the current answer (no results). A shared link to an empty result asks the
 * region list once.
 */
const names = new Map<string, string>();
export const nameOf = (kind: 'city' | 'district' | 'category', code: string) => names.get(`${kind}:${code}`);

function learnNames({ result, items }: Results) {
  for (const kind of ['city', 'district', 'category'] as const)
    for (const f of result.facets[kind]) names.set(`${kind}:${f.value}`, f.label);
  for (const i of items) {
    names.set(`city:${i.seller.city.code}`, i.seller.city.name);
    names.set(`district:${i.seller.district.code}`, i.seller.district.name);
  }
}

let regionsAsked: Promise<void> | undefined;

/** Re-renders once the names of `codes` are known (asks GET /api/regions at most once per visit). */
export function useRegionNames(codes: { city?: string; district?: string }): void {
  const [, setLearnt] = useState(0);
  const missing =
    (codes.city && !nameOf('city', codes.city)) || (codes.district && !nameOf('district', codes.district));
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
