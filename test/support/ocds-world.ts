// A small e-Order world for the OCDS tests, made with SQL: one agency with three RUP packages (e-purchasing goods
// with an order in every state, an open tender of services, a planned consultancy selection), a micro and a small
// seller (with an owner, NIK and phone that must never be published), and paid and requested payments. Every event
// happens at its own minute after `base`, so tests can filter by time exactly.
import type { Db } from '../../src/platform/db/types.ts';
import { ORDER_STATES, type OrderState } from '../../src/procurement/order-states.ts';
import { makeAccount, makeUmkm, unique } from './factories.ts';

export interface OcdsSeller {
  umkmId: number;
  name: string;
  ownerName: string;
  nik: string;
  phone: string;
  size: 'micro' | 'small';
}
export interface OcdsPackage {
  id: number;
  rupCode: string;
  method: string;
  kind: string;
  ready: boolean;
}
export interface OcdsOrder {
  id: number;
  state: OrderState;
  seller: OcdsSeller;
  total: number;
  acceptedAt: Date | null;
}
export interface OcdsPayment {
  id: number;
  orderId: number;
  /** cash plus tax withheld: what the transaction's value must be */
  value: number;
  paidAt: Date;
}
export interface OcdsWorld {
  base: Date;
  at: (minute: number) => Date;
  agencyCode: string;
  agencyName: string;
  packages: OcdsPackage[];
  orders: Record<OrderState, OcdsOrder>;
  paidPayments: OcdsPayment[];
  sellers: OcdsSeller[];
  /** Every release the world should publish. */
  releaseCount: number;
}

const one = async (db: Db, sql: string, params: unknown[]) =>
  Number((await db.query<{ id: number }>(sql, params))[0]!.id);

/** The timestamps an order in `state` carries, as minutes after its placement. */
const STAMPS: Record<OrderState, Partial<Record<string, number>>> = {
  placed: {},
  accepted: { accepted_at: 1 },
  declined: { declined_at: 1 },
  delivered: { accepted_at: 1, delivered_at: 2 },
  received: { accepted_at: 1, delivered_at: 2, received_at: 3 },
  paid: { accepted_at: 1, delivered_at: 2, received_at: 3, paid_at: 4 },
  closed: { accepted_at: 1, delivered_at: 2, received_at: 3, paid_at: 5, closed_at: 6 },
  cancelled: { cancelled_at: 1 },
};

