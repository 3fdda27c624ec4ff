// A buying world for the e-Order agency-side tests: an agency with its PA/KPA, PPK and two Pejabat Pengadaan (one
// to be assigned, one not), another agency with its own officials, sellers of several kinds and sizes each with a
// product curated for e-Order, and a planned package. Requests go through the whole app.
import type { Role } from '../../src/platform/auth/roles.ts';
import { createSession } from '../../src/platform/auth/session.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { makeAccount, makeUmkm, unique } from './factories.ts';

export interface Official {
  id: number;
  cookie: string;
}

export interface Seller {
  umkmId: number;
  /** A published product curated for e-Order. */
  productId: number;
  price: number;
}

export interface BuyingWorld {
  agencyId: number;
  unitId: number;
  pa: Official;
  ppk: Official;
  pp: Official;
  /** A Pejabat Pengadaan of the same agency, never assigned to the package. */
  otherPp: Official;
  /** The officials of another agency. */
  foreign: { agencyId: number; pa: Official; ppk: Official; pp: Official };
  analyst: Official;
  /** A micro Jakpreneur selling food; a medium non-Jakpreneur selling food; a cooperative selling crafts. */
  sellers: { jak: Seller; big: Seller; coop: Seller };
  village: string;
}

const one = async (db: Db, sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0]!.id;

async function official(db: Db, agencyId: number, role: Role, name: string): Promise<Official> {
  const scopeId = role === 'bppbj_analyst' ? '' : String(agencyId);
  const acc = await makeAccount(db, [{ role, scopeId }], { totp: role === 'pa_kpa' || role === 'ppk' });
  if (role !== 'bppbj_analyst')
    await db.query('insert into agency_official (account_id, agency_id, role, name) values ($1, $2, $3, $4)', [
      acc.id,
      agencyId,
      role,
      name,
    ]);
  const s = await db.transaction((tx) => createSession(tx, acc.id));
  return { id: acc.id, cookie: `pl_session=${s.token}` };
}

export async function seller(
  db: Db,
  village: string,
  o: { kind: string; size: string | null; category: string; price: number; pkp?: boolean; pp55Until?: string },
): Promise<Seller> {
  const u = await makeUmkm(db, village, `Penjual ${o.kind} ${unique()}`);
  await db.query('update umkm set kind = $2, size_class = $3 where id = $1', [u.umkmId, o.kind, o.size]);
  if (o.pkp || o.pp55Until)
    await db.query('insert into seller_tax_profile (umkm_id, pkp, pp55_certificate_until) values ($1, $2, $3)', [
      u.umkmId,
      o.pkp ?? false,
      o.pp55Until ?? null,
    ]);
  const productId = await one(
    db,
    `insert into product (umkm_id, name, category_code, price, unit, status, curation_status, curated_at, channel_e_order)
     values ($1, $2, $3, $4, 'paket', 'published', 'curated', now(), true) returning id`,
    [u.umkmId, `Produk ${unique()}`, o.category, o.price],
  );
  return { umkmId: u.umkmId, productId, price: o.price };
}

export async function makeBuyingWorld(db: Db): Promise<BuyingWorld> {
  const [v] = await db.query<{ code: string }>(
    `select code from region where level = 'village' and code like '3171%' order by code limit 1`,
  );
  const village = v!.code;
  const agency = async () =>
    one(db, `insert into agency (code, name, kind) values ($1, $2, 'opd') returning id`, [
      `AG-${unique()}`,
      `Dinas Belanja ${unique()}`,
    ]);
  const agencyId = await agency();
  const otherAgencyId = await agency();
  const unitId = await one(
    db,
    `insert into agency_unit (agency_id, code, name) values ($1, 'U1', 'Sekretariat') returning id`,
    [agencyId],
  );
  return {
    agencyId,
    unitId,
    village,
    pa: await official(db, agencyId, 'pa_kpa', 'Kepala Dinas Uji'),
    ppk: await official(db, agencyId, 'ppk', 'PPK Uji'),
    pp: await official(db, agencyId, 'pejabat_pengadaan', 'Pejabat Pengadaan Uji'),
    otherPp: await official(db, agencyId, 'pejabat_pengadaan', 'Pejabat Pengadaan Lain'),
    foreign: {
      agencyId: otherAgencyId,
      pa: await official(db, otherAgencyId, 'pa_kpa', 'Kepala Dinas Lain'),
      ppk: await official(db, otherAgencyId, 'ppk', 'PPK Lain'),
      pp: await official(db, otherAgencyId, 'pejabat_pengadaan', 'PP Lain'),
    },
    analyst: await official(db, 0, 'bppbj_analyst', 'Analis'),
    sellers: {
      jak: await seller(db, village, { kind: 'jakpreneur', size: 'micro', category: 'nasi-kotak', price: 35_000 }),
      big: await seller(db, village, {
        kind: 'non_jakpreneur',
        size: 'medium',
        category: 'kue-roti',
        price: 20_000,
        pkp: true,
      }),
      coop: await seller(db, village, { kind: 'cooperative', size: null, category: 'kerajinan', price: 150_000 }),
    },
  };
}

/** A package of the world's agency in status planned (reserved for small businesses unless told). */
export async function makePackage(
  db: Db,
  w: BuyingWorld,
  o: { reserved?: boolean; pagu?: number; kind?: string } = {},
): Promise<number> {
  return one(
    db,
    `insert into procurement_package (rup_code, agency_id, unit_id, year, name, pagu, kind, method, reserved_small)
     values ($1, $2, $3, 2026, $4, $5, $6, 'e_purchasing', $7) returning id`,
    [
      String(Math.floor(Math.random() * 9e9) + 1e9),
      w.agencyId,
      w.unitId,
      `Konsumsi rapat ${unique()}`,
      o.pagu ?? 500_000_000,
      o.kind ?? 'barang',
      o.reserved ?? false,
    ],
  );
}

/** A package taken through assignment to the world's PPK and PP, with a delivery address: ready for the cart. */
export async function readyPackage(db: Db, w: BuyingWorld, o: Parameters<typeof makePackage>[2] = {}) {
  const id = await makePackage(db, w, o);
  await db.query(
    `update procurement_package set status = 'ready', pa_account_id = $2, ppk_account_id = $3, pp_account_id = $4,
            assigned_at = now(), ready_at = now(), delivery_address = 'Jl. Medan Merdeka Selatan 8-9, Jakarta Pusat' where id = $1`,
    [id, w.pa.id, w.ppk.id, w.pp.id],
  );
  return id;
}

/** A JSON request as an official. */
export async function as(
  app: App,
  who: Official,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method,
    url,
    headers: { cookie: who.cookie, ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

/** How many rows a table has for the package (orders and groups), to show a refusal changed nothing. */
export async function orderCounts(db: Db, packageId: number) {
  const [r] = await db.query<{ groups: number; orders: number; lines: number }>(
    `select (select count(*) from order_group where package_id = $1)::int as groups,
            (select count(*) from eorder where package_id = $1)::int as orders,
            (select count(*) from eorder_line l join eorder o on o.id = l.order_id where o.package_id = $1)::int as lines`,
    [packageId],
  );
  return r!;
}
