-- Session settings of this database that catalog search depends on (they apply to new sessions).
-- synchronize_seqscans = off: search reads the first matches of each catalog_search partition in physical order as
--   its sample (src/catalog/search-sql.ts). A synchronised sequential scan starts wherever another scan of the table
--   happens to be, so the same query could sample other rows from one page of results to the next (duplicates or
--   gaps in relevance pages). Big concurrent scans lose the shared read, which an OLTP database of this size
--   does not need.
-- jit = off: a search statement's estimated cost can pass jit_above_cost, and compiling it then takes 50–100 ms
--   for a query that runs in 5. Nothing here runs long enough to win that back. (PGlite has no JIT.)
do $$
begin
  execute format('alter database %I set synchronize_seqscans = off', current_database());
  execute format('alter database %I set jit = off', current_database());
end $$;
