// Data factories for tests: unique values every call, made through the same use cases users go through.
import crypto from 'node:crypto';
import { createAccount, grantRole } from '../../src/access/create-account.ts';
import { enableTotpWithSecret } from '../../src/access/totp-enrolment.ts';
import { SYSTEM } from '../../src/platform/auth/actor.ts';
import { ROLES, type Role } from '../../src/platform/auth/roles.ts';
import { newTotpSecret } from '../../src/platform/auth/totp.ts';
import type { Db } from '../../src/platform/db/types.ts';
import { personalDataKeys } from '../../src/platform/personal-data.ts';

export const unique = () => crypto.randomBytes(5).toString('hex');

export interface TestAccount {
  id: number;
  email: string;
  password: string;
  totpSecret?: string;
}

export async function makeAccount(
  db: Db,
  grants: { role: Role; scopeId?: string }[] = [],
  opts: { totp?: boolean } = {},
): Promise<TestAccount> {
  const email = `t-${unique()}@test.pasarlokal.id`;
  const password = `Rahasia-${unique()}`;
  const totpSecret = opts.totp ? newTotpSecret() : undefined;
  const id = await db.transaction(async (tx) => {
    const who = SYSTEM('test');
    const id = await createAccount(tx, who, { displayName: `Uji ${email}`, email, password });
    for (const g of grants) await grantRole(tx, who, id, g.role, g.scopeId ?? '');
    if (totpSecret) await enableTotpWithSecret(tx, who, id, totpSecret);
    return id;
  });
  return { id, email, password, totpSecret };
}

/** An owner and one business in the given kelurahan (village code), with a valid-looking NIK and phone. */
export async function makeUmkm(
  db: Db,
  villageCode: string,
  name = `Usaha Uji ${unique()}`,
): Promise<{ umkmId: number; ownerId: number; phone: string; nik: string }> {
  const keys = personalDataKeys();
  // Unique per call: day 10–28, month 01–12, year 1960–1999, serial 0001–9999 drawn at random.
  const nik = `${villageCode.slice(0, 6)}${crypto.randomInt(10, 29)}${String(crypto.randomInt(1, 13)).padStart(2, '0')}${crypto.randomInt(60, 100)}${String(crypto.randomInt(1, 10000)).padStart(4, '0')}`;
  const phone = `+62812${String(crypto.randomInt(10_000_000, 99_999_999))}`;
  return db.transaction(async (tx) => {
    const [o] = await tx.query<{ id: number }>(
      `insert into owner (full_name, nik_enc, nik_hash, nik_last4, nik_region, phone_enc, phone_hash, gender, birth_date)
       values ($1, $2, $3, $4, $5, $6, $7, 'male', '1990-08-10') returning id`,
      [
        `Pemilik ${name}`,
        keys.encrypt(nik),
        keys.hash(nik),
        nik.slice(12),
        nik.slice(0, 6),
        keys.encrypt(phone),
        keys.hash(phone),
      ],
    );
    const [u] = await tx.query<{ id: number }>(
      `insert into umkm (owner_id, name, kbli_code, village_code, postal_code, size_class) values ($1, $2, '10710', $3, '10110', 'micro') returning id`,
      [o!.id, name, villageCode],
    );
    return { umkmId: u!.id, ownerId: o!.id, phone, nik };
  });
}

export interface World {
  district: string;
  village: string;
  umkmId: number;
  ownerId: number;
  ownerName: string;
  nik: string;
  dataRequestId: number;
  fosteringAgencyId: number;
  agencyId: number;
  mallId: number;
  lenderId: number;
}

/** A small world of one kecamatan: a business, a fostering agency, a buying agency, a mall and a lender. */
export async function makeWorld(db: Db, cityPrefix: string): Promise<World> {
  const [v] = await db.query<{ code: string; parent_code: string }>(
    `select code, parent_code from region where level = 'village' and code like $1 || '%' order by code limit 1`,
    [cityPrefix],
  );
  const tag = unique();
  const u = await makeUmkm(db, v!.code, `Usaha Dunia ${tag}`);
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0]!.id;
  const fosteringAgencyId = await one('insert into fostering_agency (code, name) values ($1, $2) returning id', [
    `FA-${tag}`,
    `Pengampu ${tag}`,
  ]);
  await db.query(`insert into fostering_link (umkm_id, agency_id, since) values ($1, $2, '2024-01-01')`, [
    u.umkmId,
    fosteringAgencyId,
  ]);
  return {
    district: v!.parent_code,
    village: v!.code,
    umkmId: u.umkmId,
    ownerId: u.ownerId,
    ownerName: `Pemilik Usaha Dunia ${tag}`,
    nik: u.nik,
    dataRequestId: await one(
      `insert into personal_data_request (owner_id, kind) values ($1, 'deletion') returning id`,
      [u.ownerId],
    ),
    fosteringAgencyId,
    agencyId: await one(`insert into agency (code, name, kind) values ($1, $2, 'opd') returning id`, [
      `AG-${tag}`,
      `Dinas Uji ${tag}`,
    ]),
    mallId: await one(
      'insert into mall (name, operator, village_code, effective_floor_m2) values ($1, $2, $3, 10000) returning id',
      [`Mal ${tag}`, `PT Mal ${tag}`, v!.code],
    ),
    lenderId: await one(`insert into lender (code, name, kind) values ($1, $2, 'regional_bank') returning id`, [
      `LD-${tag}`,
      `Bank ${tag}`,
    ]),
  };
}

/** The scope id a role holds in a world. */
export function scopeIn(w: World, role: Role): string {
  const byKind: Record<string, string> = {
    fostering_agency: String(w.fosteringAgencyId),
    district: w.district,
    agency: String(w.agencyId),
    mall: String(w.mallId),
    lender: String(w.lenderId),
  };
  return byKind[ROLES[role].scope] ?? '';
}
