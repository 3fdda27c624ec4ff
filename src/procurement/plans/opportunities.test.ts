// Opportunities: the public list holds open packages for providers (not closed, selection not past, not
// self-managed) with filters; "for me" matches an owner's businesses by KBLI or product category, within its kota
// or province-wide, says why, and shows nothing that matches neither.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUmkm } from '../../../test/support/factories.ts';
import { sessionCookie } from '../../../test/support/http.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { kit, newAgency } from './plans-test-kit.ts';

let db: Db;
let app: App;
let agencyId: number;
let seq = 0;

beforeAll(async () => {
  ({ db, app } = await kit());
  agencyId = (await newAgency(db)).id;
});

async function pkg(name: string, over: Record<string, unknown> = {}): Promise<number> {
  const v = {
    pagu: 50_000_000,
    kind: 'barang',
    supply: 'penyedia',
    method: 'e_purchasing',
    category_code: null,
    kbli_codes: [],
    region_code: null,
    selection_to: '2099-12-31',
    status: 'planned',
    ...over,
  };
  const [row] = await db.query<{ id: number }>(
    `insert into procurement_package (rup_code, agency_id, year, name, pagu, kind, supply, method, category_code, kbli_codes,
       region_code, selection_from, selection_to, reserved_small, status)
     values ($1, $2, 2099, $3, $4, $5, $6, $7, $8, $9, $10, '2099-01-01', $11, true, $12) returning id`,
    [
      `${Date.now() % 1e9}${++seq}`,
      agencyId,
      name,
      v.pagu,
      v.kind,
      v.supply,
      v.method,
      v.category_code,
      v.kbli_codes,
      v.region_code,
      v.selection_to,
      v.status,
    ],
  );
  return row!.id;
}

const ids = (body: { items: { id: number }[] }) => body.items.map((i) => i.id);

describe('opportunities', () => {
  it('lists open packages publicly, with filters', async () => {
    const open = await pkg('Kue rapat terbuka', { category_code: 'kue-roti', region_code: '3173' });
    const closed = await pkg('Kue rapat ditutup', { category_code: 'kue-roti', status: 'closed' });
    const past = await pkg('Kue rapat lewat', { category_code: 'kue-roti', selection_to: '2020-01-31' });
    const self = await pkg('Kue rapat swakelola', {
      category_code: 'kue-roti',
      supply: 'swakelola',
      method: 'dikecualikan',
    });
    const res = await app.inject({ method: 'GET', url: '/api/procurement/opportunities?category=kue-roti&kota=3173' });
    expect(res.statusCode).toBe(200);
    expect(ids(res.json())).toContain(open);
    const all = await app.inject({ method: 'GET', url: '/api/procurement/opportunities?category=kue-roti' });
    for (const id of [closed, past, self]) expect(ids(all.json())).not.toContain(id);
    expect(res.json().items.find((i: { id: number }) => i.id === open)).toMatchObject({
      agencyName: expect.any(String),
      pagu: 50_000_000,
      method: 'e_purchasing',
      categoryName: { id: expect.any(String), en: expect.any(String) },
      regionName: expect.stringContaining('Jakarta Barat'),
      reservedSmall: true,
    });
    const other = await app.inject({
      method: 'GET',
      url: '/api/procurement/opportunities?category=kue-roti&kota=3171',
    });
    expect(ids(other.json())).not.toContain(open);
  });

  it('matches an owner by KBLI, product category and kota, with reasons, and not otherwise', async () => {
    // The business is in Jakarta Selatan (3174), KBLI 10710 (bakery); it sells a craft product besides.
    const [village] = await db.query<{ code: string }>(
      `select code from region where level = 'village' and code like '3174%' order by code limit 1`,
    );
    const biz = await makeUmkm(db, village!.code);
    await db.query(
      `insert into product (umkm_id, name, category_code, price, unit, status) values ($1, 'Tas anyaman', 'tas-alas-kaki', 150000, 'pcs', 'published')`,
      [biz.umkmId],
    );
    const owner = await sessionCookie(db, [{ role: 'umkm_owner' }], biz.ownerId);

    const byKbli = await pkg('Roti untuk rapat', { kbli_codes: ['10710'], region_code: '3174' });
    const byCategory = await pkg('Tas seminar', { category_code: 'tas-alas-kaki' }); // province-wide
    const otherKota = await pkg('Roti di Jakarta Utara', { kbli_codes: ['10710'], region_code: '3172' });
    const unrelated = await pkg('Sewa mobil di Jakarta Selatan', { kbli_codes: ['77100'], region_code: '3174' });
    const res = await app.inject({
      method: 'GET',
      url: '/api/procurement/opportunities/for-me',
      headers: { cookie: owner },
    });
    expect(res.statusCode).toBe(200);
    const found = ids(res.json());
    expect(found).toEqual(expect.arrayContaining([byKbli, byCategory]));
    expect(found).not.toContain(otherKota);
    expect(found).not.toContain(unrelated);
    const reasons = (id: number) =>
      res
        .json()
        .items.find((i: { id: number }) => i.id === id)
        .reasons.map((r: { kind: string }) => r.kind);
    expect(reasons(byKbli)).toEqual(['kbli', 'kota']);
    expect(reasons(byCategory)).toEqual(['category', 'kota']);
    expect(res.json().items.find((i: { id: number }) => i.id === byKbli).reasons[0].text.id).toContain('10710');

    const stranger = await sessionCookie(db, [{ role: 'pendamping', scopeId: '317401' }]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/procurement/opportunities/for-me', headers: { cookie: stranger } }))
        .statusCode,
    ).toBe(403);
  });
});
