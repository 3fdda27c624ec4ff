import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDb } from '../../test/support/db.ts';
import { createDemoAccounts } from '../access/demo-accounts.ts';
import type { Db } from '../platform/db/types.ts';
import { runSeed } from '../seed/index.ts';
import { createDemoCuration } from './demo.ts';

// The demo needs a register of its own (it picks the busiest kecamatan and a busy owner there).
let db: Db;
let closeDb: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ db, close: closeDb } = await ownDb('curdemo'));
  await runSeed(db, { scale: { umkm: 400 }, seed: 11, analyze: false });
  await createDemoAccounts(db);
});

afterAll(async () => {
  await closeDb?.();
});

describe('demo curation', () => {
  it('opens a JBL call with the demo kurator, and puts the demo owner’s business in the demo officers’ kecamatan with submissions at every step', async () => {
    expect(await createDemoCuration(db)).toBeGreaterThanOrEqual(5);
    expect(await createDemoCuration(db)).toBe(0); // once
    const [call] = await db.query<{ channel: string; status: string; deadline: Date; kurator: string }>(
      `select c.channel, c.status, c.deadline, a.email as kurator from curation_call c join curation_call_kurator k on k.call_id = c.id join account a on a.id = k.account_id`,
    );
    expect(call).toMatchObject({ channel: 'jbl', status: 'open', kurator: 'kurator@demo.pasarlokal.id' });
    expect(new Date(call!.deadline).getTime()).toBeGreaterThan(Date.now() + 14 * 86_400_000);

    const [place] = await db.query<{ owner_district: string; desk: string; halal: number }>(
      `select v.parent_code as owner_district, (select g.scope_id from role_grant g join account d on d.id = g.account_id where d.email = 'pendamping@demo.pasarlokal.id') as desk,
              (select count(*) from permit p where p.umkm_id = u.id and p.kind = 'halal' and p.expires_on > current_date) as halal
         from account a join umkm u on u.owner_id = a.owner_id join region v on v.code = u.village_code where a.email = 'umkm@demo.pasarlokal.id' limit 1`,
    );
    expect(place!.owner_district).toBe(place!.desk);
    expect(Number(place!.halal)).toBeGreaterThan(0);

    const statuses = (await db.query<{ status: string }>('select status from curation_submission order by id')).map(
      (r) => r.status,
    );
    expect(new Set(statuses)).toEqual(new Set(['submitted', 'verified', 'validated', 'passed', 'returned']));
    const overdue = await db.query(
      `select 1 from curation_submission where due_on < (now() at time zone 'Asia/Jakarta')::date - 1`,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(await db.query('select 1 from curation_certificate where revoked_at is null')).toHaveLength(1);
    // The other owners who submitted have accounts the kecamatan desk can still hand a claim code for (a phone login).
    const unclaimable = await db.query(
      `select 1 from curation_submission s join umkm u on u.id = s.umkm_id join account a on a.owner_id = u.owner_id where a.password_hash is null and a.phone_hash is null`,
    );
    expect(unclaimable).toEqual([]);
  });
});
