import { afterEach, describe, expect, it } from 'vitest';
import { testDb } from '../../test/support/db.ts';
import { createDemoAccounts, DEMO_ACCOUNTS } from './demo-accounts.ts';

const env = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = env;
});

describe('demo accounts', () => {
  it('are never created in production', async () => {
    const db = await testDb();
    process.env.NODE_ENV = 'production';
    expect(await createDemoAccounts(db)).toBe(0);
    expect(
      await db.query('select 1 from account where email = any($1::text[])', [DEMO_ACCOUNTS.map((a) => a.login)]),
    ).toEqual([]);
  });

  it('exist once per role otherwise, created through the use cases (audited), and a second run adds none', async () => {
    const db = await testDb();
    process.env.NODE_ENV = 'development';
    expect(await createDemoAccounts(db)).toBe(DEMO_ACCOUNTS.length);
    expect(await createDemoAccounts(db)).toBe(0);
    const roles = await db.query<{ role: string }>(
      `select g.role from account a join role_grant g on g.account_id = a.id where a.email = any($1::text[]) order by g.role`,
      [DEMO_ACCOUNTS.map((a) => a.login)],
    );
    expect(roles.map((r) => r.role)).toEqual(DEMO_ACCOUNTS.map((a) => a.role).sort());
    const audited = await db.query(
      `select 1 from audit_log where action = 'account.create' and actor_label = 'system:demo'`,
    );
    expect(audited.length).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length);
  });
});
