// RUP packages: entered by the agency's PA/KPA or PPK (another agency's is not found); a package up to the
// reservation threshold in force on its day is reserved unless a reason of ≥ 20 characters is recorded (422
// naming the field otherwise); a later version of the threshold applies from its effective date.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { cookieAs, kit, newAgency } from './plans-test-kit.ts';

let db: Db;
let app: App;
let agency: { id: number; code: string };
let ppk: string;
let seq = 0;

beforeAll(async () => {
  ({ db, app } = await kit());
  agency = await newAgency(db);
  ppk = await cookieAs(db, 'ppk', agency.id);
  // A later regulation (hypothetical) lowers the threshold from 2090: the rule reads the version in force.
  await db.query(
    `insert into setting (key, effective_from, value, source) values ('procurement.reservation_threshold', '2090-01-01', '10000000000', 'uji') on conflict do nothing`,
  );
});

const rup = () => `${Date.now() % 1e9}${String(++seq).padStart(3, '0')}`;
const base = (over: object = {}) => ({
  agencyId: agency.id,
  rupCode: rup(),
  year: 2026,
  name: 'Makan minum rapat koordinasi',
  pagu: 150_000_000,
  kind: 'barang',
  method: 'e_purchasing',
  categoryCode: 'kue-roti',
  kbliCodes: ['10710'],
  regionCode: '3171',
  selectionFrom: '2026-03-01',
  selectionTo: '2026-03-31',
  reservedSmall: true,
  ...over,
});
const post = (payload: object, cookie = ppk) =>
  app.inject({ method: 'POST', url: '/api/procurement/rup', headers: { cookie }, payload });

describe('RUP packages', () => {
  it('creates a reserved package and lists it for the agency', async () => {
    const res = await post(base());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      reservedSmall: true,
      status: 'planned',
      source: 'entered',
      regionName: expect.any(String),
    });
    const list = await app.inject({
      method: 'GET',
      url: `/api/procurement/rup?agencyId=${agency.id}`,
      headers: { cookie: ppk },
    });
    expect(list.json().items.some((p: { id: number }) => p.id === res.json().id)).toBe(true);
    expect(list.json().threshold).toMatchObject({
      amount: 15_000_000_000,
      source: expect.stringContaining('Perpres 12/2021'),
    });
  });

  it('refuses an unreserved package up to the threshold without a reason, naming the field', async () => {
    const code = rup();
    for (const reason of [null, 'terlalu pendek']) {
      const res = await post(
        base({ rupCode: code, pagu: 15_000_000_000, reservedSmall: false, reservationExemptReason: reason }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'reservation_reason_required',
        errors: [{ field: 'body.reservationExemptReason' }],
      });
    }
    expect(await db.query('select 1 from procurement_package where rup_code = $1', [code])).toEqual([]);
    const ok = await post(
      base({
        rupCode: code,
        pagu: 15_000_000_000,
        reservedSmall: false,
        reservationExemptReason: 'Membutuhkan peralatan laboratorium berstandar internasional.',
      }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().reservationExemptReason).toContain('laboratorium');
    // Above the threshold no reason is needed.
    expect((await post(base({ pagu: 15_000_000_001, reservedSmall: false }))).statusCode).toBe(201);
  });

  it('reads the threshold in force on the package’s day', async () => {
    const at12bn = (year: number) =>
      base({
        year,
        selectionFrom: `${year}-02-01`,
        selectionTo: `${year}-02-28`,
        pagu: 12_000_000_000,
        reservedSmall: false,
      });
    expect((await post(at12bn(2026))).statusCode).toBe(422); // ≤ Rp15 miliar: reserved
    expect((await post(at12bn(2090))).statusCode).toBe(201); // above the later Rp10 miliar
  });

  it('checks the rule again on edit, and keeps other agencies out', async () => {
    const created = (await post(base())).json();
    const patch = (payload: object, cookie = ppk) =>
      app.inject({ method: 'PATCH', url: `/api/procurement/rup/${created.id}`, headers: { cookie }, payload });
    expect((await patch({ reservedSmall: false })).statusCode).toBe(422);
    const renamed = await patch({ name: 'Snack rapat pleno', pagu: 90_000_000 });
    expect(renamed.json()).toMatchObject({ name: 'Snack rapat pleno', pagu: 90_000_000, reservedSmall: true });
    const outsider = await cookieAs(db, 'ppk', (await newAgency(db)).id);
    expect((await patch({ name: 'Bukan milik saya' }, outsider)).statusCode).toBe(404);
    expect((await post(base(), outsider)).statusCode).toBe(404);
    const dup = await post(base({ rupCode: created.rupCode }));
    expect(dup.json()).toMatchObject({ code: 'rup_code_taken', errors: [{ field: 'body.rupCode' }] });
    const bad = await post(base({ selectionFrom: '2026-05-01', selectionTo: '2026-04-01', categoryCode: 'tidak-ada' }));
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.categoryCode', 'body.selectionTo']);
  });
});
