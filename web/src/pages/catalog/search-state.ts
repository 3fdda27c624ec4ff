// The search page's state lives in its address (shareable; the back button works). Pure, for unit tests: the
// address's query string ↔ the state ↔ the API's query. The address speaks Indonesian (`?q=kue&kecamatan=317402&
// urut=termurah`), the API English; a hand-edited value that makes no sense is dropped rather than refused.
import type { SearchResult } from '../../../../src/catalog/schema.ts';

export type Sort = SearchResult['sort'];
export type Channel = SearchResult['items'][number]['channels'][number];
export type SizeClass = 'micro' | 'small' | 'medium' | 'large';
export type Grade = 'A' | 'B' | 'C';
export type Term = SearchResult['terms'][number];

export interface SearchState {
  q: string;
  city?: string; // kota/kabupaten code
  district?: string; // kecamatan code
  category?: string;
  grade?: Grade;
  halal?: boolean;
  sizeClass?: SizeClass;
  priceMin?: number;
  priceMax?: number;
  channel?: Channel;
  sort?: Sort;
}

/** The filters a buyer can choose, in the order their chips are shown. */
export const FILTERS = ['city', 'district', 'category', 'grade', 'halal', 'sizeClass', 'price', 'channel'] as const;
export type Filter = (typeof FILTERS)[number];

const SORT_WORDS: Record<Sort, string> = {
  relevance: 'relevan',
  newest: 'terbaru',
  price_asc: 'termurah',
  price_desc: 'termahal',
};
const SIZE_WORDS: Record<SizeClass, string> = { micro: 'mikro', small: 'kecil', medium: 'menengah', large: 'besar' };
const CHANNEL_WORDS: Record<Channel, string> = { e_order: 'e-order', jbl: 'jbl', mall: 'mall' };
const key = <T extends string>(words: Record<T, string>, word: string | null): T | undefined =>
  (Object.keys(words) as T[]).find((k) => words[k] === word);

const REGION = /^[0-9]{2,13}$/;
const CATEGORY = /^[a-z0-9-]{1,60}$/;
const PRICE = /^([0-9]{1,13})-([0-9]{0,13})$/;

/** `?q=kue&kota=3174…` → the state. */
export function readState(search: string): SearchState {
  const p = new URLSearchParams(search);
  const s: SearchState = { q: (p.get('q') ?? '').slice(0, 200) };
  const city = p.get('kota');
  if (city && REGION.test(city)) s.city = city;
  const district = p.get('kecamatan');
  if (district && REGION.test(district) && (!s.city || district.startsWith(s.city))) s.district = district;
  const category = p.get('kategori');
  if (category && CATEGORY.test(category)) s.category = category;
  const grade = p.get('grade')?.toUpperCase();
  if (grade === 'A' || grade === 'B' || grade === 'C') s.grade = grade;
  const halal = p.get('halal');
  if (halal === 'ya' || halal === 'tidak') s.halal = halal === 'ya';
  const size = key(SIZE_WORDS, p.get('kelas'));
  if (size) s.sizeClass = size;
  const price = PRICE.exec(p.get('harga') ?? '');
  if (price) {
    const min = Number(price[1]);
    const max = price[2] ? Number(price[2]) : undefined;
    if (max === undefined || max >= min)
      Object.assign(s, { priceMin: min, ...(max === undefined ? {} : { priceMax: max }) });
  }
  const channel = key(CHANNEL_WORDS, p.get('saluran'));
  if (channel) s.channel = channel;
  const sort = key(SORT_WORDS, p.get('urut'));
  if (sort) s.sort = sort;
  return s;
}

