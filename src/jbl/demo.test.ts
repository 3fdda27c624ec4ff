// The demo has a current Jumat Beli Lokal edition: planned through the Dinas's use case and open for pre-orders,
// shown to the public, and a second start changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDb } from '../../test/support/db.ts';
import { createDemoAccounts } from '../access/demo-accounts.ts';
import type { Db } from '../platform/db/types.ts';
import { createDemoEditions } from './demo.ts';

let db: Db;
let close: () => Promise<void>;
// Sunday 6 December 2026, 10:00 WIB: the next Friday is the 11th; Christmas (the 25th) is a holiday Friday.
const AT = new Date('2026-12-06T03:00:00Z');

beforeAll(async () => {
  ({ db, close } = await ownDb('jbl-demo'));
  await createDemoAccounts(db);
}, 120_000);
afterAll(async () => {
  await close?.();
});

describe('demo editions', () => {
  it('plans this year and next, opens the coming Friday for pre-orders, once', async () => {
    const planned = await createDemoEditions(db, AT);
    const rows = await db.query<{ held_on: string; status: string; holiday_name: string | null }>(
      `select held_on::text, status, holiday_name from jbl_edition order by held_on`,
    );
    expect(planned).toBe(rows.length);
    expect(rows.filter((r) => r.held_on.startsWith('2027')).length).toBeGreaterThanOrEqual(52);
    expect(rows.filter((r) => r.status === 'open').map((r) => r.held_on)).toEqual(['2026-12-11']);
    expect(rows.find((r) => r.held_on === '2026-12-25')?.holiday_name).toBeTruthy();
    const [audited] = await db.query<{ n: number }>(
      `select count(*)::integer as n from audit_log where action = 'jbl.edition_open'`,
    );
    expect(audited!.n).toBe(1);
    expect(await createDemoEditions(db, AT)).toBe(0);
  });
});
