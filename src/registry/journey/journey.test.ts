import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../../test/support/db.ts';
import { makeAccount, makeUmkm, makeWorld, unique, type World } from '../../../test/support/factories.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { createSession } from '../../platform/auth/session.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { refreshRollups } from './rollup.ts';

let db: Db;
let app: App;
let world: World;
let otherDistrict: string;

async function cookie(grants: { role: Role; scopeId?: string }[], ownerId?: number): Promise<string> {
  const acc = await makeAccount(db, grants, { totp: grants.some((g) => g.role === 'platform_admin') });
  if (ownerId) await db.query('update account set owner_id = $2 where id = $1', [acc.id, ownerId]);
  const s = await db.transaction((tx) => createSession(tx, acc.id));
  return `pl_session=${s.token}`;
}

const put = (c: string, umkmId: number, stage: number, body: unknown) =>
  app.inject({
    method: 'PUT',
    url: `/api/registry/members/${umkmId}/journey/${stage}`,
    headers: { cookie: c },
    payload: body as object,
  });
const get = (c: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: c } });
const newAgency = async () =>
  (
    await db.query<{ id: number }>('insert into fostering_agency (code, name) values ($1, $2) returning id', [
      `FA-${unique()}`,
      `Pengampu Uji ${unique()}`,
    ])
  )[0]!.id;
const link = (umkmId: number, agencyId: number) =>
  db.query(`insert into fostering_link (umkm_id, agency_id, since) values ($1, $2, '2024-01-01')`, [umkmId, agencyId]);

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  world = await makeWorld(db, '3172');
  [{ code: otherDistrict }] = (await db.query<{ code: string }>(
    `select code from region where level = 'district' and code like '3174%' order by code limit 1`,
  )) as [{ code: string }];
});

