// The demo has a current Jumat Beli Lokal edition: planned through the Dinas's use case, open for pre-orders with a
// line-up built by the rotation from the host kota's curated products, and a second start changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDb } from '../../test/support/db.ts';
import { kecamatanOf, makeJblSeller } from '../../test/support/jbl-lineup-kit.ts';
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
  // The host of the first planned edition (Jakarta Pusat) has sellers with products curated for the channel.
  for (const k of await kecamatanOf(db, '3171', 2)) await makeJblSeller(db, k.village, [{ category: 'kue-roti' }]);
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
    const lineup = () =>
      db.query<{ umkm_id: number; reason_id: string }>(
        `select i.umkm_id, i.reason_id from jbl_lineup_item i join jbl_edition e on e.id = i.edition_id where e.status = 'open'`,
      );
    expect(new Set((await lineup()).map((i) => i.umkm_id)).size).toBe(2);
    expect((await lineup())[0]!.reason_id).toMatch(/^Belum pernah tampil/);
    expect(await createDemoEditions(db, AT)).toBe(0);
    expect(await lineup()).toHaveLength(2);
    // A demo database made before line-ups existed: its open edition gets one at the next start.
    await db.query(`delete from jbl_lineup_item`);
    expect(await createDemoEditions(db, AT)).toBe(0);
    expect(await lineup()).toHaveLength(2);
  });
});
