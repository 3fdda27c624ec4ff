// Editions as read: the list (a year's, or by status), one edition, and how an edition is shown. Planned editions
// are the Dinas's drafts: everyone else reads an edition once it has opened, or that it was skipped.
import type { Actor } from '../platform/auth/actor.ts';
import { allows } from '../platform/auth/rules.ts';
import type { Queryable } from '../platform/db/types.ts';
import { notFound } from '../platform/http/problem.ts';
import { formatWib } from '../platform/time.ts';
import { jblPolicy } from './policy.ts';
import type { Edition, EditionListQuery, EditionStatus } from './schema.ts';

export interface EditionRow {
  id: number;
  friday: string;
  held_on: string;
  host_region_code: string;
  host_name: string;
  status: EditionStatus;
  preorder_opens_at: Date;
  preorder_closes_at: Date;
  live_starts_at: Date;
  live_ends_at: Date;
  holiday_name: string | null;
  decision: 'skip' | 'move' | null;
  decision_reason: string | null;
  decided_at: Date | null;
}

export const EDITION_SELECT = `select e.*, r.name as host_name from jbl_edition e join region r on r.code = e.host_region_code`;

/** The visibility of editions to an actor, as a condition on `e`. */
const visible = (actor: Actor) => (allows(actor, jblPolicy.seesPlannedEditions) ? 'true' : `e.status <> 'planned'`);

const both = (at: Date) => ({ id: formatWib(at, 'id'), en: formatWib(at, 'en') });
const toDate = (d: Date | string) => new Date(d);

export function presentEdition(e: EditionRow): Edition {
  const [opens, closes, starts, ends] = [
    e.preorder_opens_at,
    e.preorder_closes_at,
    e.live_starts_at,
    e.live_ends_at,
  ].map(toDate) as [Date, Date, Date, Date];
  const endTime = (l: 'id' | 'en') => formatWib(ends, l).split(' ').at(-2);
  return {
    id: e.id,
    friday: e.friday,
    heldOn: e.held_on,
    host: { code: e.host_region_code, name: e.host_name },
    status: e.status,
    preorderOpensAt: opens.toISOString(),
    preorderClosesAt: closes.toISOString(),
    liveStartsAt: starts.toISOString(),
    liveEndsAt: ends.toISOString(),
    wib: {
      preorderOpens: both(opens),
      preorderCloses: both(closes),
      liveSession: {
        id: `${formatWib(starts, 'id').replace(' WIB', '')}–${endTime('id')} WIB`,
        en: `${formatWib(starts, 'en').replace(' WIB', '')}–${endTime('en')} WIB`,
      },
    },
    holiday: e.holiday_name,
    decision:
      e.decision && e.decision_reason && e.decided_at
        ? { kind: e.decision, reason: e.decision_reason, decidedAt: toDate(e.decided_at).toISOString() }
        : null,
    needsDecision: e.holiday_name !== null && e.decision === null && e.status === 'planned',
  };
}

export async function listEditions(db: Queryable, actor: Actor, q: EditionListQuery): Promise<Edition[]> {
  const rows = await db.query<EditionRow>(
    `${EDITION_SELECT} where ${visible(actor)}
        and ($1::int is null or e.friday between make_date($1, 1, 1) and make_date($1, 12, 31))
        and ($2::text is null or e.status = $2)
      order by e.friday`,
    [q.year ?? null, q.status ?? null],
  );
  return rows.map(presentEdition);
}

export async function getEdition(db: Queryable, actor: Actor, id: number): Promise<Edition> {
  const [row] = await db.query<EditionRow>(`${EDITION_SELECT} where e.id = $1 and ${visible(actor)}`, [id]);
  if (!row) throw notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });
  return presentEdition(row);
}
