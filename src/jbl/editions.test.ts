// Editions through the HTTP API and the use cases, against the real database: a year planned with the kota in
// rotation, holiday Fridays flagged and decided (skip, move) with audit rows, transitions, bad input, access.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../test/support/db.ts';
import { sessionCookie } from '../../test/support/http.ts';
import { makeAccount } from '../../test/support/factories.ts';
import { createSession } from '../platform/auth/session.ts';
import type { Acting } from '../platform/auth/acting.ts';
import type { AccountActor } from '../platform/auth/actor.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';
import { planEditionYear } from './plan-editions.ts';

let db: Db;
let app: App;
const c: Record<string, string> = {};
let adminActing: Acting;

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  const admin = await makeAccount(db, [{ role: 'platform_admin' }], { totp: true });
  c.admin = `pl_session=${(await db.transaction((tx) => createSession(tx, admin.id))).token}`;
  c.kurator = await sessionCookie(db, [{ role: 'kurator' }]);
  c.auditor = await sessionCookie(db, [{ role: 'auditor' }]);
  const actor = {
    kind: 'account',
    accountId: admin.id,
    displayName: 'Dinas Uji',
    grants: [],
  } as unknown as AccountActor;
  adminActing = {
    actor,
    role: 'platform_admin',
    who: { accountId: admin.id, role: 'platform_admin', label: 'Dinas Uji', requestId: null },
    now: new Date('2026-06-01T00:00:00Z'),
  };
  // 2027 is planned as the Dinas would in June 2026 (the route plans from the real clock; see the 2098 test).
  await db.transaction((tx) => planEditionYear(tx, adminActing, { year: 2027 }));
});

const send = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({
    method,
    url,
    headers: who ? { cookie: c[who]! } : {},
    ...(payload ? { payload } : method === 'GET' ? {} : { payload: {} }),
  });

type EditionJson = {
  id: number;
  friday: string;
  heldOn: string;
  host: { code: string };
  status: string;
  holiday: string | null;
  needsDecision: boolean;
  preorderClosesAt: string;
  wib: { preorderCloses: { id: string } };
};
const year = async (y: number, who = 'admin') =>
  (await send(who, 'GET', `/api/jbl/editions?year=${y}`)).json().items as EditionJson[];
const auditOf = (id: number) =>
  db.query<{ action: string; actor_account_id: number; before: unknown; after: { status: string; reason?: string } }>(
    `select action, actor_account_id, before, after from audit_log where entity_type = 'jbl_edition' and entity_id = $1 order by id`,
    [String(id)],
  );

