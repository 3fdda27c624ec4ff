import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDb } from '../../test/support/db.ts';
import { makeAccount, makeWorld, type World } from '../../test/support/factories.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';
import { createSession } from '../platform/auth/session.ts';

let app: App;
let db: Db;
let world: World;
let otherAgency: number;

beforeAll(async () => {
  db = await testDb();
  app = await testApp();
  world = await makeWorld(db, '3174');
  [{ id: otherAgency }] = (await db.query<{ id: number }>(
    `insert into fostering_agency (code, name) values ($1, 'Pengampu Kedua') returning id`,
    [`FA2-${Math.random()}`],
  )) as [{ id: number }];
});

const session = async (accountId: number) =>
  `pl_session=${(await db.transaction((tx) => createSession(tx, accountId))).token}`;

/** A fresh, valid NIK registered in the world's kecamatan: a woman born 14 Aug 1985. */
function newNik(district = world.district): string {
  return `${district}540885${String(crypto.randomInt(1, 10000)).padStart(4, '0')}`;
}
const newPhone = () => `0812-${crypto.randomInt(1000, 9999)}-${crypto.randomInt(1000, 9999)}`;

function registration(nik: string, phone: string, agency = world.fosteringAgencyId) {
  return {
    owner: { fullName: 'Siti Aminah', nik, phone },
    business: {
      name: `Kue Basah Bu Siti ${crypto.randomInt(1e6)}`,
      kbliCodes: ['10710', '10792'],
      villageCode: world.village,
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

describe('identifier validation (public, instant feedback)', () => {
  it('names what is wrong in a mistyped NIK and derives gender and birth date once corrected', async () => {
    const typo = await app.inject({
      method: 'POST',
      url: '/api/identifiers/validate',
      payload: { kind: 'nik', value: '317404548850001' },
    });
    expect(typo.statusCode).toBe(200);
    expect(typo.json().valid).toBe(false);
    expect(typo.json().errors[0].message.id).toMatch(/16 angka/);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/identifiers/validate',
      payload: { kind: 'nik', value: '3174045408850001' },
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(ok.json()).toEqual({
      valid: true,
      errors: [],
      derived: { gender: 'female', birth_date: '1985-08-14', district_code: '317404', region_known: true },
    });
    const phone = await app.inject({
      method: 'POST',
      url: '/api/identifiers/validate',
      payload: { kind: 'phone', value: '0812 3456-7890' },
    });
    expect(phone.json().derived.e164).toBe('+6281234567890');
  });
});

describe('registration', () => {
  it('an owner registers their own business from their account and becomes its owner', async () => {
    const acc = await makeAccount(db, [{ role: 'public_buyer' }]);
    const cookie = await session(acc.id);
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie },
      payload: registration(newNik(), newPhone()),
    });
    expect(res.statusCode).toBe(201);
    const { umkmId } = res.json();
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
    expect(me.roles.map((r: { role: string }) => r.role)).toContain('umkm_owner');
    const member = (
      await app.inject({ method: 'GET', url: `/api/registry/members/${umkmId}`, headers: { cookie } })
    ).json();
    expect(member.owner.nikMasked).toMatch(/^3174\*{8}\d{4}$/);
    expect(member.sizeClass).toBe('micro');
    expect(member.kbliCodes).toEqual(['10710', '10792']);
    const [p1] = await db.query<{ stage: number }>('select stage from journey_stage where umkm_id = $1', [umkmId]);
    expect(p1?.stage).toBe(1);
    const again = await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie },
      payload: registration(newNik(), newPhone()),
    });
    expect(again.json().outcome).toBe('already_registered');
  });

  it('refuses someone else’s NIK on self-registration, pointing to the kecamatan desk', async () => {
    const nik = newNik();
    const first = await makeAccount(db, [{ role: 'public_buyer' }]);
    await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie: await session(first.id) },
      payload: registration(nik, newPhone()),
    });
    const intruder = await makeAccount(db, [{ role: 'public_buyer' }]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie: await session(intruder.id) },
      payload: registration(nik, newPhone()),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message.id).toMatch(/kecamatan/);
  });

  it('checks every field at once: NIK against the stated birth date, postal code against the kota, unknown KBLI', async () => {
    const acc = await makeAccount(db, [{ role: 'public_buyer' }]);
    const body = registration(newNik(), newPhone());
    const bad = {
      ...body,
      owner: { ...body.owner, birthDate: '1985-08-15', gender: 'male' as const },
      business: { ...body.business, postalCode: '10110', kbliCodes: ['99999'] },
    };
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie: await session(acc.id) },
      payload: bad,
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual([
      'body.business.kbliCodes.0',
      'body.business.postalCode',
      'body.owner.birthDate',
      'body.owner.gender',
    ]);
    expect(res.json().errors.every((e: { message: { id: string; en: string } }) => e.message.id && e.message.en)).toBe(
      true,
    );
  });

  it('refuses a negative capital or sales (a minus the form let through), naming the field, on registration and on correction', async () => {
    const acc = await makeAccount(db, [{ role: 'public_buyer' }]);
    const cookie = await session(acc.id);
    const body = registration(newNik(), newPhone());
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/registrations',
      headers: { cookie },
      payload: { ...body, business: { ...body.business, capital: -5, annualSales: -1 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const byField = Object.fromEntries(
      res.json().errors.map((e: { field: string; message: { id: string; en: string } }) => [e.field, e.message]),
    );
    expect(Object.keys(byField).sort()).toEqual(['body.business.annualSales', 'body.business.capital']);
    for (const m of Object.values(byField) as { id: string; en: string }[])
      expect(m.id && m.en && m.id !== m.en).toBeTruthy();
    expect(await db.query('select 1 from umkm where name = $1', [body.business.name])).toEqual([]);

    const { umkmId } = (
      await app.inject({
        method: 'POST',
        url: '/api/registry/registrations',
        headers: { cookie },
        payload: registration(newNik(), newPhone()),
      })
    ).json();
    const fix = await app.inject({
      method: 'PATCH',
      url: `/api/registry/members/${umkmId}`,
      headers: { cookie },
      payload: { capital: -5 },
    });
    expect(fix.statusCode).toBe(400);
    expect(fix.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.capital']);
    const [row] = await db.query<{ capital: string }>('select capital::text from umkm where id = $1', [umkmId]);
    expect(row?.capital).toBe('25000000');
  });

  it('a pendamping registers an owner at the desk, who then claims the account with the code', async () => {
    const p = await makeAccount(db, [{ role: 'pendamping', scopeId: world.district }]);
    const phone = newPhone();
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: await session(p.id) },
      payload: registration(newNik(), phone),
    });
    expect(res.statusCode).toBe(201);
    const { claimCode, umkmId } = res.json();
    expect(claimCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const claim = await app.inject({
      method: 'POST',
      url: '/api/auth/claim',
      payload: { login: phone, code: claimCode, password: 'KueBasah2026' },
    });
    expect(claim.statusCode).toBe(200);
    const cookie = claim.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const nik = await app.inject({ method: 'GET', url: `/api/registry/members/${umkmId}/nik`, headers: { cookie } });
    expect(nik.statusCode).toBe(200);
    const [row] = await db.query<{ channel: string }>(
      'select registration_channel as channel from umkm where id = $1',
      [umkmId],
    );
    expect(row?.channel).toBe('desk');
  });

  it('refuses a desk registration outside the pendamping’s kecamatan', async () => {
    const p = await makeAccount(db, [{ role: 'pendamping', scopeId: '317101' }]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: await session(p.id) },
      payload: registration(newNik(), newPhone()),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].field).toBe('body.business.villageCode');
  });

  it('the same NIK from two pengampu is one member with two fostering links, counted once', async () => {
    const p = await makeAccount(db, [{ role: 'pendamping', scopeId: world.district }]);
    const cookie = await session(p.id);
    const nik = newNik();
    const a = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie },
      payload: registration(nik, newPhone()),
    });
    const b = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie },
      payload: registration(nik, newPhone(), otherAgency),
    });
    expect(a.json().outcome).toBe('registered');
    expect(b.statusCode).toBe(200);
    expect(b.json()).toMatchObject({ outcome: 'linked', umkmId: a.json().umkmId });
    const c = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie },
      payload: registration(nik, newPhone(), otherAgency),
    });
    expect(c.json().outcome).toBe('already_registered');
    const [counts] = await db.query<{ members: number; links: number }>(
      `select count(distinct u.id) as members, count(*) as links from umkm u join owner o on o.id = u.owner_id join fostering_link f on f.umkm_id = u.id where u.id = $1`,
      [a.json().umkmId],
    );
    expect(counts).toEqual({ members: 1, links: 2 });
  });

  it('a pendamping cannot link a member of another kecamatan: not found there, no link added, nothing of it told', async () => {
    const here = await makeAccount(db, [{ role: 'pendamping', scopeId: world.district }]);
    const nik = newNik();
    const first = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: await session(here.id) },
      payload: registration(nik, newPhone()),
    });
    expect(first.json().outcome).toBe('registered');
    const other = await makeWorld(db, '3175');
    const there = await makeAccount(db, [{ role: 'pendamping', scopeId: other.district }]);
    const atOtherDesk = (id: string) => {
      const r = registration(id, newPhone(), other.fosteringAgencyId);
      return { ...r, business: { ...r.business, villageCode: other.village, postalCode: '13110' } };
    };
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: await session(there.id) },
      payload: atOtherDesk(nik),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.owner.nik', code: 'not_in_district' });
    expect(res.json()).not.toHaveProperty('umkmId');
    expect(res.body).not.toMatch(/Kue Basah|Siti Aminah/);
    const links = await db.query<{ agency_id: number }>('select agency_id from fostering_link where umkm_id = $1', [
      first.json().umkmId,
    ]);
    expect(links.map((l) => l.agency_id)).toEqual([world.fosteringAgencyId]);
    // …while a new owner at that desk still registers there.
    const fresh = await app.inject({
      method: 'POST',
      url: '/api/registry/desk-registrations',
      headers: { cookie: await session(there.id) },
      payload: atOtherDesk(newNik(other.district)),
    });
    expect(fresh.statusCode).toBe(201);
  });
});

