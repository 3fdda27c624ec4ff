// The share and ageing pages' answers, kept as the JSON they were sent as and reused while nothing they read has
// changed: each answer is stored under the versions of the agencies it covers (procurement_version, migration 0077,
// bumped in the transaction of every change), today's WIB date (ageing counts days, the share counts past months)
// and the procurement settings (target, grades, SLA). The versions are read before the answer is computed, so an
// answer is never newer-stamped than what it holds: a change that commits later bumps a version and the next
// request computes afresh. Exact, not a time-to-live; the benchmark compares the pages with a full scan.
import type { ScopeSql } from '../../platform/db/scope.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { acceptsGzip, type JsonReply, sendJsonGzip, sendJsonText, serializeOk } from '../../platform/http/json-text.ts';

const gzip = promisify(zlib.gzip);

const MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  stamp: string;
  body: string;
  /** The body gzipped, made on first demand: a phone gets a tenth of the bytes, and no request compresses again. */
  gzipped?: Promise<Buffer>;
}

interface Store {
  entries: Map<string, Entry>;
  inFlight: Map<string, Promise<Entry>>;
  bytes: number;
}

/** One store per database, so two databases in one process (tests) never share answers. */
const stores = new WeakMap<Queryable, Store>();

function storeOf(db: Queryable): Store {
  let s = stores.get(db);
  if (!s) {
    s = { entries: new Map(), inFlight: new Map(), bytes: 0 };
    stores.set(db, s);
  }
  return s;
}

/** What the answers of the agencies in `scope` (a condition on `agency_id`) depend on, as one string. */
async function stampOf(db: Queryable, scope: ScopeSql): Promise<string> {
  const [r] = await db.query<{ stamp: string }>(
    `select concat_ws('|',
        (select string_agg(agency_id || '.' || version, ',' order by agency_id) from procurement_version where ${scope.sql}),
        wib_today()::text,
        (select md5(string_agg(key || effective_from || value::text, ',' order by key, effective_from))
           from setting where key like 'procurement.%')) as stamp`,
    scope.params,
  );
  return r?.stamp ?? '';
}

/** Keeps the entry as the most recent; drops the least recently used beyond MAX_BYTES. */
function remember(s: Store, key: string, entry: Entry) {
  const old = s.entries.get(key);
  if (old) s.bytes -= old.body.length;
  s.entries.delete(key);
  s.entries.set(key, entry);
  s.bytes += entry.body.length;
  for (const [k, e] of s.entries) {
    if (s.bytes <= MAX_BYTES) break;
    s.entries.delete(k);
    s.bytes -= e.body.length;
  }
}

/**
 * The JSON of `compute()` for `key` over the agencies in `scope`, computed once per change of what it reads;
 * concurrent requests for the same answer share one computation.
 */
async function versionedJson(
  db: Queryable,
  key: string,
  scope: ScopeSql,
  compute: () => Promise<string>,
): Promise<Entry> {
  const fullKey = `${key}|${scope.sql}|${JSON.stringify(scope.params)}`;
  const s = storeOf(db);
  const stamp = await stampOf(db, scope);
  const hit = s.entries.get(fullKey);
  if (hit?.stamp === stamp) {
    remember(s, fullKey, hit);
    return hit;
  }
  const flightKey = `${fullKey}#${stamp}`;
  const running = s.inFlight.get(flightKey);
  if (running) return running;
  const job = compute()
    .then((body) => {
      const entry = { stamp, body };
      remember(s, fullKey, entry);
      return entry;
    })
    .finally(() => s.inFlight.delete(flightKey));
  s.inFlight.set(flightKey, job);
  return job;
}

/**
 * Answers a route with its kept JSON for `key` over the agencies in `scope`, computing it with `read` (and the
 * route's response schema) when something it reads has changed. `read` still checks access: a caller outside
 * `scope` finds no versions and gets what `read` answers (404, 403), which is never kept.
 */
export async function sendKept<R extends JsonReply>(
  db: Queryable,
  reply: R,
  key: string,
  scope: ScopeSql,
  read: () => Promise<object>,
): Promise<R> {
  const entry = await versionedJson(db, key, scope, async () => serializeOk(reply, await read()));
  if (!acceptsGzip(reply)) return sendJsonText(reply, entry.body);
  entry.gzipped ??= gzip(entry.body, { level: 6 });
  return sendJsonGzip(reply, await entry.gzipped);
}
