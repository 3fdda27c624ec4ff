import { AppError } from './http/problem.ts';

/**
 * An in-memory token bucket per key (usually the client address), for endpoints that must not be hammered
 * (login, public validation). Far above human use: a person never notices it, a script flooding it does.
 */
export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  take(key: string, now = Date.now()): void {
    this.check(key, now);
    this.spend(key, now);
  }

  /** Refuses (429 with Retry-After) while the key's bucket is empty, without taking from it. */
  check(key: string, now = Date.now()): void {
    const b = this.refill(key, now);
    if (b.tokens < 1) throw tooManyRequests(Math.ceil((1 - b.tokens) / this.perSecond));
  }

  /** Takes a token even from an empty bucket: for counting failures, checked apart before the next attempt. */
  spend(key: string, now = Date.now()): void {
    this.refill(key, now).tokens -= 1;
  }

  private refill(key: string, now: number) {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (this.buckets.size > 50_000) this.buckets.clear(); // bounded memory under an address-spraying flood
    this.buckets.set(key, b);
    return b;
  }
}

export function tooManyRequests(retryAfterSeconds: number): AppError {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(
    429,
    'too_many_requests',
    {
      id: `Terlalu banyak percobaan. Coba lagi dalam ${s} detik.`,
      en: `Too many attempts. Try again in ${s} seconds.`,
    },
    [],
    { 'retry-after': String(s) },
  );
}
