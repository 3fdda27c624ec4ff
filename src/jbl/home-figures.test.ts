// The buyers' homes lead to the current edition: a shortcut to the storefront of an edition selling now, named by
// its host kota; never to a planned or closed one.
import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/support/db.ts';
import { makeEdition } from '../../test/support/jbl-kit.ts';
import type { Db } from '../platform/db/types.ts';
import { currentEditionShortcut } from './home-figures.ts';

let db: Db;
beforeAll(async () => {
  db = await testDb();
});

describe('the current edition shortcut', () => {
  it('leads to an edition selling now, live first, never a planned or closed one', async () => {
    // Other files' editions may sell at the same time in this database: check what the shortcut leads to.
    const statusOf = async (href: string) => {
      const id = /^\/jumat-beli-lokal\/(\d+)$/.exec(href)?.[1];
      return (await db.query<{ status: string }>('select status from jbl_edition where id = $1', [id]))[0]?.status;
    };
    await makeEdition(db, 'planned');
    await makeEdition(db, 'closed', { window: 'past' });
    const open = await makeEdition(db, 'open');
    const s = await currentEditionShortcut(db);
    expect(['open', 'live']).toContain(await statusOf(s.href));
    expect(s.label.id).toMatch(/^Belanja Jumat Beli Lokal /);
    const live = await makeEdition(db, 'live');
    expect(await statusOf((await currentEditionShortcut(db)).href)).toBe('live');
    await db.query(`update jbl_edition set status = 'closed' where id = any($1)`, [[open, live]]);
  });
});
