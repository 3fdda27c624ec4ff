// Bounded concurrency for bulk loads: the seed generator and the catalogue's search fill (src/catalog/bulk-load.ts).
/**
 * Runs insert tasks with at most `limit` in flight: the generator keeps producing the next batch meanwhile. With a
 * PostgreSQL pool, 2 lets the server use both cores; inside one transaction or on PGlite it is 1 (one connection).
 */
export class Pipeline {
  private readonly running = new Set<Promise<void>>();
  private failure: unknown;
  constructor(private readonly limit: number) {}

  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    this.check();
    const p: Promise<void> = task()
      .catch((e: unknown) => {
        this.failure ??= e;
      })
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
    this.check();
  }

  private check() {
    if (this.failure !== undefined) throw this.failure;
  }
}
