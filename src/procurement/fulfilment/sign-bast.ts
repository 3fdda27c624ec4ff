// The PPK confirms receipt of a delivered order with a BAST (berita acara serah terima): numbered without gaps per
// agency and year (WIB) by locking the agency's counter row in the signing transaction — a rollback returns the
// number — and the expected payment day set from the agency's SLA and day basis.
import type { Acting } from '../../platform/auth/acting.ts';
import type { Tx } from '../../platform/db/types.ts';
import { localDate } from '../../platform/time.ts';
import { lockOrder, moveOrder, TRANSITIONS, wrongState } from '../order-states.ts';
import { dueDateFor } from './payment-days.ts';

export const bastNumber = (agencyCode: string, year: number, seq: number) =>
  `BAST/${agencyCode}/${year}/${String(seq).padStart(5, '0')}`;

export async function signBast(
  tx: Tx,
  a: Acting,
  orderId: number,
): Promise<{ id: number; bastNumber: string; dueDate: string; receivedAt: string }> {
  // A PPK of another agency does not find the order (404); a BAST before delivery is a 409 naming the state.
  const o = await lockOrder(tx, a, orderId, 'receive');
  if (!TRANSITIONS.receive.from.includes(o.status)) throw wrongState(o.status);
  const year = Number(localDate(a.now).slice(0, 4));
  const [c] = await tx.query<{ last: number; code: string }>(
    `insert into bast_counter as c (agency_id, year, last) values ($1, $2, 1)
     on conflict (agency_id, year) do update set last = c.last + 1
     returning c.last, (select code from agency where id = $1) as code`,
    [o.agency_id, year],
  );
  const number = bastNumber(c!.code, year, c!.last);
  const dueDate = await dueDateFor(tx, o.agency_id, a.now);
  await moveOrder(tx, a, o, 'receive', {
    bast_year: year,
    bast_seq: c!.last,
    bast_number: number,
    bast_by: a.actor.accountId,
    due_date: dueDate,
  });
  return { id: o.id, bastNumber: number, dueDate, receivedAt: a.now.toISOString() };
}
