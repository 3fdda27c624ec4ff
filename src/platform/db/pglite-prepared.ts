// Prepared statements on PGlite (QueryOptions.prepare). PGlite's query() parses and plans every statement; this
// keeps a named statement per text, so PostgreSQL's plan cache applies as on a server: for catalogue search,
// planning took longer than running. Through PGlite's protocol interface, under the same locks as query().
import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import { statementName } from './statement-name.ts';

type Prepared = { name: string; paramTypes: number[] };
const preparedOf = new WeakMap<PGlite, Map<string, Prepared>>();

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function prepare(pgl: PGlite, sql: string): Promise<Prepared> {
  const name = statementName(sql);
  const { serialize } = protocol;
  const { messages } = await pgl.execProtocol(
    concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
  );
  const description = messages.find((m) => m.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
  return { name, paramTypes: description?.dataTypeIDs ?? [] };
}

export async function preparedQuery<T>(pgl: PGlite, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  // As query(): wait for any transaction, then hold the query lock.
  return pgl._runExclusiveTransaction(() =>
    pgl.runExclusive(async () => {
      let statements = preparedOf.get(pgl);
      if (!statements) {
        statements = new Map();
        preparedOf.set(pgl, statements);
      }
      let p = statements.get(sql);
      if (!p) {
        p = await prepare(pgl, sql);
        statements.set(sql, p);
      }
      const values = params.map((v, i) =>
        v === null || v === undefined ? null : (pgl.serializers[p.paramTypes[i]!] ?? String)(v),
      );
      const { serialize } = protocol;
      const { messages } = await pgl.execProtocol(
        concat([
          serialize.bind({ statement: p.name, values }),
          serialize.describe({ type: 'P' }),
          serialize.execute({}),
          serialize.sync(),
        ]),
      );
      return (parse.parseResults(messages, pgl.parsers)[0]?.rows ?? []) as T[];
    }),
  );
}
