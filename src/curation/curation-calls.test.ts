// The Dinas manages calls: drafts, kurators, publishing, closing, and the rubrics.
import { beforeAll, describe, expect, it } from 'vitest';
import { get, ids, kit, post, send, setUpCuration, wibIn } from '../../test/support/curation-kit.ts';
import type { Db } from '../platform/db/types.ts';

let db: Db;

beforeAll(async () => {
  await setUpCuration();
  ({ db } = kit);
});

describe('curation calls', () => {
  it('lets the Dinas manage calls: drafts hidden from others, kurators checked, quota not below those passed', async () => {
    const res = await post('admin', '/api/curation/calls', {
      title: { id: 'Draf', en: 'Draft' },
      description: { id: 'd', en: 'd' },
      criteria: { id: 'k', en: 'c' },
      quota: 3,
      deadlineWib: wibIn(10),
      channel: 'mall',
      rubricCode: 'general',
      kuratorIds: [ids.pendamping],
    });
    expect(res.json().errors[0].code).toBe('not_kurator');
    const draft = await post('admin', '/api/curation/calls', {
      title: { id: 'Draf', en: 'Draft' },
      description: { id: 'd', en: 'd' },
      criteria: { id: 'k', en: 'c' },
      quota: 3,
      deadlineWib: wibIn(10),
      channel: 'mall',
      rubricCode: 'general',
    });
    const id = draft.json().id;
    expect(draft.json()).toMatchObject({ status: 'draft', kurators: [], rubric: { code: 'general', forFood: false } });
    expect((await get('owner', `/api/curation/calls/${id}`)).statusCode).toBe(404);
    expect((await get('owner', '/api/curation/calls?status=draft')).statusCode).toBe(403);
    expect((await post('admin', `/api/curation/calls/${id}/publish`)).json().code).toBe('no_kurators');
    const edited = await send('admin', 'PATCH', `/api/curation/calls/${id}`, {
      kuratorIds: [ids.kurator],
      deadlineWib: '2030-01-31T23:59',
    });
    expect(edited.json()).toMatchObject({
      deadline: '2030-01-31T16:59:00.000Z',
      deadlineWib: '2030-01-31T23:59',
      kurators: [{ accountId: ids.kurator }],
    });
    expect((await post('admin', `/api/curation/calls/${id}/publish`)).json().status).toBe('open');
    expect(
      (await get('kurator', '/api/curation/calls?assigned=me')).json().items.map((x: { id: number }) => x.id),
    ).toContain(id);
    expect(
      (await get('kurator2', '/api/curation/calls?assigned=me')).json().items.map((x: { id: number }) => x.id),
    ).not.toContain(id);
    expect((await post('admin', `/api/curation/calls/${id}/close`)).json().status).toBe('closed');
    expect((await send('admin', 'PATCH', `/api/curation/calls/${id}`, { quota: 9 })).json().code).toBe('call_closed');
    const actions = await db.query<{ action: string }>(
      `select action from audit_log where entity_type = 'curation_call' and entity_id = $1 order by id`,
      [String(id)],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'curation.call_create',
      'curation.call_update',
      'curation.call_publish',
      'curation.call_close',
    ]);
    expect(
      (await get('kurator', '/api/curation/rubrics')).json().items.find((r: { code: string }) => r.code === 'food'),
    ).toMatchObject({
      passPercent: 60,
      grades: [
        { grade: 'A', minPercent: 85 },
        { grade: 'B', minPercent: 70 },
        { grade: 'C', minPercent: 60 },
      ],
    });
  });
});
