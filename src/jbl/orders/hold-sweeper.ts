// Every 30 s the server gives back the stock of unpaid checkouts whose hold ran out (checkout also does it at once
// for the items it is short of). Several servers may run it: SKIP LOCKED lets each take different orders. A tick
// drains what has expired, 500 orders per transaction, so a rush of abandoned carts is cleared in one pass.
import type { Db } from '../../platform/db/types.ts';
import { releaseExpired } from './hold-stock.ts';

export const SWEEP_EVERY_MS = 30_000;
const BATCH = 500;
const MAX_BATCHES_PER_TICK = 200;

/** Releases every expired hold, a batch per transaction; returns how many orders expired. */
export async function sweepExpiredHolds(db: Db, now = new Date()): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES_PER_TICK; i++) {
    const n = await db.transaction((tx) => releaseExpired(tx, now));
    total += n;
    if (n < BATCH) break;
  }
  return total;
}

export function startHoldSweeper(db: Db, every = SWEEP_EVERY_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepExpiredHolds(db)
      .catch(() => {}) // a failed sweep is retried at the next tick; checkout releases what it needs itself
      .finally(() => {
        running = false;
      });
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