describe('corrections and personal-data rights', () => {
  it('the owner corrects sales, the size class moves up with history, and the change is audited without personal data', async () => {
    const acc = await makeAccount(db, [{ role: 'public_buyer' }]);
    const cookie = await session(acc.id);
    const { umkmId } = (
      await app.inject({
        method: 'POST',
        url: '/api/registry/registrations',
        headers: { cookie },
        payload: registration(newNik(), newPhone()),
      })
    ).json();
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/registry/members/${umkmId}`,
      headers: { cookie },
      payload: { annualSales: 3_500_000_000, ownerPhone: newPhone() },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sizeClass).toBe('small');
    const history = await db.query<{ size_class: string }>(
      'select size_class from size_class_history where umkm_id = $1 order by id',
      [umkmId],
    );
    expect(history.map((h) => h.size_class)).toEqual(['micro', 'small']);
    const [entry] = await db.query<{ after: Record<string, unknown> }>(
      `select after from audit_log where umkm_id = $1 and action = 'registry.correct'`,
      [umkmId],
    );
    expect(entry?.after).toEqual({ annualSales: 3_500_000_000, ownerPhone: 'changed' });
  });

  it('the owner downloads everything held about them, asks for deletion, and an admin erases the person but keeps the business', async () => {
    const acc = await makeAccount(db, [{ role: 'public_buyer' }]);
    const cookie = await session(acc.id);
    const nik = newNik();
    const { umkmId } = (
      await app.inject({
        method: 'POST',
        url: '/api/registry/registrations',
        headers: { cookie },
        payload: registration(nik, newPhone()),
      })
    ).json();
    const mine = await app.inject({ method: 'GET', url: '/api/registry/my-data', headers: { cookie } });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-disposition']).toContain('attachment');
    expect(mine.json().owner.nik).toBe(nik);
    expect(mine.json().journey[0].stage).toBe(1);
    const req = await app.inject({
      method: 'POST',
      url: '/api/registry/my-data/deletion-requests',
      headers: { cookie },
      payload: { reason: 'Usaha sudah tutup' },
    });
    expect(req.statusCode).toBe(202);
    const admin = await makeAccount(db, [{ role: 'platform_admin' }], { totp: true });
    const list = await app.inject({
      method: 'GET',
      url: '/api/registry/data-requests',
      headers: { cookie: await session(admin.id) },
    });
    expect(list.json().items.find((i: { id: number }) => i.id === req.json().requestId)).toMatchObject({
      ownerName: 'Siti Aminah',
      umkmId,
      reason: 'Usaha sudah tutup',
      status: 'open',
    });
    const decided = await app.inject({
      method: 'POST',
      url: `/api/registry/data-requests/${req.json().requestId}/decision`,
      headers: { cookie: await session(admin.id) },
      payload: { decision: 'done', note: 'Diverifikasi lewat telepon' },
    });
    expect(decided.statusCode).toBe(200);
    const [o] = await db.query<{ full_name: string; nik_enc: Buffer | null; erased_at: Date | null }>(
      'select o.full_name, o.nik_enc, o.erased_at from owner o join umkm u on u.owner_id = o.id where u.id = $1',
      [umkmId],
    );
    expect(o).toMatchObject({ full_name: '(dihapus)', nik_enc: null });
    expect(o?.erased_at).toBeInstanceOf(Date);
    expect((await db.query('select 1 from umkm where id = $1', [umkmId])).length).toBe(1);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().authenticated).toBe(
      false,
    );
  });
});
