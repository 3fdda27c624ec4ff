// e-Order fixtures for the fulfilment tests: an agency with a unit and its officials (accounts with role grants
// scoped to the agency, logged in), a seller (a business with its owner's account), and orders in any state made
// directly in SQL, stamped as the state machine would have stamped them.
import { createSession } from '../../src/platform/auth/session.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { OrderState } from '../../src/procurement/order-states.ts';
import { makeAccount, makeUmkm, unique } from './factories.ts';

export type OfficialRole = 'pa_kpa' | 'ppk' | 'pejabat_pengadaan' | 'bendahara';

export interface KitAgency {
  id: number;
  code: string;
  unitId: number;
  packageId: number;
  /** Account id and session cookie of each official. */
  officials: Record<OfficialRole, { accountId: number; cookie: string }>;
}

export interface KitSeller {
  umkmId: number;
  ownerId: number;
  name: string;
  cookie: string;
}

const login = async (db: Db, accountId: number) =>
  `pl_session=${(await db.transaction((tx) => createSession(tx, accountId))).token}`;

const one = async (db: Db, sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0]!.id;

export async function makeAgency(
  db: Db,
  opts: { basis?: 'calendar' | 'working'; slaDays?: number | null } = {},
): Promise<KitAgency> {
  const tag = unique();
  const code = `DK${tag.toUpperCase()}`;
  const id = await one(
    db,
    `insert into agency (code, name, kind, payment_days_basis, payment_sla_days) values ($1, $2, 'opd', $3, $4) returning id`,
    [code, `Dinas Kit ${tag}`, opts.basis ?? 'calendar', opts.slaDays ?? null],
  );
  const unitId = await one(
    db,
    `insert into agency_unit (agency_id, code, name) values ($1, 'SEK', 'Sekretariat') returning id`,
    [id],
  );
  const officials = {} as KitAgency['officials'];
  for (const role of ['pa_kpa', 'ppk', 'pejabat_pengadaan', 'bendahara'] as const) {
    const acc = await makeAccount(db, [{ role, scopeId: String(id) }], { totp: role !== 'pejabat_pengadaan' });
    await db.query(
      'insert into agency_official (account_id, agency_id, role, unit_id, name) values ($1, $2, $3, $4, $5)',
      [acc.id, id, role, unitId, `${role.toUpperCase()} ${tag}`],
    );
    officials[role] = { accountId: acc.id, cookie: await login(db, acc.id) };
  }
  const packageId = await one(
    db,
    `insert into procurement_package (rup_code, agency_id, unit_id, year, name, pagu, kind, method, reserved_small, status, ppk_account_id, pp_account_id, delivery_address)
     values ($1, $2, $3, 2026, 'Konsumsi rapat', 500000000, 'barang', 'e_purchasing', true, 'ready', $4, $5, 'Balai Kota Blok G') returning id`,
    [`K${tag}`, id, unitId, officials.ppk.accountId, officials.pejabat_pengadaan.accountId],
  );
  return { id, code, unitId, packageId, officials };
}

export async function makeSeller(db: Db, villagePrefix = '3171'): Promise<KitSeller> {
  const [v] = await db.query<{ code: string }>(
    `select code from region where level = 'village' and code like $1 || '%' order by code limit 1`,
    [villagePrefix],
  );
  const name = `Katering Kit ${unique()}`;
  const u = await makeUmkm(db, v!.code, name);
  const acc = await makeAccount(db, [{ role: 'umkm_owner' }]);
  await db.query('update account set owner_id = $2 where id = $1', [acc.id, u.ownerId]);
  return { umkmId: u.umkmId, ownerId: u.ownerId, name, cookie: await login(db, acc.id) };
}

export interface OrderOpts {
  total?: number;
  /** eorder.money as the money rules write it; default: PPh 22 of 1.5 % withheld. */
  money?: unknown;
  /** When the BAST was signed (received and later states). */
  receivedAt?: Date;
  dueDate?: string;
}

/** An order of `agency` to `seller` in `state`, with one line, stamped as the transitions would have. */
export async function makeOrder(
  db: Db,
  agency: KitAgency,
  seller: KitSeller,
  state: OrderState,
  opts: OrderOpts = {},
): Promise<number> {
  const total = opts.total ?? 1_250_000;
  const withheld = Math.floor(total * 0.015);
  const money = opts.money ?? {
    lines: [
      {
        code: 'pph22',
        label: { id: 'PPh 22 (1,5%)', en: 'Income tax art. 22 (1.5%)' },
        amount: withheld,
        withheld: true,
        rule: 'tax_withholding@2025-01-01',
      },
    ],
    withheld,
  };
  const after = (s: OrderState[]) => s.includes(state);
  const received = after(['received', 'paid', 'closed']) ? (opts.receivedAt ?? new Date()) : null;
  const group = await one(
    db,
    'insert into order_group (package_id, agency_id, placed_by) values ($1, $2, $3) returning id',
    [agency.packageId, agency.id, agency.officials.pejabat_pengadaan.accountId],
  );
  const seq = received ? Math.floor(Math.random() * 90000) + 10000 : null;
  const id = await one(
    db,
    `insert into eorder (group_id, package_id, agency_id, unit_id, umkm_id, seller_kind, seller_size, counts_umk, status, total, money,
                         delivery_address, accepted_at, declined_at, decline_reason, delivered_at, received_at, bast_year, bast_seq,
                         bast_number, bast_by, due_date, paid_amount, paid_at, payment_days, closed_at)
     values ($1, $2, $3, $4, $5, 'jakpreneur', 'micro', true, $6, $7, $8, 'Balai Kota Blok G',
             $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) returning id`,
    [
      group,
      agency.packageId,
      agency.id,
      agency.unitId,
      seller.umkmId,
      state,
      total,
      JSON.stringify(money),
      after(['accepted', 'delivered', 'received', 'paid', 'closed']) ? new Date() : null,
      state === 'declined' ? new Date() : null,
      state === 'declined' ? 'Stok habis' : null,
      after(['delivered', 'received', 'paid', 'closed']) ? new Date() : null,
      received,
      received ? 2000 + (seq! % 90) : null, // a year of its own: never collides with a real signing
      seq,
      received ? `BAST/${agency.code}/KIT/${seq}` : null,
      received ? agency.officials.ppk.accountId : null,
      received ? (opts.dueDate ?? new Date(received.getTime() + 30 * 86_400_000).toISOString().slice(0, 10)) : null,
      after(['paid', 'closed']) ? total : 0,
      after(['paid', 'closed']) ? new Date() : null,
      after(['paid', 'closed']) ? 3 : null,
      state === 'closed' ? new Date() : null,
    ],
  );
  await db.query(
    `insert into eorder_line (order_id, line_no, umkm_id, product_id, name, unit, quantity, unit_price, amount)
     values ($1, 1, $2, $3, 'Nasi kotak', 'kotak', 50, $4, $5)`,
    [id, seller.umkmId, await productOf(db, seller), Math.max(1, Math.floor(total / 50)), total],
  );
  return id;
}

async function productOf(db: Db, seller: KitSeller): Promise<number> {
  const [p] = await db.query<{ id: number }>('select id from product where umkm_id = $1 limit 1', [seller.umkmId]);
  if (p) return p.id;
  return one(
    db,
    `insert into product (umkm_id, name, category_code, price, unit, status, curation_status, curated_at)
     values ($1, 'Nasi kotak', 'kue-roti', 25000, 'kotak', 'published', 'curated', now()) returning id`,
    [seller.umkmId],
  );
}
