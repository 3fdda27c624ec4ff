// The events that become OCDS releases, and the keyset page over all of them. Every release is one event of a plan
// or an order, keyed by (time, kind, id): a package's planning and tender, an order's award (placed), contract
// (accepted), cancellation (declined or cancelled), termination (closed), and each paid payment. Each kind is read
// from its own index on (time, id) from the cursor onwards (migration 0076), so a page never scans the orders.
import type { Queryable } from '../../platform/db/types.ts';
import { validationFailed, fieldError } from '../../platform/http/problem.ts';

/** The kinds in their order within one instant: a plan before its tender, an order's award before its contract. */
export const EVENT_KINDS = [
  'planning',
  'tender',
  'award',
  'contract',
  'payment',
  'declined',
  'cancelled',
  'closed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One release to build: the event's kind, the row it comes from (package, order or payment id) and its time. */
export interface EventKey {
  kind: EventKind;
  id: number;
  /** UTC, microseconds: the exact value the cursor compares with. */
  at: string;
}

/** Each kind's source: the table, its time column, the condition and name of its index (migration 0076). */
export const SOURCES: Record<EventKind, { table: string; ts: string; where: string; index: string }> = {
  planning: { table: 'procurement_package', ts: 'created_at', where: 'true', index: 'procurement_package_created_idx' },
  tender: {
    table: 'procurement_package',
    ts: 'ready_at',
    where: 'ready_at is not null',
    index: 'procurement_package_ready_idx',
  },
  award: { table: 'eorder', ts: 'placed_at', where: 'true', index: 'eorder_placed_idx' },
  contract: { table: 'eorder', ts: 'accepted_at', where: 'accepted_at is not null', index: 'eorder_accepted_idx' },
  payment: {
    table: 'eorder_payment',
    ts: 'paid_at',
    where: "status = 'paid' and paid_at is not null",
    index: 'eorder_payment_paid_idx',
  },
  declined: { table: 'eorder', ts: 'declined_at', where: 'declined_at is not null', index: 'eorder_declined_idx' },
  cancelled: { table: 'eorder', ts: 'cancelled_at', where: 'cancelled_at is not null', index: 'eorder_cancelled_idx' },
  closed: { table: 'eorder', ts: 'closed_at', where: 'closed_at is not null', index: 'eorder_closed_idx' },
};

const UTC_MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const ID_MAX = Number.MAX_SAFE_INTEGER;

export interface PageWindow {
  /** Releases strictly after this key (the cursor of the previous page)… */
  after?: EventKey;
  /** …or, on the first page, from this time on (inclusive). */
  since?: string;
  /** Up to, not including, this time. */
  until?: string;
  limit: number;
}

/**
 * The next `limit` event keys in release order. Each kind's branch is an index range scan with its own limit:
 * (ts, id) > (cursor time, threshold), where the threshold makes the one comparison equal to (ts, kind, id) >
 * cursor — a kind after the cursor's kind takes the cursor's instant itself, a kind before it starts after it.
 */
export async function eventPage(q: Queryable, w: PageWindow): Promise<EventKey[]> {
  const { sql, params } = eventPageQuery(w);
  const rows = await q.query<{ kind: EventKind; id: number; at: string }>(sql, params);
  return rows.map((r) => ({ kind: r.kind, id: Number(r.id), at: r.at }));
}

/** The statement of eventPage (its plan is tested: one index range scan per kind, no sequential scan). */
export function eventPageQuery(w: PageWindow): { sql: string; params: unknown[] } {
  // `since` is inclusive on the first page: the (ts, 0) threshold admits ts = since.
  const params: unknown[] = [w.after?.at ?? w.since ?? '-infinity', w.until ?? 'infinity', w.limit];
  const afterRank = w.after ? EVENT_KINDS.indexOf(w.after.kind) : -1;
  const branches = EVENT_KINDS.map((kind, rank) => {
    const s = SOURCES[kind];
    const threshold = !w.after || rank > afterRank ? 0 : rank < afterRank ? ID_MAX : w.after.id;
    params.push(threshold);
    return `(select '${kind}'::text as kind, ${rank} as rank, id::bigint as id, ${s.ts} as ts from ${s.table}
              where ${s.where} and (${s.ts}, id) > ($1::timestamptz, $${params.length}::bigint) and ${s.ts} < $2::timestamptz
              order by ${s.ts}, id limit $3)`;
  });
  const sql = `select kind, id, to_char(ts at time zone 'UTC', ${UTC_MICROS}) as at
       from (${branches.join('\n union all ')}) e
      order by ts, rank, id limit $3`;
  return { sql, params };
}

/** Every event of one package (its record): the plan, its tender, its orders' events and their paid payments. */
export async function packageEvents(q: Queryable, packageId: number): Promise<EventKey[]> {
  const at = (col: string) => `to_char(${col} at time zone 'UTC', ${UTC_MICROS})`;
  const rows = await q.query<{ kind: EventKind; id: number; at: string; ts: string }>(
    `select kind, id, ${at('ts')} as at, ts from (
       select 'planning' as kind, p.id::bigint as id, p.created_at as ts from procurement_package p where p.id = $1
       union all select 'tender', p.id, p.ready_at from procurement_package p where p.id = $1 and p.ready_at is not null
       union all select k.kind, o.id, k.ts
         from eorder o cross join lateral (values ('award', o.placed_at), ('contract', o.accepted_at),
                                                  ('declined', o.declined_at), ('cancelled', o.cancelled_at),
                                                  ('closed', o.closed_at)) k (kind, ts)
        where o.package_id = $1 and k.ts is not null
       union all select 'payment', y.id, y.paid_at
         from eorder o join eorder_payment y on y.order_id = o.id
        where o.package_id = $1 and y.status = 'paid' and y.paid_at is not null
     ) e`,
    [packageId],
  );
  const keys = rows.map((r) => ({ kind: r.kind, id: Number(r.id), at: r.at }));
  return keys.sort(compareKeys);
}

/** Release order: time, then kind, then id (the order every page and record lists releases in). */
export function compareKeys(a: EventKey, b: EventKey): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  const k = EVENT_KINDS.indexOf(a.kind) - EVENT_KINDS.indexOf(b.kind);
  return k !== 0 ? k : a.id - b.id;
}

/** The cursor handed out in `links.next`: opaque to clients, base64url of the last key. */
export function encodeCursor(k: EventKey): string {
  return Buffer.from(JSON.stringify([k.at, k.kind, k.id])).toString('base64url');
}

export function decodeCursor(s: string): EventKey {
  try {
    const [at, kind, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) &&
      EVENT_KINDS.includes(kind as EventKind) &&
      Number.isSafeInteger(id) &&
      (id as number) > 0
    )
      return { at, kind: kind as EventKind, id: id as number };
  } catch {
    // falls through to the refusal below
  }
  throw validationFailed([
    fieldError(
      'after',
      'invalid_cursor',
      'Penanda halaman tidak dikenal: ikuti tautan links.next apa adanya.',
      'Unknown page cursor: follow the links.next link as given.',
    ),
  ]);
}
