// A transaction that lost a deadlock (40P01) or a serialization conflict (40001) did nothing: PostgreSQL rolled it
// back. Running it again is the correct answer, not a 500. Used where many buyers write the same rows at once.
const RETRYABLE = new Set(['40P01', '40001']);

export async function retryConflicts<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (i >= attempts || typeof code !== 'string' || !RETRYABLE.has(code)) throw e;
      await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 10));
    }
  }
}