describe('Jumat Beli Lokal editions', () => {
  it('plans every Friday of a year with the five kota in turn and the schedule in WIB', async () => {
    const items = await year(2027);
    expect(items).toHaveLength(53); // 2027 starts and ends on a Friday
    expect(items[0]).toMatchObject({ friday: '2027-01-01', status: 'planned' });
    const hosts = items.map((e) => e.host.code);
    expect(hosts.slice(0, 6)).toEqual(['3171', '3172', '3173', '3174', '3175', '3171']);
    for (const code of ['3171', '3172', '3173', '3174', '3175'])
      expect(hosts.filter((h) => h === code).length).toBeGreaterThanOrEqual(10);
    expect(hosts).not.toContain('3101'); // Kepulauan Seribu only when the rotation names it
    const may = items.find((e) => e.friday === '2027-05-14')!;
    expect(may.preorderClosesAt).toBe('2027-05-13T13:00:00.000Z');
    expect(may.wib.preorderCloses.id).toBe('13 Mei 2027 20.00 WIB');
    expect((await auditOf(may.id)).map((a) => a.action)).toEqual(['jbl.edition_plan']);
  });

  it('flags the holiday Fridays of the shipped calendar, and refuses to open one before a decision', async () => {
    const items = await year(2027);
    const flagged = items.filter((e) => e.holiday).map((e) => e.friday);
    expect(flagged).toEqual(expect.arrayContaining(['2027-01-01', '2027-03-26']));
    expect(items.find((e) => e.friday === '2027-03-26')).toMatchObject({
      holiday: 'Wafat Yesus Kristus',
      needsDecision: true,
    });
    expect(items.find((e) => e.friday === '2027-03-19')).toMatchObject({ holiday: null, needsDecision: false });
    const newYear = items.find((e) => e.friday === '2027-01-01')!;
    const res = await send('admin', 'POST', `/api/jbl/editions/${newYear.id}/open`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'holiday_undecided' });
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('skips a holiday edition and moves another with a reason, both audited; the schedule moves with it', async () => {
    const items = await year(2027);
    const newYear = items.find((e) => e.friday === '2027-01-01')!;
    const skip = await send('admin', 'PATCH', `/api/jbl/editions/${newYear.id}/decision`, {
      decision: 'skip',
      reason: 'Tahun Baru: kantor libur.',
    });
    expect(skip.statusCode).toBe(200);
    expect(skip.json()).toMatchObject({ status: 'skipped', decision: { kind: 'skip' }, needsDecision: false });

    const goodFriday = items.find((e) => e.friday === '2027-03-26')!;
    const moved = await send('admin', 'PATCH', `/api/jbl/editions/${goodFriday.id}/decision`, {
      decision: 'move',
      movedTo: '2027-03-25',
      reason: 'Wafat Yesus Kristus: dimajukan ke Kamis.',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      status: 'planned',
      heldOn: '2027-03-25',
      liveStartsAt: '2027-03-25T03:00:00.000Z',
      preorderClosesAt: '2027-03-24T13:00:00.000Z', // the evening before the new day
      decision: { kind: 'move', reason: 'Wafat Yesus Kristus: dimajukan ke Kamis.' },
    });
    const trail = await auditOf(goodFriday.id);
    expect(trail.map((a) => a.action)).toEqual(['jbl.edition_plan', 'jbl.edition_move']);
    expect(trail[1]).toMatchObject({
      after: { status: 'planned', heldOn: '2027-03-25' },
      before: { heldOn: '2027-03-26' },
    });
    expect((await auditOf(newYear.id)).map((a) => a.action)).toEqual(['jbl.edition_plan', 'jbl.edition_skip']);

    // A move onto another edition's day, or onto a holiday, is refused naming the field.
    const moveTo = (friday: string, movedTo: string) =>
      send('admin', 'PATCH', `/api/jbl/editions/${items.find((e) => e.friday === friday)!.id}/decision`, {
        decision: 'move',
        movedTo,
        reason: 'Uji pindah tanggal.',
      });
    for (const [friday, movedTo, code] of [
      ['2027-03-19', '2027-03-25', 'date_taken'], // the moved Good Friday edition is held then
      ['2027-03-12', '2027-03-11', 'holiday'], // Idul Fitri
      ['2027-04-02', '2027-03-26', 'out_of_week'],
    ] as const) {
      const res = await moveTo(friday, movedTo);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.movedTo', code })]);
    }

    // The decided edition opens, goes live and closes; a closed one cannot be decided again.
    for (const verb of ['open', 'live', 'close'])
      expect((await send('admin', 'POST', `/api/jbl/editions/${goodFriday.id}/${verb}`)).statusCode).toBe(200);
    const late = await send('admin', 'PATCH', `/api/jbl/editions/${goodFriday.id}/decision`, {
      decision: 'skip',
      reason: 'Terlambat.',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'edition_state' });
    expect((await auditOf(goodFriday.id)).map((a) => a.action).slice(-3)).toEqual([
      'jbl.edition_open',
      'jbl.edition_live',
      'jbl.edition_close',
    ]);
  });

  it('plans a year through the API from the real clock, continuing the rotation, or from a chosen host', async () => {
    const res = await send('admin', 'POST', '/api/jbl/editions', {
      year: 2097,
      hostRotation: ['3171', '3172', '3173', '3174', '3175', '3101'],
      firstHost: '3174',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().created).toBe(52);
    expect(
      res
        .json()
        .items.slice(0, 4)
        .map((e: EditionJson) => e.host.code),
    ).toEqual(['3174', '3175', '3101', '3171']);
    // The next year continues after the last host of the one before (2097 ends with …).
    const last = (res.json().items as EditionJson[]).at(-1)!.host.code;
    const next = await send('admin', 'POST', '/api/jbl/editions', { year: 2098 });
    const order = ['3171', '3172', '3173', '3174', '3175'];
    expect(next.json().items[0].host.code).toBe(order[(order.indexOf(last) + 1) % 5]);
    const again = await send('admin', 'POST', '/api/jbl/editions', { year: 2098 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'editions_exist' });
    // A year before the programme's settings came into force is a clear refusal, not a server error.
    const early = await send('admin', 'POST', '/api/jbl/editions', { year: 2020 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'jbl_settings_missing' });
    expect(JSON.stringify(early.json())).toContain('Jumat Beli Lokal belum berjalan');
  });

  it('follows the settings in force on each Friday (effective-dated), not values in the code', async () => {
    await db.query(
      `insert into setting (key, effective_from, value, source) values
         ('jbl.preorder_closes', '2094-07-01', '{"weekday": "wednesday", "time": "18:00"}', 'uji'),
         ('jbl.host_rotation', '2094-01-01', '["3175", "3101"]', 'uji')`,
    );
    // The first host named: otherwise it continues from whatever edition another test file left before 2094.
    await db.transaction((tx) => planEditionYear(tx, adminActing, { year: 2094, firstHost: '3175' }));
    const items = await year(2094);
    expect(items.slice(0, 3).map((e) => e.host.code)).toEqual(['3175', '3101', '3175']);
    expect(items.find((e) => e.friday === '2094-06-25')!.preorderClosesAt).toBe('2094-06-24T13:00:00.000Z');
    expect(items.find((e) => e.friday === '2094-07-02')!.preorderClosesAt).toBe('2094-06-30T11:00:00.000Z');
  });

  it('refuses bad input naming the field', async () => {
    const bad = await send('admin', 'POST', '/api/jbl/editions', { year: 'tahun depan' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('body.year');
    const unknown = await send('admin', 'POST', '/api/jbl/editions', { year: 2096, hostRotation: ['3171', '3199'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: 'body.hostRotation', code: 'unknown_kota' }),
    ]);
    expect(unknown.json().message ?? unknown.json().title).toBeTruthy();
    const [e] = await year(2027);
    const noDate = await send('admin', 'PATCH', `/api/jbl/editions/${(await year(2027))[5]!.id}/decision`, {
      decision: 'move',
      reason: 'Tanpa tanggal.',
    });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().errors).toEqual([expect.objectContaining({ field: 'body.movedTo', code: 'required' })]);
    const shortReason = await send('admin', 'PATCH', `/api/jbl/editions/${e!.id}/decision`, {
      decision: 'skip',
      reason: '',
    });
    expect(shortReason.json().errors.map((x: { field: string }) => x.field)).toContain('body.reason');
  });

  it('lets only the Dinas plan and decide; the public reads published editions only', async () => {
    const [first] = await year(2027);
    expect((await send('kurator', 'POST', '/api/jbl/editions', { year: 2095 })).statusCode).toBe(403);
    expect(
      (
        await send('kurator', 'PATCH', `/api/jbl/editions/${first!.id}/decision`, {
          decision: 'skip',
          reason: 'Bukan hak.',
        })
      ).statusCode,
    ).toBe(403);
    expect((await send(null, 'POST', `/api/jbl/editions/${first!.id}/open`)).statusCode).toBe(401);
    // The public sees the skipped New Year edition and the closed one, not the planned ones.
    const publicView = (await send(null, 'GET', '/api/jbl/editions?year=2027')).json().items as EditionJson[];
    expect(publicView.map((e) => e.status).sort()).toEqual(['closed', 'skipped']);
    const planned = (await year(2027)).find((e) => e.status === 'planned')!;
    expect((await send(null, 'GET', `/api/jbl/editions/${planned.id}`)).statusCode).toBe(404);
    expect((await send('auditor', 'GET', `/api/jbl/editions/${planned.id}`)).statusCode).toBe(200);
    // The web app is told the same rules as abilities.
    expect((await send('admin', 'GET', '/api/auth/me')).json().abilities).toEqual(
      expect.arrayContaining(['jbl.managesEditions', 'jbl.seesPlannedEditions']),
    );
    expect((await send('kurator', 'GET', '/api/auth/me')).json().abilities).not.toContain('jbl.managesEditions');
  });
});
