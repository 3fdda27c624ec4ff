// The curation tests' world: two members in two kota, signed-in officers of every curation role, and the steps
// (open a call, submit, take a submission to scoring) that the curation and notification tests repeat.
import { expect } from 'vitest';
import type { Role } from '../../src/platform/auth/roles.ts';
import { createSession } from '../../src/platform/auth/session.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { personalDataKeys } from '../../src/platform/personal-data.ts';
import { testApp, testDb } from './db.ts';
import { makeAccount, makeWorld, unique, type World } from './factories.ts';

/** The worker's database and app, and the two members; set by setUpCuration (test files run one at a time per worker). */
export const kit = {} as { db: Db; app: App; world: World; other: World };
export const c: Record<string, string> = {}; // cookies by name
export const ids: Record<string, number> = {}; // account ids by name
const PENDAMPING_PHONE = '+6281298765432';

export async function login(name: string, grants: { role: Role; scopeId?: string }[], ownerId?: number) {
  const acc = await makeAccount(kit.db, grants, { totp: grants.some((g) => g.role === 'platform_admin') });
  if (ownerId) await kit.db.query('update account set owner_id = $2 where id = $1', [acc.id, ownerId]);
  ids[name] = acc.id;
  c[name] = `pl_session=${(await kit.db.transaction((tx) => createSession(tx, acc.id))).token}`;
}

export const send = (
  who: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  kit.app.inject({
    method,
    url,
    headers: { ...(who ? { cookie: c[who]! } : {}), ...headers },
    ...(payload ? { payload } : {}),
  });
export const get = (who: string, url: string) => send(who, 'GET', url);
export const post = (who: string, url: string, payload: object = {}, headers: Record<string, string> = {}) =>
  send(who, 'POST', url, payload, headers);

/** A WIB wall-clock time `days` from now, as the call form takes it. */
export const wibIn = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 16);

export async function product(
  w: World,
  opts: { category?: string; status?: string; halal?: boolean } = {},
): Promise<number> {
  const [p] = await kit.db.query<{ id: number }>(
    `insert into product (umkm_id, name, category_code, price, unit, status, halal) values ($1, $2, $3, 25000, 'kotak', $4, $5) returning id`,
    [w.umkmId, `Kue Lapis ${unique()}`, opts.category ?? 'kue-roti', opts.status ?? 'published', opts.halal ?? true],
  );
  return p!.id;
}

export async function openCall(overrides: object = {}): Promise<number> {
  const res = await post('admin', '/api/curation/calls', {
    title: { id: `Kurasi JBL ${unique()}`, en: 'JBL curation' },
    description: { id: 'Kurasi produk pangan', en: 'Food curation' },
    criteria: { id: 'Makanan dan minuman, halal', en: 'Food and drink, halal' },
    foodOnly: true,
    quota: 5,
    deadlineWib: wibIn(14),
    channel: 'jbl',
    rubricCode: 'food',
    kuratorIds: [ids.kurator],
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  const pub = await post('admin', `/api/curation/calls/${id}/publish`);
  expect(pub.statusCode, pub.body).toBe(200);
  expect(pub.json()).toMatchObject({ status: 'open', acceptingSubmissions: true });
  return id;
}

export const FOOD_SCORES = (s: number) =>
  ['taste', 'packaging', 'hygiene', 'halal', 'photo'].map((criterion) => ({
    criterion,
    score: s,
    notes: `catatan ${criterion}`,
  }));

export async function submit(callId: number, productId: number) {
  const res = await post('owner', `/api/curation/calls/${callId}/submissions`, { productId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().submission.id as number;
}

/** Takes a submission through verification and validation. */
export async function toScoring(id: number) {
  expect((await post('pendamping', `/api/curation/submissions/${id}/verify`, { decision: 'verify' })).statusCode).toBe(
    200,
  );
  expect(
    (await post('kasatpel', `/api/curation/submissions/${id}/validate`, { decision: 'validate' })).statusCode,
  ).toBe(200);
}

/** The worker's database and app, two members (Jakarta Pusat, Jakarta Selatan) and the officers signed in. */
export async function setUpCuration(): Promise<void> {
  kit.db = await testDb();
  kit.app = await testApp();
  kit.world = await makeWorld(kit.db, '3171');
  kit.other = await makeWorld(kit.db, '3175');
  await login('admin', [{ role: 'platform_admin' }]);
  await login('owner', [{ role: 'umkm_owner' }], kit.world.ownerId);
  await login('pendamping', [{ role: 'pendamping', scopeId: kit.world.district }]);
  await login('kasatpel', [{ role: 'kasatpel', scopeId: kit.world.district }]);
  await login('kurator', [{ role: 'kurator' }]);
  await login('kurator2', [{ role: 'kurator' }]);
  await login('farPendamping', [{ role: 'pendamping', scopeId: kit.other.district }]);
  await login('farKasatpel', [{ role: 'kasatpel', scopeId: kit.other.district }]);
  await kit.db.query('update account set phone_enc = $2 where id = $1', [
    ids.pendamping,
    personalDataKeys().encrypt(PENDAMPING_PHONE),
  ]);
}
