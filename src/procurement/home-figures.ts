// Procurement's part of the role homes (src/access/home.ts): each official's queue within its agency, the bureau's
// province figures from the rollups, and the seller's orders — rows link to the page where the work is done.
import type { Queryable } from '../platform/db/types.ts';
import { fig, type Figure, type ListItem } from '../platform/home-figures.ts';
import { formatRupiah } from '../platform/money.ts';
import { localDate } from '../platform/time.ts';

/** The web pages the homes link to (web/src/pages/procurement). */
export const PAGES = {
  package: (id: number) => `/pengadaan/paket/${id}`,
  order: (id: number) => `/pengadaan/pesanan/${id}`,
  sellerOrder: (id: number) => `/jual/pesanan/${id}`,
  agencyShare: (id: number) => `/pengadaan/porsi-umk/instansi/${id}`,
  packages: '/pengadaan/paket',
  exceptions: '/pengadaan/pengecualian',
  bast: '/pengadaan/bast',
  payments: '/pengadaan/pembayaran',
  autodebits: '/pengadaan/autodebit',
  share: '/pengadaan/porsi-umk',
  ageing: '/pengadaan/umur-tagihan',
  sellerInbox: '/jual/pesanan',
  statement: '/jual/pendapatan',
  opportunities: '/peluang',
};

export interface WorkSection {
  figures: Figure[];
  items: ListItem[];
}

const count = async (db: Queryable, sql: string, params: unknown[]) =>
  Number((await db.query<{ n: number }>(sql, params))[0]?.n ?? 0);

const both = (id: string, en: string) => ({ id, en });

/** Orders listed for an official or a seller: number, seller or agency, value and what is awaited. */
interface OrderItem {
  id: number;
  who: string;
  total: number;
  due_date: string | null;
  overdue: number | null;
}
function orderItem(o: OrderItem, href: string, note: { id: string; en: string }): ListItem {
  const late = o.overdue && o.overdue > 0 ? o.overdue : 0;
  return {
    primary: `#${o.id} · ${o.who}`,
    secondary: {
      id: `${formatRupiah(o.total)} · ${late ? `terlambat ${late} hari` : note.id}`,
      en: `${formatRupiah(o.total)} · ${late ? `${late} days overdue` : note.en}`,
    },
    href,
  };
}

const ORDERS_OF_AGENCY = `select o.id, u.name as who, o.total, o.due_date::text as due_date,
        (wib_today() - o.due_date) as overdue
   from eorder o join umkm u on u.id = o.umkm_id`;

/** PA/KPA: packages to hand to a PPK, mandate exceptions and autodebits waiting for a decision. */
export async function paKpaWork(db: Queryable, agencyId: number): Promise<WorkSection> {
  const planned = await count(
    db,
    `select count(*) as n from procurement_package where agency_id = $1 and status = 'planned'`,
    [agencyId],
  );
  const exceptions = await db.query<{ id: number; package_id: number; name: string }>(
    `select e.id, e.package_id, p.name from mandate_exception e join procurement_package p on p.id = e.package_id
      where p.agency_id = $1 and e.status = 'requested' order by e.requested_at limit 5`,
    [agencyId],
  );
  const autodebits = await db.query<OrderItem>(
    `${ORDERS_OF_AGENCY} where o.agency_id = $1 and exists (select 1 from eorder_payment y where y.order_id = o.id and y.status = 'requested')
      order by o.due_date nulls last limit 5`,
    [agencyId],
  );
  return {
    figures: [
      fig('Paket menunggu PPK', 'Packages awaiting a PPK', planned),
      fig('Pengecualian menunggu keputusan', 'Exceptions awaiting a decision', exceptions.length),
      fig('Autodebit menunggu persetujuan', 'Autodebits awaiting approval', autodebits.length),
    ],
    items: [
      ...exceptions.map((e) => ({
        primary: `${e.name}`,
        secondary: both(
          'Pengecualian aturan wajib menunggu keputusan Anda',
          'A mandate exception awaits your decision',
        ),
        href: PAGES.package(e.package_id),
      })),
      ...autodebits.map((o) =>
        orderItem(o, PAGES.order(o.id), both('autodebit menunggu persetujuan', 'autodebit awaiting approval')),
      ),
    ],
  };
}

