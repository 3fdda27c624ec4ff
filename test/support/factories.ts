// Data factories for tests: unique values every call, made through the same use cases users go through.
import crypto from 'node:crypto';
import { createAccount, grantRole } from '../../src/access/create-account.ts';
import { enableTotpWithSecret } from '../../src/access/totp-enrolment.ts';
import { SYSTEM } from '../../src/platform/auth/actor.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
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

export async function makeAccount(db: Db, grants: { role: Role; scopeId?: string }[] = [], opts: { totp?: boolean } = {}): Promise<TestAccount> {
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

let nikSerial = 0;
/** An owner and one business in the given kelurahan (village code), with a valid-looking NIK and phone. */
export async function makeUmkm(db: Db, villageCode: string, name = `Usaha Uji ${unique()}`): Promise<{ umkmId: number; ownerId: number; phone: string }> {
  const keys = personalDataKeys();
  const serial = String((process.pid * 1000 + ++nikSerial) % 10000 || 1).padStart(4, '0');
  const nik = `${villageCode.slice(0, 6)}${String(10 + (nikSerial % 18)).padStart(2, '0')}0890${serial}`;
  const phone = `+62812${String(crypto.randomInt(10_000_000, 99_999_999))}`;
  return db.transaction(async (tx) => {
    const [o] = await tx.query<{ id: number }>(
      `insert into owner (full_name, nik_enc, nik_hash, nik_last4, nik_region, phone_enc, phone_hash, gender, birth_date)
       values ($1, $2, $3, $4, $5, $6, $7, 'male', '1990-08-10') returning id`,
      [`Pemilik ${name}`, keys.encrypt(nik), keys.hash(`${nik}:${unique()}`), nik.slice(12), nik.slice(0, 6), keys.encrypt(phone), keys.hash(phone)],
    );
    const [u] = await tx.query<{ id: number }>(
      `insert into umkm (owner_id, name, kbli_code, village_code, postal_code, size_class) values ($1, $2, '10710', $3, '10110', 'micro') returning id`,
      [o!.id, name, villageCode],
    );
    return { umkmId: u!.id, ownerId: o!.id, phone };
  });
}
