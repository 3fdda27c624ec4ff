// The registry tests' world: a member in Jakarta Barat, a second fostering agency (pengampu), and the registration
// form as an owner or the kecamatan desk fills it in.
import crypto from 'node:crypto';
import { createSession } from '../../src/platform/auth/session.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { testApp, testDb } from './db.ts';
import { makeWorld, type World } from './factories.ts';

/** The worker's database and app, the member, and a second fostering agency; set by setUpRegistry (test files run one at a time per worker). */
export const rk = {} as { db: Db; app: App; world: World; otherAgency: number };

export const session = async (accountId: number) =>
  `pl_session=${(await rk.db.transaction((tx) => createSession(tx, accountId))).token}`;

/** A fresh, valid NIK registered in the world's kecamatan: a woman born 14 Aug 1985. */
export function newNik(district = rk.world.district): string {
  return `${district}540885${String(crypto.randomInt(1, 10000)).padStart(4, '0')}`;
}
export const newPhone = () => `0812-${crypto.randomInt(1000, 9999)}-${crypto.randomInt(1000, 9999)}`;

export function registration(nik: string, phone: string, agency = rk.world.fosteringAgencyId) {
  return {
    owner: { fullName: 'Siti Aminah', nik, phone },
    business: {
      name: `Kue Basah Bu Siti ${crypto.randomInt(1e6)}`,
      kbliCodes: ['10710', '10792'],
      villageCode: rk.world.village,
      address: 'Jl. Melati No. 5 RT 03/RW 02',
      postalCode: '12110',
      startYear: 2019,
      workers: 3,
      capital: 25_000_000,
      annualSales: 180_000_000,
      fosteringAgencyId: agency,
    },
  };
}

/** The worker's database and app, a member in Jakarta Barat (3174), and a second fostering agency. */
export async function setUpRegistry(): Promise<void> {
  rk.db = await testDb();
  rk.app = await testApp();
  rk.world = await makeWorld(rk.db, '3174');
  [{ id: rk.otherAgency }] = (await rk.db.query<{ id: number }>(
    `insert into fostering_agency (code, name) values ($1, 'Pengampu Kedua') returning id`,
    [`FA2-${Math.random()}`],
  )) as [{ id: number }];
}