/** PPK: packages to prepare, deliveries to confirm with a BAST, paid orders to close. */
export async function ppkWork(db: Queryable, agencyId: number): Promise<WorkSection> {
  const assigned = await count(
    db,
    `select count(*) as n from procurement_package where agency_id = $1 and status = 'assigned'`,
    [agencyId],
  );
  const toClose = await count(db, `select count(*) as n from eorder where agency_id = $1 and status = 'paid'`, [
    agencyId,
  ]);
  const delivered = await db.query<OrderItem>(
    `${ORDERS_OF_AGENCY} where o.agency_id = $1 and o.status = 'delivered' order by o.delivered_at limit 8`,
    [agencyId],
  );
  const toBast = await count(db, `select count(*) as n from eorder where agency_id = $1 and status = 'delivered'`, [
    agencyId,
  ]);
  return {
    figures: [
      fig('Paket perlu disiapkan', 'Packages to prepare', assigned),
      fig('Pengiriman menunggu BAST', 'Deliveries awaiting a BAST', toBast),
      fig('Pesanan lunas untuk ditutup', 'Paid orders to close', toClose),
    ],
    items: delivered.map((o) =>
      orderItem(o, PAGES.order(o.id), both('sudah dikirim: tanda tangani BAST', 'delivered: sign the BAST')),
    ),
  };
}

/** Pejabat Pengadaan: packages ready to order, orders still waiting for the seller, declined ones to replace. */
export async function procurementOfficerWork(db: Queryable, agencyId: number): Promise<WorkSection> {
  const ready = await db.query<{ id: number; name: string; pagu: number }>(
    `select id, name, pagu from procurement_package where agency_id = $1 and status = 'ready' order by ready_at nulls last, id limit 8`,
    [agencyId],
  );
  const waiting = await count(db, `select count(*) as n from eorder where agency_id = $1 and status = 'placed'`, [
    agencyId,
  ]);
  const declined = await count(
    db,
    `select count(*) as n from eorder where agency_id = $1 and status = 'declined' and declined_at > now() - interval '30 days'`,
    [agencyId],
  );
  return {
    figures: [
      fig('Paket siap dipesan', 'Packages ready to order', ready.length),
      fig('Pesanan menunggu penjual', 'Orders awaiting the seller', waiting),
      fig('Ditolak penjual (30 hari)', 'Declined by sellers (30 days)', declined),
    ],
    items: ready.map((p) => ({
      primary: p.name,
      secondary: both(`Pagu ${formatRupiah(p.pagu)} · siap dipesan`, `Budget ${formatRupiah(p.pagu)} · ready to order`),
      href: PAGES.package(p.id),
    })),
  };
}

/** Bendahara: what is owed after a BAST, soonest due first, overdue first of all. */
export async function treasurerWork(db: Queryable, agencyId: number): Promise<WorkSection> {
  const [owed] = await db.query<{ n: number; amount: number; overdue: number }>(
    `select count(*) as n, coalesce(sum(total - paid_amount), 0) as amount, count(*) filter (where due_date < wib_today()) as overdue
       from eorder where agency_id = $1 and status = 'received'`,
    [agencyId],
  );
  const list = await db.query<OrderItem>(
    `${ORDERS_OF_AGENCY} where o.agency_id = $1 and o.status = 'received' order by o.due_date, o.id limit 8`,
    [agencyId],
  );
  return {
    figures: [
      fig('Tagihan menunggu dibayar', 'Bills awaiting payment', Number(owed?.n ?? 0)),
      fig('Terlambat (lewat SLA)', 'Overdue (past the SLA)', Number(owed?.overdue ?? 0)),
      fig('Jumlah terutang', 'Amount owed', Number(owed?.amount ?? 0), 'rupiah'),
    ],
    items: list.map((o) =>
      orderItem(o, PAGES.order(o.id), both(`jatuh tempo ${o.due_date ?? '-'}`, `due ${o.due_date ?? '-'}`)),
    ),
  };
}

