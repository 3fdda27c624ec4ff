// SQL the report use cases share: which seller orders count as omzet, how an edition is referred to, and turning
// rows split by session into the pre-order / live / total shape.
import type { Counts, EditionRef, Split } from './schema.ts';

/** A seller (child) order counts once paid; expired, cancelled and unpaid ones never do. */
export const COUNTED = `('paid', 'handed_over')`;

/** Editions whose figures are published: opened at some point (planned and skipped ones have none). */
export const PUBLISHED = `('open', 'live', 'closed')`;

export const EDITION_COLUMNS = `e.id as edition_id, e.friday::text as friday, e.held_on::text as held_on, e.status,
  e.host_region_code, hr.name as host_name`;
export const EDITION_JOIN = 'join region hr on hr.code = e.host_region_code';

export interface EditionCols {
  edition_id: number;
  friday: string;
  held_on: string;
  status: string;
  host_region_code: string;
  host_name: string;
}

export const editionRef = (r: EditionCols): EditionRef => ({
  id: Number(r.edition_id),
  friday: r.friday,
  heldOn: r.held_on,
  status: r.status,
  host: { code: r.host_region_code, name: r.host_name },
});

export interface SessionRow {
  session: 'preorder' | 'live' | null;
  orders: number | string | null;
  units: number | string | null;
  omzet: number | string | null;
}

const zero = (): Counts => ({ orders: 0, units: 0, omzet: 0 });
export const emptySplit = (): Split => ({ preorder: zero(), live: zero(), total: zero() });

/** Adds a session's counts into a split (a seller order belongs to one session, so the total is the sum). */
export function addInto(s: Split, r: SessionRow): Split {
  const c = { orders: Number(r.orders ?? 0), units: Number(r.units ?? 0), omzet: Number(r.omzet ?? 0) };
  if (r.session === 'preorder' || r.session === 'live') {
    const part = s[r.session];
    part.orders += c.orders;
    part.units += c.units;
    part.omzet += c.omzet;
  }
  s.total.orders += c.orders;
  s.total.units += c.units;
  s.total.omzet += c.omzet;
  return s;
}
