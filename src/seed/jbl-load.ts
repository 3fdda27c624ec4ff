// Jumat Beli Lokal seed: writes one edition — its line-up with balanced stock, then the orders, the child orders with
// their QRIS payloads, the lines and the aggregator's payment notifications — as a handful of bulk statements.
// The rows are built synchronously (so the next edition can be drawn while these are inserted) and the returned
// function inserts them.
import type { Queryable } from '../platform/db/types.ts';
import type { PersonalDataKeys } from '../platform/personal-data.ts';
import type { QrisMerchant } from '../platform/qris/encode-qris.ts';
import { ColumnBuffer } from './bulk.ts';
import type { LineupItem, SeedEdition } from './jbl-lineup.ts';
import { childQris, type DrawnOrder } from './jbl-orders.ts';
import type { Rng } from './prng.ts';

export const SOLD_OUT_SHARE = 0.08;

const ITEM_COLUMNS = [
  ['id', 'int8'],
  ['edition_id', 'int8'],
  ['product_id', 'int8'],
  ['umkm_id', 'int8'],
  ['kecamatan_code', 'text'],
  ['category_code', 'text'],
  ['price', 'int8'],
  ['stock_initial', 'int4'],
  ['stock', 'int4'],
  ['held', 'int4'],
  ['sold', 'int4'],
  ['pick', 'text'],
  ['rotation_round', 'int4'],
  ['reason_id', 'text'],
  ['reason_en', 'text'],
  ['created_at', 'timestamptz'],
] as const;
const ORDER_COLUMNS = [
  ['id', 'int8'],
  ['number', 'text'],
  ['edition_id', 'int8'],
  ['buyer_kind', 'text'],
  ['buyer_account_id', 'int8'],
  ['agency_id', 'int8'],
  ['buyer_name', 'text'],
  ['buyer_phone_enc', 'bytea'],
  ['buyer_phone_hash', 'bytea'],
  ['tracking_token', 'text'],
  ['session', 'text'],
  ['total', 'int8'],
  ['created_at', 'timestamptz'],
] as const;
const CHILD_COLUMNS = [
  ['id', 'int8'],
  ['order_id', 'int8'],
  ['edition_id', 'int8'],
  ['umkm_id', 'int8'],
  ['number', 'text'],
  ['status', 'text'],
  ['pickup', 'text'],
  ['hub_code', 'text'],
  ['total', 'int8'],
  ['paid_to', 'text'],
  ['qris_payload', 'text'],
  ['hold_expires_at', 'timestamptz'],
  ['paid_at', 'timestamptz'],
  ['paid_via', 'text'],
  ['payment_ref', 'text'],
  ['handed_over_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
] as const;
const LINE_COLUMNS = [
  ['child_order_id', 'int8'],
  ['umkm_id', 'int8'],
  ['lineup_item_id', 'int8'],
  ['product_id', 'int8'],
  ['quantity', 'int4'],
  ['price', 'int8'],
  ['amount', 'int8'],
] as const;
const EVENT_COLUMNS = [
  ['event_id', 'text'],
  ['child_order_id', 'int8'],
  ['amount', 'int8'],
  ['reference', 'text'],
  ['outcome', 'text'],
  ['sent_at', 'timestamptz'],
  ['received_at', 'timestamptz'],
] as const;

/**
 * Ids of a table's identity handed out locally: one nextval for the first, one setval at the end (the seed is the only
 * writer while it runs), so editions cost no round trips for their ids.
 */
export async function idBlock(q: Queryable, table: string) {
  const [r] = await q.query<{ first: number }>(`select nextval(pg_get_serial_sequence($1, 'id')) as first`, [table]);
  let next = Number(r?.first);
  return {
    take(n: number): number {
      const first = next;
      next += n;
      return first;
    },
    async close(): Promise<void> {
      await q.query(`select setval(pg_get_serial_sequence($1, 'id'), $2::int8)`, [table, next]);
    },
  };
}

export interface EditionLoad {
  edition: SeedEdition;
  editionId: number;
  items: LineupItem[];
  itemFirst: number;
  orders: DrawnOrder[];
  ids: { order: number; child: number };
  rng: Rng;
  aggregator: QrisMerchant;
  hold: number;
  keys: PersonalDataKeys;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface EditionRows {
  items: ColumnBuffer;
  orders: ColumnBuffer;
  children: ColumnBuffer;
  lines: ColumnBuffer;
  events: ColumnBuffer;
}
const TABLES = [
  ['items', 'jbl_lineup_item', true],
  ['orders', 'jbl_order', true],
  ['children', 'jbl_child_order', true],
  ['lines', 'jbl_order_line', false],
  ['events', 'jbl_payment_event', false],
] as const;

/**
 * Editions' rows gathered into one set of statements (the demo's small editions would otherwise cost hundreds of
 * statements); `take` hands them over and starts afresh. Parents before children, in one task.
 */
export class EditionBatch {
  private rows = EditionBatch.empty();
  static empty(): EditionRows {
    return {
      items: new ColumnBuffer(ITEM_COLUMNS),
      orders: new ColumnBuffer(ORDER_COLUMNS),
      children: new ColumnBuffer(CHILD_COLUMNS),
      lines: new ColumnBuffer(LINE_COLUMNS),
      events: new ColumnBuffer(EVENT_COLUMNS),
    };
  }
  add(r: EditionRows): void {
    if (!this.rows.orders.length && !this.rows.items.length) {
      this.rows = r;
      return;
    }
    for (const [key] of TABLES)
      this.rows[key].values.forEach((col, i) => {
        for (const v of r[key].values[i] as unknown[]) col.push(v);
      });
  }
  get lines(): number {
    return this.rows.lines.length;
  }
  take(q: Queryable): () => Promise<Record<string, number>> {
    const r = this.rows;
    this.rows = EditionBatch.empty();
    return async () => {
      const counts: Record<string, number> = {};
      for (const [key, table, withIds] of TABLES) {
        await r[key].flush(q, table, { withIds });
        counts[table] = r[key].length;
      }
      return counts;
    };
  }
}

/** Builds one edition's rows: ids from the blocks, stock from what its paid lines sold. */
export function editionRows(x: EditionLoad): EditionRows {
  const e = x.edition;
  const day = e.friday.replaceAll('-', '');
  const orders = new ColumnBuffer(ORDER_COLUMNS);
  const children = new ColumnBuffer(CHILD_COLUMNS);
  const lines = new ColumnBuffer(LINE_COLUMNS);
  const events = new ColumnBuffer(EVENT_COLUMNS);
  const sold = new Array<number>(x.items.length).fill(0);
  let childId = x.ids.child;
  for (const [k, o] of x.orders.entries()) {
    const id = x.ids.order + k;
    const number = `JBL-${day}-${String(k + 1).padStart(6, '0')}`;
    orders.push(
      id,
      number,
      x.editionId,
      o.kind,
      o.account,
      o.agency,
      o.name,
      o.phone && x.keys.encrypt(o.phone),
      o.phone && x.keys.hash(o.phone),
      o.token,
      o.session,
      o.total,
      iso(o.at),
    );
    for (const [ci, c] of o.children.entries()) {
      const cid = childId++;
      const cnumber = `${number}-${ci + 1}`;
      const paid = c.status !== 'expired';
      const webhook = c.paidVia === 'webhook';
      const eventId = webhook ? `AGG-${cnumber}` : null;
      const expires = o.at + x.hold * 60_000;
      children.push(
        cid,
        id,
        x.editionId,
        c.seller.umkmId,
        cnumber,
        c.status,
        c.pickup,
        c.hub,
        c.total,
        c.seller.merchant ? 'seller' : 'aggregator',
        childQris(c, cnumber, x.aggregator),
        iso(expires),
        iso(c.paidAt),
        c.paidVia,
        eventId,
        iso(c.handedAt),
        paid ? null : iso(expires),
        iso(o.at),
      );
      for (const l of c.lines) {
        lines.push(cid, c.seller.umkmId, l.item.id, l.item.productId, l.qty, l.item.price, l.item.price * l.qty);
        if (paid) sold[l.item.id - x.itemFirst]! += l.qty;
      }
      if (eventId) events.push(eventId, cid, c.total, cnumber, 'paid', iso(c.paidAt! - 1500), iso(c.paidAt));
    }
  }
  // Stock brought = what sold plus what was left; some items sold out exactly, unsold ones brought a little.
  const items = new ColumnBuffer(ITEM_COLUMNS);
  for (const [k, it] of x.items.entries()) {
    const s = sold[k]!;
    const initial =
      s === 0
        ? x.rng.int(5, 40)
        : x.rng.chance(SOLD_OUT_SHARE)
          ? s
          : s + Math.max(2, Math.round(s * x.rng.next() * 0.6));
    items.push(
      x.itemFirst + k,
      x.editionId,
      it.productId,
      it.umkmId,
      it.kecamatan,
      it.category,
      it.price,
      initial,
      initial - s,
      0,
      s,
      it.pick,
      it.round,
      it.reasonId,
      it.reasonEn,
      iso(e.opens - 7 * 86_400_000),
    );
  }
  return { items, orders, children, lines, events };
}
