// Officers see their own: submissions outside the kecamatan or the call are not found, and the overdue list by scope.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FOOD_SCORES,
  get,
  kit,
  openCall,
  post,
  product,
  setUpCuration,
  submit,
} from '../../test/support/curation-kit.ts';
import type { World } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';

let db: Db;
let world: World;

beforeAll(async () => {
  await setUpCuration();
  ({ db, world } = kit);
});

describe('curation officer scope', () => {
  it('keeps officers to their own: outside the kecamatan or not assigned to the call, a submission is not found', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    expect(
      (await post('farPendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).statusCode,
    ).toBe(404);
    expect((await get('farPendamping', `/api/curation/submissions/${id}`)).statusCode).toBe(404);
    expect(
      (await get('farPendamping', '/api/curation/submissions')).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(id);
    expect(
      (await get('farPendamping', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(id);
    expect(
      (await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).statusCode,
    ).toBe(200);
    expect(
      (await post('farKasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).statusCode,
    ).toBe(404);
    expect(
      (await get('farKasatpel', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(id);
    expect(
      (await post('kasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).statusCode,
    ).toBe(200);
    // A kurator of another call: cannot score it and does not see it.
    const notAssigned = await post('kurator2', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5) });
    expect(notAssigned.statusCode).toBe(404);
    expect((await get('kurator2', '/api/curation/queue')).json().items.map((i: { id: number }) => i.id)).not.toContain(
      id,
    );
    expect((await get('kurator2', `/api/curation/submissions/${id}`)).statusCode).toBe(404);
    expect(
      (await post('pendamping', `/api/curation/submissions/${id}/score`, { scores: FOOD_SCORES(5) })).statusCode,
    ).toBe(403);
    expect((await get('kurator', `/api/curation/submissions/${id}`)).json().abilities.score).toBe(true);
  });

  it('lists overdue submissions by working days, within each role’s scope', async () => {
    const callId = await openCall();
    const id = await submit(callId, await product(world));
    // Due three weeks ago: well overdue whatever the weekday today.
    await db.query(
      `update curation_submission set due_on = ((now() at time zone 'Asia/Jakarta')::date - 21) where id = $1`,
      [id],
    );
    const ids_ = async (who: string) =>
      (await get(who, '/api/curation/overdue')).json().items.map((i: { id: number }) => i.id);
    const mine = (await get('pendamping', '/api/curation/overdue'))
      .json()
      .items.find((i: { id: number }) => i.id === id);
    expect(mine.overdueDays).toBeGreaterThanOrEqual(13);
    expect(mine.overdueDays).toBeLessThanOrEqual(15);
    expect(await ids_('admin')).toContain(id);
    expect(await ids_('kasatpel')).toContain(id);
    expect(await ids_('kurator')).toContain(id);
    expect(await ids_('farPendamping')).not.toContain(id);
    expect(await ids_('kurator2')).not.toContain(id);
    expect((await get('owner', '/api/curation/overdue')).statusCode).toBe(403);
  });
});
