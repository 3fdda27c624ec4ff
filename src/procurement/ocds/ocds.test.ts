import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDb } from '../../../test/support/db.ts';
import { codelist, ocdsErrors } from '../../../test/support/ocds.ts';
import { makeOcdsWorld, type OcdsWorld } from '../../../test/support/ocds-world.ts';
import { releaseProblems } from '../../../test/support/ocds-walk.ts';
import { createApp } from '../../app.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';
import { eventPageQuery, SOURCES } from './events.ts';
import type { Release } from './schema.ts';

// Its own database: paging must return every release of the instance exactly once, so no other test's rows.
let db: Db;
let close: () => Promise<void>;
let app: App;
let w: OcdsWorld;

beforeAll(async () => {
  ({ db, close } = await ownDb('ocds'));
  app = await createApp({ db, state: { ready: true } }, 'silent');
  await app.ready();
  w = await makeOcdsWorld(db);
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
const ocidOf = (rupCode: string) => `ocds-pl31-rup-${rupCode}`;

async function allReleases(query = 'limit=500'): Promise<Release[]> {
  const res = await get(`/api/ocds/releases?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(ocdsErrors('release', res.json())).toEqual([]);
  return res.json().releases;
}

/** Every object under `v` that has a `currency` (every OCDS Value). */
function values(v: unknown, out: { amount: unknown; currency: unknown }[] = []) {
  if (Array.isArray(v)) for (const x of v) values(x, out);
  else if (v && typeof v === 'object') {
    if ('currency' in v) out.push(v as { amount: unknown; currency: unknown });
    for (const x of Object.values(v)) values(x, out);
  }
  return out;
}

describe('OCDS release package', () => {
  it('publishes every plan and order event as a valid release, with the configured ocid prefix', async () => {
    const releases = await allReleases();
    expect(releases).toHaveLength(w.releaseCount);
    expect(new Set(releases.map((r) => r.id)).size).toBe(releases.length);
    expect(new Set(releases.map((r) => r.ocid))).toEqual(new Set(w.packages.map((p) => ocidOf(p.rupCode))));
    for (const r of releases) expect(r.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    // release dates are the events' times, oldest first
    const times = releases.map((r) => Date.parse(r.date));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(releases[0]!.date).toBe('2025-03-03T08:00:00+07:00'); // the first package made at 01:00 UTC
  });

  it('states method, category, values, parties and items the way the codelists and the tables say', async () => {
    const releases = await allReleases();
    const methods = codelist('method');
    const byMethod: Record<string, [string, string]> = {
      e_purchasing: ['direct', 'goods'],
      tender: ['open', 'services'],
      seleksi: ['selective', 'services'],
    };
    for (const p of w.packages) {
      const planning = releases.find((r) => r.id === `rup-${p.rupCode}-planning`)!;
      expect(planning.tag).toEqual(['planning']);
      expect(planning.planning!.budget.amount).toEqual({ amount: 250_000_000, currency: 'IDR' });
      expect(planning.planning!.budget.project).toContain(p.method);
      expect(methods).toContain(planning.tender!.procurementMethod);
      expect([planning.tender!.procurementMethod, planning.tender!.mainProcurementCategory]).toEqual(
        byMethod[p.method],
      );
      expect(planning.tender!.procurementMethodDetails).not.toBe('');
      expect(releases.some((r) => r.id === `rup-${p.rupCode}-tender`)).toBe(p.ready);
    }
    for (const v of values(releases)) {
      expect(v.currency).toBe('IDR');
      expect(Number.isInteger(v.amount)).toBe(true);
    }
    for (const r of releases) {
      expect(codelist('releaseTag')).toEqual(expect.arrayContaining(r.tag));
      expect(r.buyer).toEqual({ id: `agency-${w.agencyCode}`, name: w.agencyName });
      const buyer = r.parties.find((x) => x.id === r.buyer.id)!;
      expect(buyer.roles).toContain('buyer');
      for (const party of r.parties) expect(codelist('partyRole')).toEqual(expect.arrayContaining(party.roles));
    }
    const award = releases.find((r) => r.id === `order-${w.orders.placed.id}-award`)!;
    expect(award.tag).toEqual(['award']);
    const supplier = award.parties.find((x) => x.roles.includes('supplier'))!;
    expect(supplier).toMatchObject({ name: w.orders.placed.seller.name, details: { scale: 'micro' } });
    expect(award.awards![0]).toMatchObject({ id: String(w.orders.placed.id), status: 'pending' });
    expect(award.awards![0]!.suppliers).toEqual([{ id: supplier.id, name: supplier.name }]);
    expect(award.awards![0]!.items).toEqual([
      {
        id: `${w.orders.placed.id}-1`,
        description: 'Kue OCDS 1',
        quantity: 1,
        unit: { name: 'kotak', value: { amount: 5000, currency: 'IDR' } },
      },
      {
        id: `${w.orders.placed.id}-2`,
        description: 'Kue OCDS 2',
        quantity: 2,
        unit: { name: 'kotak', value: { amount: 10000, currency: 'IDR' } },
      },
    ]);
    const lineless = releases.find((r) => r.id === `order-${w.orders.cancelled.id}-cancelled`)!;
    expect(lineless.awards![0]!.items).toBeUndefined(); // stated only when there are lines (minItems 1)
    expect(lineless.awards![0]!.status).toBe('cancelled');
    const small = releases.find((r) => r.id === `order-${w.orders.accepted.id}-contract`)!;
    expect(small.parties.find((x) => x.roles.includes('supplier'))!.details).toEqual({ scale: 'sme' });
    expect(small.contracts![0]).toMatchObject({
      status: 'active',
      value: { amount: w.orders.accepted.total, currency: 'IDR' },
    });
  });

  it('pages through every release exactly once by links.next, each page valid and bounded', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/api/ocds/releases?limit=4';
    let pages = 0;
    while (url) {
      const res = await get(url);
      expect(res.statusCode, res.body).toBe(200);
      const body: { releases: Release[]; links: { next?: string } } = res.json();
      expect(ocdsErrors('release', body)).toEqual([]);
      expect(body.releases.length).toBeLessThanOrEqual(4);
      seen.push(...body.releases.map((r: Release) => r.id));
      url = body.links.next ? path(body.links.next) : undefined;
      pages++;
    }
    expect(pages).toBe(Math.ceil(w.releaseCount / 4));
    expect(seen).toEqual((await allReleases()).map((r) => r.id));
    expect((await get('/api/ocds/releases?limit=501')).statusCode).toBe(400);
    const bad = await get('/api/ocds/releases?after=bukan-penanda');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('after');
  });

  it('filters by release date: since inclusive, until exclusive, with offsets or as WIB dates', async () => {
    const all = await allReleases();
    const since = w.at(30); // the first order's placement
    const until = w.at(60);
    const expected = all.filter((r) => Date.parse(r.date) >= since.getTime() && Date.parse(r.date) < until.getTime());
    expect(expected.length).toBeGreaterThan(3);
    const q = new URLSearchParams({ since: since.toISOString(), until: until.toISOString(), limit: '2' });
    const got: string[] = [];
    let url: string | undefined = `/api/ocds/releases?${q}`;
    while (url) {
      const body: { releases: Release[]; links: { next?: string } } = (await get(url)).json();
      got.push(...body.releases.map((r: Release) => r.id));
      url = body.links.next ? path(body.links.next) : undefined;
    }
    expect(got).toEqual(expected.map((r) => r.id));
    // the same instant written in WIB
    const wib = await allReleases(
      new URLSearchParams({ since: '2025-03-03T08:30:00+07:00', until: until.toISOString() }).toString(),
    );
    expect(wib.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    // a calendar date is midnight WIB: everything of the world falls on 3 March 2025 in Jakarta
    expect(await allReleases('since=2025-03-03&until=2025-03-04&limit=500')).toHaveLength(w.releaseCount);
    const none = await get('/api/ocds/releases?since=2025-03-04&until=2025-03-05');
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toContain('application/problem+json');
  });

  it('reads every kind of event by an index range from the cursor: no page scans the orders', async () => {
    const after = { at: '2025-03-03T01:40:00.000000Z', kind: 'contract' as const, id: w.orders.accepted.id };
    const { sql, params } = eventPageQuery({ after, until: '2026-01-01T00:00:00Z', limit: 101 });
    // Tiny tables would be read whole anyway: with scans that lose the order priced out, the plan shows the index
    // that gives each kind its rows in (time, id) order from the cursor.
    const plan = await db.transaction(async (tx) => {
      for (const off of ['seqscan', 'bitmapscan', 'sort']) await tx.query(`set local enable_${off} = off`);
      const rows = await tx.query<Record<string, string>>(`explain ${sql}`, params);
      return rows.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).not.toContain('Seq Scan');
    for (const s of Object.values(SOURCES)) expect(plan).toContain(s.index);
  });

  it('the validator fails a release with a bad date or URI, so its passes mean something', async () => {
    const res = await get('/api/ocds/releases?limit=3');
    const body = res.json();
    expect(ocdsErrors('release', body)).toEqual([]);
    const broken = structuredClone(body);
    broken.releases[0].date = '03/03/2025 08:00';
    expect(ocdsErrors('release', broken)).toEqual([expect.stringContaining('date-time')]);
    expect(ocdsErrors('release', { ...body, uri: 'bukan uri' })).toEqual([expect.stringContaining('uri')]);
    expect(
      ocdsErrors('release', {
        ...body,
        releases: [{ ...body.releases[0], tender: { id: 'x', procurementMethod: 'e_purchasing' } }],
      }),
    ).not.toEqual([]);
  });

  it('passes the checks beyond the schema that the demo and jakarta walks apply, and those checks bite', async () => {
    const releases = await allReleases();
    expect(releases.flatMap(releaseProblems)).toEqual([]);
    const award = releases.find((r) => r.id === `order-${w.orders.paid.id}-award`)!;
    const payment = releases.find((r) => r.tag.includes('implementation'))!;
    const broken = (r: Release, change: (r: Release) => void) => {
      const copy = structuredClone(r);
      change(copy);
      return releaseProblems(copy);
    };
    expect(
      broken(award, (r) => {
        (r.awards![0]!.value as { currency: string }).currency = 'USD';
      }),
    ).toEqual([expect.stringContaining('not IDR')]);
    expect(
      broken(award, (r) => {
        r.awards![0]!.value.amount = 1.5;
      }),
    ).toEqual([expect.stringContaining('whole')]);
    expect(
      broken(award, (r) => {
        r.parties = r.parties.map(({ details: _, ...p }) => p);
      }),
    ).toEqual([expect.stringContaining('details.scale')]);
    expect(
      broken(payment, (r) => {
        r.parties = r.parties.filter((p) => !p.roles.includes('payee'));
      }),
    ).toEqual([expect.stringContaining('not in parties')]);
    expect(
      broken(award, (r) => {
        (r as { date: string }).date = '2025-03-03T01:00:00Z';
      }),
    ).toEqual([expect.stringContaining('WIB')]);
  });

  it('never publishes personal data: no owner, NIK, phone or delivery address', async () => {
    const bodies = [(await get('/api/ocds/releases?limit=500')).body];
    for (const p of w.packages) bodies.push((await get(`/api/ocds/records/${ocidOf(p.rupCode)}`)).body);
    const secrets = w.sellers.flatMap((s) => [s.nik, s.phone, s.phone.replace('+62', '0'), s.ownerName]);
    for (const body of bodies)
      for (const secret of [...secrets, 'Jl. Medan Merdeka', 'Stok habis']) expect(body).not.toContain(secret);
  });
});

describe('OCDS record package', () => {
  it('holds every release of the process and a compiled release with each order in its current state', async () => {
    const shop = w.packages[0]!;
    const ocid = ocidOf(shop.rupCode);
    const res = await get(`/api/ocds/records/${ocid}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(ocdsErrors('record', body)).toEqual([]);
    expect(body.version).toBe('1.1');
    const [record] = body.records;
    expect(record.ocid).toBe(ocid);
    const expected = (await allReleases()).filter((r) => r.ocid === ocid);
    expect(record.releases).toEqual(expected);
    const compiled: Release = record.compiledRelease;
    expect(compiled.tag).toEqual(['compiled']);
    expect(compiled.date).toBe(expected[expected.length - 1]!.date);
    const status = (state: keyof OcdsWorld['orders']) =>
      compiled.contracts!.find((c) => c.id === String(w.orders[state].id))!;
    const want = 'placed:pending accepted:active declined:cancelled delivered:active received:active paid:active'
      .concat(' closed:terminated cancelled:cancelled')
      .split(' ')
      .map((pair) => pair.split(':') as [keyof OcdsWorld['orders'], string]);
    for (const [state, s] of want) {
      expect(codelist('contractStatus')).toContain(status(state).status);
      expect(status(state).status, state).toBe(s);
    }
    expect(status('accepted').dateSigned).toBe(
      `${new Date(w.orders.accepted.acceptedAt!.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`,
    );
    expect(status('placed').dateSigned).toBeUndefined();
    // transactions are exactly the paid payments (the requested one on the received order is not there)
    const transactions = compiled.contracts!.flatMap((c) =>
      (c.implementation?.transactions ?? []).map((t) => ({ contract: c.id, ...t })),
    );
    expect(
      transactions.map((t) => ({ id: t.id, contract: t.contract, amount: t.value.amount, date: Date.parse(t.date) })),
    ).toEqual(
      w.paidPayments.map((p) => ({
        id: `payment-${p.id}`,
        contract: String(p.orderId),
        amount: p.value,
        date: p.paidAt.getTime(),
      })),
    );
    for (const t of transactions) {
      expect(t.payer.id).toBe(compiled.buyer.id);
      expect(t.payee.id).toMatch(/^umkm-\d+$/);
    }
    const closedPaid = transactions.filter((t) => t.contract === String(w.orders.closed.id));
    expect(closedPaid.reduce((s, t) => s + t.value.amount, 0)).toBe(w.orders.closed.total);
    const roles = Object.fromEntries(compiled.parties.map((p) => [p.id, p.roles]));
    expect(roles[compiled.buyer.id]).toEqual(expect.arrayContaining(['buyer', 'payer']));
    for (const s of w.sellers) expect(roles[`umkm-${s.umkmId}`]).toEqual(expect.arrayContaining(['supplier', 'payee']));
    expect(compiled.awards).toHaveLength(8);
  });

  it('answers an unknown ocid, or a known RUP code under another prefix, with a 404 problem', async () => {
    for (const ocid of ['ocds-pl31-rup-tidak-ada', `ocds-lain-rup-${w.packages[0]!.rupCode}`, 'tanpa-kode']) {
      const res = await get(`/api/ocds/records/${encodeURIComponent(ocid)}`);
      expect(res.statusCode, ocid).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().message).toEqual({ id: expect.any(String), en: expect.any(String) });
    }
  });

  it('keeps a published ocid when a new prefix comes into force, and gives later packages the new one', async () => {
    await db.query(
      `insert into setting (key, effective_from, value, source) values ('procurement.ocds_prefix', '2025-06-01', '"ocds-baru-"', 'uji')`,
    );
    const later = await makeOcdsWorld(db, new Date('2025-07-01T01:00:00Z'));
    const old = await get(`/api/ocds/records/${ocidOf(w.packages[1]!.rupCode)}`);
    expect(old.statusCode).toBe(200);
    const fresh = await get(`/api/ocds/records/ocds-baru-rup-${later.packages[1]!.rupCode}`);
    expect(fresh.statusCode).toBe(200);
    expect(ocdsErrors('record', fresh.json())).toEqual([]);
    expect((await get(`/api/ocds/records/${ocidOf(later.packages[1]!.rupCode)}`)).statusCode).toBe(404);
  });
});
