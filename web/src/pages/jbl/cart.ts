import { useSyncExternalStore } from 'react';

/**
 * The storefront's cart, kept in localStorage so it survives a reload or a closed tab on a phone. One edition at a
 * time: adding a product of another edition starts a new cart. Lines carry what the cart page shows (name, price,
 * seller) so it needs no request; the checkout answer is the truth on price and stock.
 */
export interface CartLine {
  itemId: number;
  quantity: number;
  name: string;
  price: number;
  unit: string;
  seller: { id: number; name: string };
}
export interface Cart {
  editionId: number;
  lines: CartLine[];
}

const KEY = 'pasar-lokal.jbl.cart';
const ORDERS_KEY = 'pasar-lokal.jbl.orders';
const listeners = new Set<() => void>();
let cached: { raw: string | null; cart: Cart | null } = { raw: null, cart: null };

function read(): Cart | null {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    /* storage blocked: an empty cart */
  }
  if (raw === cached.raw) return cached.cart;
  let cart: Cart | null = null;
  try {
    const parsed = raw ? (JSON.parse(raw) as Cart) : null;
    cart = parsed && Array.isArray(parsed.lines) ? parsed : null;
  } catch {
    cart = null;
  }
  cached = { raw, cart };
  return cart;
}

function write(cart: Cart | null) {
  try {
    if (cart?.lines.length) localStorage.setItem(KEY, JSON.stringify(cart));
    else localStorage.removeItem(KEY);
  } catch {
    /* not kept; the page still works for this visit */
  }
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  // Another tab changed the cart.
  const onStorage = (e: StorageEvent) => e.key === KEY && l();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

/** The cart of `editionId` (its lines; empty when the kept cart belongs to another edition). */
export function useCart(editionId: number): CartLine[] {
  const cart = useSyncExternalStore(subscribe, read);
  return cart && cart.editionId === editionId ? cart.lines : [];
}

export function addToCart(editionId: number, line: Omit<CartLine, 'quantity'>, quantity = 1): number {
  const cart = read();
  const lines = cart && cart.editionId === editionId ? cart.lines : [];
  const had = lines.find((l) => l.itemId === line.itemId);
  const next = had
    ? lines.map((l) => (l.itemId === line.itemId ? { ...l, quantity: l.quantity + quantity } : l))
    : [...lines, { ...line, quantity }];
  write({ editionId, lines: next });
  return (had?.quantity ?? 0) + quantity;
}

/** Sets a line's quantity; 0 removes it. */
export function setQuantity(editionId: number, itemId: number, quantity: number) {
  const cart = read();
  if (!cart || cart.editionId !== editionId) return;
  write({
    editionId,
    lines: cart.lines.flatMap((l) => (l.itemId !== itemId ? [l] : quantity > 0 ? [{ ...l, quantity }] : [])),
  });
}

export function clearCart(editionId: number) {
  if (read()?.editionId === editionId) write(null);
}

/** The lines grouped by seller, in the order the sellers were first added, with each seller's subtotal. */
export function bySeller(lines: CartLine[]): { seller: CartLine['seller']; lines: CartLine[]; subtotal: number }[] {
  const groups = new Map<number, { seller: CartLine['seller']; lines: CartLine[]; subtotal: number }>();
  for (const l of lines) {
    const g = groups.get(l.seller.id) ?? { seller: l.seller, lines: [], subtotal: 0 };
    g.lines.push(l);
    g.subtotal += l.price * l.quantity;
    groups.set(l.seller.id, g);
  }
  return [...groups.values()];
}

/** The tracking links of the orders made on this device (newest first, a few), so a buyer finds them again. */
export function keptOrders(): { number: string; token: string }[] {
  try {
    const v = JSON.parse(localStorage.getItem(ORDERS_KEY) ?? '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export function keepOrder(number: string, token: string) {
  try {
    const rest = keptOrders().filter((o) => o.token !== token);
    localStorage.setItem(ORDERS_KEY, JSON.stringify([{ number, token }, ...rest].slice(0, 5)));
  } catch {
    /* not kept */
  }
}

/** A fresh Idempotency-Key: one per checkout attempt, reused when the same attempt is retried. */
export function newAttemptKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
