import { describe, expect, it } from 'vitest';
import { bySeller, type CartLine } from './cart.ts';
import { nextMondayWib } from './data.ts';

describe('the storefront’s own reckoning', () => {
  it('says the next edition opens on the coming Monday at 00:00 WIB, from any instant of the week', () => {
    // Friday 4 Dec 2026 10:00 WIB (03:00 UTC) → Monday 7 Dec 00:00 WIB = Sunday 6 Dec 17:00 UTC.
    expect(nextMondayWib(new Date('2026-12-04T03:00:00Z')).toISOString()).toBe('2026-12-06T17:00:00.000Z');
    // Sunday 6 Dec 23:30 WIB → the Monday half an hour later.
    expect(nextMondayWib(new Date('2026-12-06T16:30:00Z')).toISOString()).toBe('2026-12-06T17:00:00.000Z');
    // Monday 7 Dec 00:30 WIB (Sunday 17:30 UTC) → a week later, not the Monday already begun.
    expect(nextMondayWib(new Date('2026-12-06T17:30:00Z')).toISOString()).toBe('2026-12-13T17:00:00.000Z');
  });

  it('groups a cart by seller in the order they were added, with subtotals', () => {
    const line = (itemId: number, seller: number, price: number, quantity: number): CartLine => ({
      itemId,
      quantity,
      price,
      name: `P${itemId}`,
      unit: 'pcs',
      seller: { id: seller, name: `S${seller}` },
    });
    const groups = bySeller([line(1, 7, 25_000, 2), line(2, 3, 40_000, 1), line(3, 7, 5_000, 3)]);
    expect(groups.map((g) => [g.seller.id, g.lines.map((l) => l.itemId), g.subtotal])).toEqual([
      [7, [1, 3], 65_000],
      [3, [2], 40_000],
    ]);
  });
});
