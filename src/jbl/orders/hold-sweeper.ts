// Every 30 s the server gives back the stock of unpaid checkouts whose hold ran out (checkout also does it at once
// for the items it is short of). Several servers may run it: SKIP LOCKED lets each take different orders.
import type { Db } from '../../platform/db/types.ts';
import { releaseExpired } from './hold-stock.ts';

export const SWEEP_EVERY_MS = 30_000;

export function startHoldSweeper(db: Db, every = SWEEP_EVERY_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    db.transaction((tx) => releaseExpired(tx, new Date()))
      .catch(() => {}) // a failed sweep is retried at the next tick; checkout releases what it needs itself
      .finally(() => {
        running = false;
      });
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