/** The bureau: this year's province share on both bases against the target, and the agencies furthest below it. */
export async function bureauWork(db: Queryable, now = new Date()): Promise<WorkSection> {
  const year = Number(localDate(now).slice(0, 4));
  const [s] = await db.query<{ umk_c: number; all_c: number; umk_r: number; all_r: number; target: number | null }>(
    `select coalesce(sum(committed) filter (where umk), 0) as umk_c, coalesce(sum(committed), 0) as all_c,
            coalesce(sum(realised) filter (where umk), 0) as umk_r, coalesce(sum(realised), 0) as all_r,
            (select (value #>> '{}')::float8 from setting where key = 'procurement.umk_share_min' and effective_from <= current_date
              order by effective_from desc limit 1) as target
       from share_month where month >= make_date($1, 1, 1) and month < make_date($1 + 1, 1, 1)`,
    [year],
  );
  const pct = (a: number, b: number) => (b > 0 ? Math.round((1000 * a) / b) / 10 : 0);
  const lowest = await db.query<{ id: number; name: string; share: number }>(
    `select a.id, a.name, coalesce(sum(m.committed) filter (where m.umk), 0)::float8 / nullif(sum(m.committed), 0) as share
       from share_month m join agency a on a.id = m.agency_id
      where m.month >= make_date($1, 1, 1) and m.month < make_date($1 + 1, 1, 1)
      group by a.id, a.name having sum(m.committed) > 0 order by share, a.id limit 5`,
    [year],
  );
  const overdue = await count(
    db,
    `select count(*) as n from eorder where status = 'received' and due_date < wib_today()`,
    [],
  );
  return {
    figures: [
      fig(
        `Porsi UMK ${year} (komitmen, platform)`,
        `UMK share ${year} (commitment, platform)`,
        pct(Number(s?.umk_c), Number(s?.all_c)),
        'percent',
      ),
      fig(
        `Porsi UMK ${year} (realisasi, platform)`,
        `UMK share ${year} (realisation, platform)`,
        pct(Number(s?.umk_r), Number(s?.all_r)),
        'percent',
      ),
      fig('Target porsi UMK', 'UMK share target', Math.round(Number(s?.target ?? 0) * 100), 'percent'),
      fig('Tagihan terlambat (provinsi)', 'Overdue bills (province)', overdue),
    ],
    items: lowest.map((a) => ({
      primary: a.name,
      secondary: both(`Porsi UMK ${pct(a.share, 1)}% (komitmen)`, `UMK share ${pct(a.share, 1)}% (commitment)`),
      href: PAGES.agencyShare(a.id),
    })),
  };
}

/** The seller: new orders to answer, orders to deliver, money still to come with its expected day. */
export async function sellerWork(db: Queryable, ownerId: number): Promise<WorkSection> {
  const mine = 'o.umkm_id in (select id from umkm where owner_id = $1)';
  const [f] = await db.query<{ placed: number; accepted: number; owed: number }>(
    `select count(*) filter (where status = 'placed') as placed, count(*) filter (where status = 'accepted') as accepted,
            coalesce(sum(total - paid_amount) filter (where status = 'received'), 0) as owed
       from eorder o where ${mine}`,
    [ownerId],
  );
  const list = await db.query<OrderItem & { status: string }>(
    `select o.id, a.name as who, o.total, o.due_date::text as due_date, null::integer as overdue, o.status
       from eorder o join agency a on a.id = o.agency_id
      where ${mine} and o.status in ('placed', 'accepted', 'received')
      order by (o.status = 'placed') desc, (o.status = 'accepted') desc, o.due_date nulls last, o.id limit 8`,
    [ownerId],
  );
  const note: Record<string, { id: string; en: string }> = {
    placed: both('pesanan baru: terima atau tolak', 'new order: accept or decline'),
    accepted: both('diterima: kirim lalu tandai terkirim', 'accepted: deliver, then mark delivered'),
  };
  return {
    figures: [
      fig('Pesanan pemerintah baru', 'New government orders', Number(f?.placed ?? 0)),
      fig('Perlu dikirim', 'To deliver', Number(f?.accepted ?? 0)),
      fig('Pembayaran yang akan diterima', 'Payments to come', Number(f?.owed ?? 0), 'rupiah'),
    ],
    items: list.map((o) =>
      orderItem(
        o,
        PAGES.sellerOrder(o.id),
        note[o.status] ?? both(`perkiraan dibayar ${o.due_date ?? '-'}`, `expected payment ${o.due_date ?? '-'}`),
      ),
    ),
  };
}
