// Demo Jumat Beli Lokal (npm start, never in production): the demo admin plans this year's and next year's editions
// through the same use case as the Dinas, opens the next one for pre-orders and builds its line-up by the rotation, so
// the demo has a current edition with products to sell (a holiday Friday is passed over: it waits for the admin's
// decision). A second start changes nothing, except that an open edition left without a line-up (a demo database
// made before line-ups existed) gets one.
import { DEMO_ACCOUNTS, type DemoAccountRow, demoActor } from '../access/demo-accounts.ts';
import { auditActor } from '../platform/auth/actor.ts';
import type { Acting } from '../platform/auth/acting.ts';
import type { Db, Tx } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import { localDate } from '../platform/time.ts';
import { buildLineup } from './build-lineup.ts';
import { planEditionYear } from './plan-editions.ts';
import { transitionEdition } from './transition-edition.ts';

/** Plans and opens the demo editions once; returns how many editions were planned (0: already there). */
export async function createDemoEditions(db: Db, at = new Date()): Promise<number> {
  if (process.env.NODE_ENV === 'production') return 0;
  const login = DEMO_ACCOUNTS.find((a) => a.role === 'platform_admin')?.login;
  return db.transaction(async (tx) => {
    const [admin] = await tx.query<DemoAccountRow>(
      `select a.id, a.display_name, a.owner_id, g.role, g.scope_id from account a join role_grant g on g.account_id = a.id
        where a.email = $1 and g.role = 'platform_admin'`,
      [login],
    );
    if (!admin) return 0;
    const actor = demoActor(admin);
    const acting: Acting = { actor, role: 'platform_admin', who: auditActor(actor, 'platform_admin', null), now: at };
    // Past editions (the seed's year of closed ones) do not count: the coming Fridays are planned after them.
    if ((await tx.query(`select 1 from jbl_edition where status in ('planned', 'open', 'live') limit 1`)).length) {
      await lineUpOpenEditions(tx, acting);
      return 0;
    }
    const year = Number(localDate(at).slice(0, 4));
    const planned: number[] = [];
    for (const y of [year, year + 1]) {
      try {
        planned.push(...(await planEditionYear(tx, acting, { year: y })));
      } catch (e) {
        // Late in December every Friday of the year may be past planning: the next year still gets its editions.
        if (!(e instanceof AppError && e.status === 409)) throw e;
      }
    }
    const [next] = await tx.query<{ id: number }>(
      `select id from jbl_edition where status = 'planned' and holiday_name is null order by held_on limit 1`,
    );
    if (next) await transitionEdition(tx, acting, next.id, 'open');
    await lineUpOpenEditions(tx, acting);
    return planned.length;
  });
}

/** Builds the line-up of every open edition that has none yet. */
async function lineUpOpenEditions(tx: Tx, acting: Acting): Promise<void> {
  const bare = await tx.query<{ id: number }>(
    `select e.id from jbl_edition e
      where e.status = 'open' and not exists (select 1 from jbl_lineup_item i where i.edition_id = e.id) order by e.id`,
  );
  for (const e of bare) await buildLineup(tx, acting, e.id);
}