/** The state → `?q=kue&kota=3174…` (empty string when there is nothing), always in the same order. */
export function writeState(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.city) p.set('kota', s.city);
  if (s.district) p.set('kecamatan', s.district);
  if (s.category) p.set('kategori', s.category);
  if (s.grade) p.set('grade', s.grade);
  if (s.halal !== undefined) p.set('halal', s.halal ? 'ya' : 'tidak');
  if (s.sizeClass) p.set('kelas', SIZE_WORDS[s.sizeClass]);
  if (s.priceMin !== undefined || s.priceMax !== undefined) p.set('harga', `${s.priceMin ?? 0}-${s.priceMax ?? ''}`);
  if (s.channel) p.set('saluran', CHANNEL_WORDS[s.channel]);
  if (s.sort) p.set('urut', SORT_WORDS[s.sort]);
  const qs = p.toString();
  return qs ? `?${qs}` : '';
}

/** The page's address for a state. */
export const searchHref = (s: SearchState) => `/cari${writeState(s)}`;

/** The state → the query string of GET /api/catalog/search (without `?`). */
export function apiQuery(s: SearchState, cursor?: string | null): string {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.city) p.set('city', s.city);
  if (s.district) p.set('district', s.district);
  if (s.category) p.set('category', s.category);
  if (s.grade) p.set('grade', s.grade);
  if (s.halal !== undefined) p.set('halal', String(s.halal));
  if (s.sizeClass) p.set('sizeClass', s.sizeClass);
  if (s.priceMin !== undefined) p.set('priceMin', String(s.priceMin));
  if (s.priceMax !== undefined) p.set('priceMax', String(s.priceMax));
  if (s.channel) p.set('channel', s.channel);
  // "Most relevant" without words means nothing: the server would sort by newest anyway.
  if (s.sort && !(s.sort === 'relevance' && !s.q.trim())) p.set('sort', s.sort);
  if (cursor) p.set('cursor', cursor);
  return p.toString();
}

/** Chooses one value of a filter. A kota that does not hold the chosen kecamatan drops it. */
export function choose(s: SearchState, patch: Partial<Omit<SearchState, 'q'>>): SearchState {
  const next = { ...s, ...patch };
  if (patch.city !== undefined && next.district && !next.district.startsWith(patch.city)) delete next.district;
  return next;
}

/** The state without one filter (a chip's ✕); without the kota, its kecamatan stays (it names its own kota). */
export function without(s: SearchState, filter: Filter): SearchState {
  const next = { ...s };
  if (filter === 'price') {
    delete next.priceMin;
    delete next.priceMax;
  } else delete next[filter];
  return next;
}

/** The chosen filters, in chip order. */
export function chosenFilters(s: SearchState): Filter[] {
  return FILTERS.filter((f) =>
    f === 'price' ? s.priceMin !== undefined || s.priceMax !== undefined : s[f] !== undefined,
  );
}

/** Words, sort and no filters: "clear all filters". */
export const withoutFilters = (s: SearchState): SearchState => ({ q: s.q, ...(s.sort ? { sort: s.sort } : {}) });

/**
 * What was searched when a word was misspelt: «kue keju» for "kuee keju". Null when every word was taken as typed.
 * A word with several corrections shows them all ("kripik" → «keripik/kerupuk»).
 */
export function correction(terms: readonly Term[]): { typed: string; searched: string } | null {
  if (!terms.some((t) => t.status === 'corrected')) return null;
  const kept = terms.filter((t) => t.status !== 'ignored' && t.status !== 'unknown');
  return {
    typed: kept.map((t) => t.word).join(' '),
    searched: kept.map((t) => (t.status === 'corrected' ? t.searchedAs.join('/') : t.word)).join(' '),
  };
}

/** Words no product holds and nothing in the catalogue resembles. */
export const unknownWords = (terms: readonly Term[]): string[] =>
  terms.filter((t) => t.status === 'unknown').map((t) => t.word);

/** "Kota Administrasi Jakarta Selatan" → "Jakarta Selatan": the official prefix says nothing to a buyer. */
export const shortRegion = (name: string): string => name.replace(/^(Kota|Kabupaten) Administrasi\s+/i, '');
