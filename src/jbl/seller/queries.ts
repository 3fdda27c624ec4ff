// SQL the seller's reads share: the edition a seller is in (a line-up item of one of their businesses), and the
// order lines of child orders as JSON. The caller's scope is $1 (sellerScope's owner id), folded into the WHERE.
import type { Actor } from '../../platform/auth/actor.ts';
import type { ScopeSql } from '../../platform/db/scope.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { sellerScope } from '../../platform/db/scope.ts';
import type { SellerEditions } from './schema.ts';

export type EditionFacts = Omit<SellerEditions['editions'][number], 'items' | 'orders'>;

/** The seller's own businesses, on `column` (an umkm id), with the owner id as $1. */
export const mine = (actor: Actor, column: string): ScopeSql => sellerScope(actor, column, 1);

export const iso = (d: Date | string) => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

/** The edition's columns as the seller reads them (alias e, host region r). */
export const EDITION_COLUMNS = `e.id, e.friday::text as friday, e.held_on::text as held_on, r.name as host, e.status,
  e.preorder_closes_at, e.live_starts_at, e.live_ends_at`;

export interface EditionRow {
  id: number;
  friday: string;
  held_on: string;
  host: string;
  status: EditionFacts['status'];
  preorder_closes_at: Date;
  live_starts_at: Date;
  live_ends_at: Date;
}

export const presentEdition = (e: EditionRow): EditionFacts => ({
  id: Number(e.id),
  friday: e.friday,
  heldOn: e.held_on,
  host: e.host,
  status: e.status,
  preorderClosesAt: iso(e.preorder_closes_at),
  liveStartsAt: iso(e.live_starts_at),
  liveEndsAt: iso(e.live_ends_at),
});

/** The edition if one of the caller's businesses is in its line-up; otherwise not found, as if it did not exist. */
export async function sellerEdition(db: Queryable, actor: Actor, editionId: number): Promise<EditionFacts> {
  const scope = mine(actor, 'i.umkm_id');
  const [e] = await db.query<EditionRow>(
    `select ${EDITION_COLUMNS} from jbl_edition e join region r on r.code = e.host_region_code
      where e.id = $${scope.params.length + 1} and e.status <> 'planned'
        and exists (select 1 from jbl_lineup_item i where i.edition_id = e.id and ${scope.sql})`,
    [...scope.params, editionId],
  );
  if (!e) throw notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });
  return presentEdition(e);
}

/** A child order's lines (alias c) as a JSON array of {lineId, name, unit, quantity}. */
export const LINES_JSON = `coalesce((select json_agg(json_build_object('lineId', l.id, 'name', p.name, 'unit', p.unit, 'quantity', l.quantity) order by l.id)
   from jbl_order_line l join product p on p.id = l.product_id where l.child_order_id = c.id), '[]'::json)`;

/** The buyer's first name only (personal data kept minimal: no surname, no phone). */
export const BUYER_FIRST_NAME = `split_part(btrim(o.buyer_name), ' ', 1)`;