describe('the 7P journey of a member', () => {
  it('a pendamping records and corrects a stage in their kecamatan, audited with before and after', async () => {
    const c = await cookie([{ role: 'pendamping', scopeId: world.district }]);
    const evidence = {
      trainings: [{ title: 'Foto produk dengan ponsel', organiser: 'Dinas PPKUKM', date: '2025-03-01' }],
    };
    const first = await put(c, world.umkmId, 2, { reachedOn: '2025-03-01', evidence });
    expect(first.statusCode, first.body).toBe(201);
    const p2 = first.json().stages.find((s: { stage: number }) => s.stage === 2);
    expect(p2).toMatchObject({
      reached: true,
      reachedOn: '2025-03-01',
      evidence,
      label: { id: 'Pelatihan', en: 'Training' },
      reachedOnText: { id: '1 Mar 2025' },
    });
    expect(p2.recordedBy.name).toMatch(/^Uji /);
    expect(p2.recordedAtWib.id).toMatch(/WIB$/);

    const again = await put(c, world.umkmId, 2, { reachedOn: '2025-03-02', evidence });
    expect(again.statusCode).toBe(200);
    const log = await db.query<{
      action: string;
      before: { reached_on: string } | null;
      after: { reached_on: string };
    }>(
      `select action, before, after from audit_log where entity_type = 'journey_stage' and entity_id = $1 order by id`,
      [`${world.umkmId}:P2`],
    );
    expect(log.map((l) => l.action)).toEqual(['journey.record', 'journey.correct']);
    expect(log[0]!.before).toBeNull();
    expect(log[1]!.before?.reached_on).toBe('2025-03-01');
    expect(log[1]!.after.reached_on).toBe('2025-03-02');
  });

  it('refuses a pendamping outside the kecamatan (not found), and bad evidence or a future date (fields named)', async () => {
    const outsider = await cookie([{ role: 'pendamping', scopeId: otherDistrict }]);
    expect(
      (await put(outsider, world.umkmId, 3, { reachedOn: '2025-01-01', evidence: { sessions: 2 } })).statusCode,
    ).toBe(404);
    expect((await get(outsider, `/api/registry/members/${world.umkmId}/journey`)).statusCode).toBe(404);

    const c = await cookie([{ role: 'pendamping', scopeId: world.district }]);
    const bad = await put(c, world.umkmId, 2, { reachedOn: '2025-01-01', evidence: { trainings: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.evidence.trainings');
    expect(bad.json().errors[0].message).toEqual({
      id: 'Terlalu kecil atau terlalu pendek (minimal 1).',
      en: 'Too small or too short (minimum 1).',
    });
    const future = await put(c, world.umkmId, 3, { reachedOn: '2999-01-01', evidence: { sessions: 2 } });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('body.reachedOn');
  });

  it('lets the owner read their own journey (P1 from the registration) but not record a stage', async () => {
    const u = await makeUmkm(db, world.village);
    const owner = await cookie([{ role: 'umkm_owner' }], u.ownerId);
    const res = await get(owner, `/api/registry/members/${u.umkmId}/journey`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ umkmId: u.umkmId, reachedCount: 1, canRecord: false });
    expect(res.json().stages.map((s: { reached: boolean }) => s.reached)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(
      (
        await put(owner, u.umkmId, 2, {
          reachedOn: '2025-01-01',
          evidence: { trainings: [{ title: 'a', organiser: 'b', date: '2025-01-01' }] },
        })
      ).statusCode,
    ).toBe(403);
    expect((await get(owner, `/api/registry/members/${world.umkmId}/journey`)).statusCode).toBe(404);
  });
});

describe('the funnel', () => {
  it('counts members per stage with conversion rates, for a pengampu, by kota', async () => {
    const agency = await newAgency();
    const members = [];
    for (let i = 0; i < 4; i++) {
      const u = await makeUmkm(db, world.village);
      await link(u.umkmId, agency);
      members.push(u.umkmId);
    }
    const admin = await cookie([{ role: 'platform_admin' }]);
    const ev = {
      2: { trainings: [{ title: 'Pembukuan', organiser: 'Dinas PPKUKM', date: '2025-01-01' }] },
      3: { sessions: 3 },
      4: { permitNumbers: ['9120000000001'] },
    } as const;
    for (const [m, stages] of [
      [members[0], [2, 3, 4]],
      [members[1], [2]],
      [members[2], [3]],
    ] as const)
      for (const s of stages)
        expect((await put(admin, m!, s, { reachedOn: '2025-02-01', evidence: ev[s] })).statusCode).toBe(201);

    const res = await get(admin, `/api/registry/funnel?agencyId=${agency}&groupBy=city`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.source).toBe('live');
    expect(f.total.slice(0, 5)).toEqual([
      { stage: 1, members: 4, rateFromPrevious: null, rateFromP1: 1 },
      { stage: 2, members: 2, rateFromPrevious: 0.5, rateFromP1: 0.5 },
      { stage: 3, members: 2, rateFromPrevious: 1, rateFromP1: 0.5 },
      { stage: 4, members: 1, rateFromPrevious: 0.5, rateFromP1: 0.25 },
      { stage: 5, members: 0, rateFromPrevious: 0, rateFromP1: 0 },
    ]);
    expect(f.total[5].rateFromPrevious).toBeNull(); // nobody at P5: no rate to P6
    expect(f.groups).toHaveLength(1);
    expect(f.groups[0]).toMatchObject({ key: '3172', stages: f.total });
    expect(f.slice.agency.id).toBe(agency);

    // The rollup counts the same.
    await refreshRollups(db);
    const rolled = await db.query<{ stage: number; n: number }>(
      'select stage, sum(members)::int8 as n from journey_rollup where agency_id = $1 group by 1 order by 1',
      [agency],
    );
    expect(rolled).toEqual([
      { stage: 1, n: 4 },
      { stage: 2, n: 2 },
      { stage: 3, n: 2 },
      { stage: 4, n: 1 },
    ]);

    // Its pengampu officer sees it by default; another agency's is refused.
    const officer = await cookie([{ role: 'pengampu_officer', scopeId: String(agency) }]);
    const own = await get(officer, '/api/registry/funnel');
    expect(own.json().total[0].members).toBe(4);
    expect((await get(officer, `/api/registry/funnel?agencyId=${world.fosteringAgencyId}`)).statusCode).toBe(403);
    // A pendamping sees their kecamatan (broken down by kelurahan), not another.
    const pendamping = await cookie([{ role: 'pendamping', scopeId: world.district }]);
    const desk = await get(pendamping, '/api/registry/funnel?groupBy=village');
    expect(desk.statusCode).toBe(200);
    expect(desk.json().slice.region.code).toBe(world.district);
    expect(
      desk.json().groups.find((g: { key: string }) => g.key === world.village).stages[0].members,
    ).toBeGreaterThanOrEqual(4);
    expect((await get(pendamping, `/api/registry/funnel?region=${otherDistrict}`)).statusCode).toBe(403);
    // …and narrowing by a pengampu keeps them in their kecamatan.
    const byAgency = await get(pendamping, `/api/registry/funnel?agencyId=${agency}`);
    expect(byAgency.statusCode, byAgency.body).toBe(200);
    expect(byAgency.json()).toMatchObject({ slice: { region: { code: world.district } } });
    expect(byAgency.json().total[0].members).toBe(4);
  });
});

describe('the pengampu overlap', () => {
  it('shows members fostered by two agencies, own counts and the de-duplicated total', async () => {
    const [a, b, c] = [await newAgency(), await newAgency(), await newAgency()];
    const [{ code: village }] = (await db.query<{ code: string }>(
      `select code from region where level = 'village' and code like '3101%' order by code desc limit 1`,
    )) as [{ code: string }];
    for (const agencies of [[a, b], [a], [b, c], [a, b, c]]) {
      const u = await makeUmkm(db, village);
      for (const x of agencies) await link(u.umkmId, x!);
    }
    const admin = await cookie([{ role: 'auditor' }]);
    const res = await get(admin, `/api/registry/pengampu-overlap?region=${village}&byCity=true`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    const idx = (id: number) => o.agencies.findIndex((x: { id: number }) => x.id === id);
    const [ia, ib, ic] = [idx(a), idx(b), idx(c)];
    expect(o.matrix[ia][ia]).toBe(3);
    expect(o.matrix[ib][ib]).toBe(3);
    expect(o.matrix[ic][ic]).toBe(2);
    expect(o.matrix[ia][ib]).toBe(2);
    expect(o.matrix[ib][ia]).toBe(2);
    expect(o.matrix[ia][ic]).toBe(1);
    expect(o.matrix[ib][ic]).toBe(2);
    const [{ n }] = (await db.query<{ n: number }>(
      `select count(distinct f.umkm_id)::int8 as n from fostering_link f join umkm u on u.id = f.umkm_id where u.village_code = $1`,
      [village],
    )) as [{ n: number }];
    expect(o.total.distinctMembers).toBe(n);
    expect(o.total.countedMoreThanOnce).toBe(o.total.sumOfAgencyCounts - n);
    expect(o.cities).toHaveLength(1);
    expect(o.cities[0].code).toBe('3101');

    // A pendamping of another kecamatan may not see this kelurahan.
    const pendamping = await cookie([{ role: 'pendamping', scopeId: otherDistrict }]);
    expect((await get(pendamping, `/api/registry/pengampu-overlap?region=${village}`)).statusCode).toBe(403);
  });
});
