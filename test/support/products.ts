// The product-management tests' world: a member in Jakarta Barat with its owner, the kecamatan desk and an outsider
// signed in, the product API calls, and the halal certificate the food rules look for.
import type { Role } from '../../src/platform/auth/roles.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { testApp, testDb } from './db.ts';
import { makeWorld, unique, type World } from './factories.ts';
import { sessionCookie, worldPeople } from './http.ts';

/**
 * The worker's database and app, the member, and the cookies of its owner, the pendamping of its kecamatan (desk)
 * and a pendamping of a kecamatan in another kota (outsider); set by setUpProducts (test files run one at a time
 * per worker).
 */
export const pk = {} as { db: Db; app: App; world: World; owner: string; desk: string; outsider: string };

export const cookie = (grants: { role: Role; scopeId?: string }[], ownerId?: number) =>
  sessionCookie(pk.db, grants, ownerId);

type Method = 'GET' | 'POST' | 'PATCH';
export const call = (
  c: string | undefined,
  method: Method,
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  pk.app.inject({ method, url, headers: { ...(c ? { cookie: c } : {}), ...headers }, ...(payload ? { payload } : {}) });
export const create = (c: string, umkmId: number, body: object, key?: string) =>
  call(c, 'POST', `/api/catalog/members/${umkmId}/products`, body, key ? { 'idempotency-key': key } : {});
export const product = (id: number) => `/api/catalog/manage/products/${id}`;
export const setStatus = (c: string, id: number, status: string) =>
  call(c, 'POST', `${product(id)}/status`, { status });
/** A calendar date n days from today in Jakarta (UTC+7). */
export const inDays = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
export const addHalal = (umkmId: number, expiresOn: string | null) =>
  pk.db.query(`insert into permit (umkm_id, kind, number, expires_on) values ($1, 'halal', $2, $3)`, [
    umkmId,
    `ID-HALAL-${unique()}`,
    expiresOn,
  ]);
export const craft = { name: 'Tas Anyaman Pandan', categoryCode: 'kerajinan', price: 125000, unit: 'pcs' };
export const snack = {
  name: 'Keripik Singkong Balado',
  categoryCode: 'makanan-ringan',
  price: 15000,
  unit: 'bungkus',
  halal: true,
};

/** The worker's database and app, a member in Jakarta Barat (3173), and its people signed in. */
export async function setUpProducts(): Promise<void> {
  pk.db = await testDb();
  pk.app = await testApp();
  pk.world = await makeWorld(pk.db, '3173');
  Object.assign(pk, await worldPeople(pk.db, pk.world));
}
