// For bulk loaders (the seed): a million products through the per-statement insert trigger cost the jakarta seed
// ~3.5 minutes (each batch updates a growing GIN index); filling the search table once afterwards, with its
// indexes built after the rows, takes well under one.
import type { Queryable } from '../platform/db/types.ts';
import { Pipeline } from '../platform/db/pipeline.ts';

const TRIGGER = 'catalog_search_product_inserted';

/** Runs `load` with the search table's insert trigger off; call fillCatalogSearch afterwards. */
export async function withSearchInsertsDeferred<T>(q: Queryable, load: () => Promise<T>): Promise<T> {
  await q.exec(`alter table product disable trigger ${TRIGGER}`);
  try {
    return await load();
  } finally {
    await q.exec(`alter table product enable trigger ${TRIGGER}`);
  }
}

/**
 * Adds the search rows of products with id > `afterId`, `parallel` statements at a time. When the table starts
 * empty (a fresh load) its secondary indexes are dropped and rebuilt from their own definitions around the fill:
 * a bulk GIN build is several times faster than as many inserts. A load that dies in between leaves the table
 * without them — as incomplete as the rest of that load, which is made again into an empty database.
 */
export async function fillCatalogSearch(q: Queryable, afterId: number, parallel = 1, chunk = 100_000): Promise<number> {
  const [range] = await q.query<{ lo: number | null; hi: number | null; empty: boolean }>(
    'select min(id) as lo, max(id) as hi, not exists (select 1 from catalog_search) as empty from product where id > $1',
    [afterId],
  );
  if (!range || range.lo === null || range.hi === null) return 0;
  const indexes = range.empty
    ? await q.query<{ name: string; def: string }>(
        `select indexname as name, indexdef as def from pg_indexes
         where schemaname = current_schema() and tablename = 'catalog_search' and indexname <> 'catalog_search_pkey'`,
      )
    : [];
  for (const i of indexes) await q.exec(`drop index ${i.name}`);
  let added = 0;
  const pipeline = new Pipeline(parallel);
  for (let lo = range.lo; lo <= range.hi; lo += chunk) {
    const from = lo;
    await pipeline.add(async () => {
      const [r] = await q.query<{ n: number }>(
        `with added as (insert into catalog_search select * from catalog_search_source where product_id between $1 and $2 on conflict do nothing returning 1)
         select count(*)::int8 as n from added`,
        [from, from + chunk - 1],
      );
      added += r?.n ?? 0;
    });
  }
  await pipeline.drain();
  // pg_indexes shows a partitioned table's index as "ON ONLY": built that way it would cover no partition.
  for (const i of indexes) await pipeline.add(() => q.exec(i.def.replace(' ON ONLY ', ' ON ')));
  await pipeline.drain();
  return added;
}
