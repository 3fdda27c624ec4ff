import type { Edition } from '../../../../src/jbl/schema.ts';
import type { OrderView, Shelf, ShelfItem } from '../../../../src/jbl/orders/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';

export type { Edition, OrderView, Shelf, ShelfItem };

export const BASE = '/jumat-beli-lokal';
export const editionHref = (id: number) => `${BASE}/${id}`;
export const itemHref = (editionId: number, itemId: number) => `${BASE}/${editionId}/produk/${itemId}`;
export const cartHref = (editionId: number) => `${BASE}/${editionId}/keranjang`;
export const trackHref = (token: string) => `${BASE}/pesanan/${token}`;

const isId = (s: string | undefined) => !!s && /^[1-9]\d{0,15}$/.test(s);
const notFound = () => Promise.reject(new ApiProblem(404, 'not_found', undefined));

/**
 * The edition a storefront address names, or — at `/jumat-beli-lokal` — the current one: the live edition, else the
 * open one whose pre-orders close first. `null` when none is open (the page says when the next one opens).
 */
export async function loadEdition(editionId: string | undefined): Promise<Edition | null> {
  if (editionId !== undefined) return isId(editionId) ? api<Edition>(`/api/jbl/editions/${editionId}`) : notFound();
  const [live, open] = await Promise.all(
    (['live', 'open'] as const).map((s) => api<{ items: Edition[] }>(`/api/jbl/editions?status=${s}`)),
  );
  const byClose = (a: Edition, b: Edition) => a.preorderClosesAt.localeCompare(b.preorderClosesAt);
  const now = new Date().toISOString();
  const current = open!.items.filter((e) => e.liveEndsAt > now).sort(byClose);
  return live!.items.sort(byClose)[0] ?? current[0] ?? null;
}

export function loadShelf(editionId: number, q = '', category = ''): Promise<Shelf> {
  const qs = new URLSearchParams();
  if (q) qs.set('q', q);
  if (category) qs.set('category', category);
  const s = qs.toString();
  return api<Shelf>(`/api/jbl/editions/${editionId}/shelf${s ? `?${s}` : ''}`);
}

export const validId = isId;
export { notFound as rejectNotFound };

/** The wa.me link that opens WhatsApp with `text` and the page's full address prefilled. */
export function waShare(text: string, path: string): string {
  return `https://wa.me/?text=${encodeURIComponent(`${text} ${location.origin}${path}`)}`;
}

/** The next Monday 00:00 in Jakarta (UTC+7 all year), when a new edition's pre-orders usually open. */
export function nextMondayWib(now = new Date()): Date {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  const days = (8 - wib.getUTCDay()) % 7 || 7;
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate() + days) - 7 * 3_600_000);
}
