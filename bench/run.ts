// `npm run bench -- <name> [args…]` runs bench/<name>.ts against DATABASE_URL (or a temporary embedded database)
// and prints its result as one JSON object on the last line of stdout. A missed goal is a result, not a failure:
// the exit code is 0 unless the benchmark could not run.
import { printResult } from './harness.ts';

export type Bench = (args: string[]) => Promise<Record<string, unknown>>;

const benches: Record<string, () => Promise<{ default: Bench }>> = {
  seed: () => import('./seed.ts'),
  import: () => import('./import.ts'),
  search: () => import('./search.ts'),
  procurement: () => import('./procurement.ts'),
  ocds: () => import('./ocds.ts'),
  checkout: () => import('./checkout.ts'),
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? benches[name] : undefined;
  if (!load) {
    console.error(`usage: npm run bench -- <name> [args]\nbenchmarks: ${Object.keys(benches).join(', ')}`);
    process.exit(1);
  }
  const result = await (await load()).default(args);
  printResult(result);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