export async function makeOcdsWorld(db: Db, base = new Date('2025-03-03T01:00:00Z')): Promise<OcdsWorld> {
  const at = (minute: number) => new Date(base.getTime() + minute * 60_000);
  const tag = unique();
  const [village] = await db.query<{ code: string }>(
    `select code from region where level = 'village' and code like '3171%' order by code limit 1`,
  );
  const sellers: OcdsSeller[] = [];
  for (const size of ['micro', 'small'] as const) {
    const name = `Usaha OCDS ${size} ${tag}`;
    const u = await makeUmkm(db, village!.code, name);
    await db.query('update umkm set size_class = $2 where id = $1', [u.umkmId, size]);
    sellers.push({ umkmId: u.umkmId, name, ownerName: `Pemilik ${name}`, nik: u.nik, phone: u.phone, size });
  }
  const agencyCode = `OCDS-${tag}`;
  const agencyName = `Dinas Data Terbuka ${tag}`;
  const agencyId = await one(db, `insert into agency (code, name, kind) values ($1, $2, 'opd') returning id`, [
    agencyCode,
    agencyName,
  ]);
  const by = (await makeAccount(db)).id; // the official who placed and paid (never published)

  const packages: OcdsPackage[] = [];
  const specs = [
    { method: 'e_purchasing', kind: 'barang', ready: true, minute: 0 },
    { method: 'tender', kind: 'jasa_lainnya', ready: true, minute: 1 },
    { method: 'seleksi', kind: 'jasa_konsultansi', ready: false, minute: 2 },
  ];
  for (const s of specs) {
    const rupCode = `${Date.now() % 1e8}${packages.length}${tag}`;
    const id = await one(
      db,
      `insert into procurement_package (rup_code, agency_id, year, name, pagu, kind, method, reserved_small, status,
                                        selection_from, selection_to, execution_from, execution_to, created_at, ready_at)
       values ($1, $2, 2025, $3, 250000000, $4, $5, true, $6, '2025-03-01', '2025-03-31', '2025-04-01', '2025-06-30', $7, $8)
       returning id`,
      [
        rupCode,
        agencyId,
        `Paket ${s.method} ${tag}`,
        s.kind,
        s.method,
        s.ready ? 'ready' : 'planned',
        at(s.minute),
        s.ready ? at(s.minute + 10) : null,
      ],
    );
    packages.push({ id, rupCode, method: s.method, kind: s.kind, ready: s.ready });
  }

  const [product] = await db.query<{ id: number }>(
    `insert into product (umkm_id, name, category_code, price, unit, status) values ($1, 'Kue OCDS', 'kue-roti', 5000, 'kotak', 'published') returning id`,
    [sellers[0]!.umkmId],
  );
  const shop = packages[0]!;
  const groupId = await one(
    db,
    'insert into order_group (package_id, agency_id, placed_by, placed_at) values ($1, $2, $3, $4) returning id',
    [shop.id, agencyId, by, at(20)],
  );
  const orders = {} as Record<OrderState, OcdsOrder>;
  const paidPayments: OcdsPayment[] = [];
  let releaseCount = packages.length + packages.filter((p) => p.ready).length;
  for (const [i, state] of ORDER_STATES.entries()) {
    const seller = sellers[i % 2]!;
    const placed = 30 + i * 10;
    const stamps = STAMPS[state];
    const ts = (col: string) => (stamps[col] === undefined ? null : at(placed + stamps[col]!));
    const total = 100_000 * (i + 1);
    const paid = state === 'paid' || state === 'closed' ? total : 0;
    const orderId = await one(
      db,
      `insert into eorder (group_id, package_id, agency_id, umkm_id, seller_kind, seller_size, counts_umk, status, total, money,
                           delivery_address, placed_at, accepted_at, declined_at, decline_reason, delivered_at, received_at,
                           paid_amount, paid_at, closed_at, cancelled_at)
       values ($1, $2, $3, $4, 'jakpreneur', $5, true, $6, $7, '{}', 'Jl. Medan Merdeka Selatan 8', $8, $9, $10, $11, $12, $13,
               $14, $15, $16, $17) returning id`,
      [
        groupId,
        shop.id,
        agencyId,
        seller.umkmId,
        seller.size,
        state,
        total,
        at(placed),
        ts('accepted_at'),
        ts('declined_at'),
        state === 'declined' ? 'Stok habis' : null,
        ts('delivered_at'),
        ts('received_at'),
        paid,
        ts('paid_at'),
        ts('closed_at'),
        ts('cancelled_at'),
      ],
    );
    for (const line of state === 'cancelled' ? [] : [1, 2]) // the cancelled order has no lines left
      await db.query(
        `insert into eorder_line (order_id, line_no, umkm_id, product_id, name, unit, quantity, unit_price, amount)
         values ($1, $2, $3, $4, $5, 'kotak', $6, $7, $8)`,
        [
          orderId,
          line,
          seller.umkmId,
          product!.id,
          `Kue OCDS ${line}`,
          (i + 1) * line,
          5000 * line,
          5000 * line * (i + 1) * line,
        ],
      );
    orders[state] = { id: orderId, state, seller, total, acceptedAt: ts('accepted_at') };
    releaseCount += 1 + ['accepted_at', 'declined_at', 'cancelled_at', 'closed_at'].filter((c) => c in stamps).length;
    // Paid: one payment in full; closed: an advance and the rest (tax withheld on the second); a requested
    // payment on the received order that must not appear.
    const pays: { amount: number; tax: number; minute: number; status: string }[] =
      state === 'paid'
        ? [{ amount: total, tax: 0, minute: 4, status: 'paid' }]
        : state === 'closed'
          ? [
              { amount: total / 2, tax: 0, minute: 4, status: 'paid' },
              { amount: total / 2 - 1500, tax: 1500, minute: 5, status: 'paid' },
            ]
          : state === 'received'
            ? [{ amount: total, tax: 0, minute: 4, status: 'requested' }]
            : [];
    for (const p of pays) {
      const paidAt = p.status === 'paid' ? at(placed + p.minute) : null;
      const id = await one(
        db,
        `insert into eorder_payment (order_id, umkm_id, kind, stage, status, amount, tax_withheld, requested_by, requested_at, paid_at)
         values ($1, $2, 'transfer', 'final', $3, $4, $5, $6, $7, $8) returning id`,
        [orderId, seller.umkmId, p.status, p.amount, p.tax, by, at(placed + 3), paidAt],
      );
      if (paidAt) paidPayments.push({ id, orderId, value: p.amount + p.tax, paidAt });
    }
  }
  releaseCount += paidPayments.length;
  return { base, at, agencyCode, agencyName, packages, orders, paidPayments, sellers, releaseCount };
}
