// Event keys → releases: four set-based queries per page (packages, orders, their lines, payments), whatever the
// page size, then the presenter. Also the ocid of a package and the package of an ocid.
import type { Queryable } from '../../platform/db/types.ts';
import type { EventKey } from './events.ts';
import {
  type OrderRow,
  type PackageRow,
  type PaymentRow,
  orderRelease,
  paymentRelease,
  planningRelease,
  tenderRelease,
} from './present-release.ts';
import type { Item, Release } from './schema.ts';

/**
 * The ocid prefix in force on the day the package was made (WIB), else the first one: an ocid, once published,
 * stays the same when the instance later registers another prefix.
 */
const PREFIX = `coalesce(
    (select s.value #>> '{}' from setting s where s.key = 'procurement.ocds_prefix'
        and s.effective_from <= (p.created_at at time zone 'Asia/Jakarta')::date order by s.effective_from desc limit 1),
    (select s.value #>> '{}' from setting s where s.key = 'procurement.ocds_prefix' order by s.effective_from limit 1),
    'ocds-')`;

const PACKAGE_COLUMNS = `p.id, p.rup_code as "rupCode", ${PREFIX} || 'rup-' || p.rup_code as ocid, p.name, p.pagu, p.kind,
  p.method, p.funding_source as "fundingSource", p.selection_from::text as "selectionFrom",
  p.selection_to::text as "selectionTo", p.execution_from::text as "executionFrom",
  p.execution_to::text as "executionTo", a.code as "agencyCode", a.name as "agencyName"`;

export async function packagesById(q: Queryable, ids: number[]): Promise<Map<number, PackageRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<PackageRow>(
    `select ${PACKAGE_COLUMNS} from procurement_package p join agency a on a.id = p.agency_id where p.id = any($1::int[])`,
    [ids],
  );
  return new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id), pagu: Number(r.pagu) }]));
}

/** The package an ocid names, or undefined. The ocid is `<prefix>rup-<rup_code>`; the prefix must be the package's. */
export async function packageOfOcid(q: Queryable, ocid: string): Promise<PackageRow | undefined> {
  // The RUP code follows some 'rup-' (a prefix may hold one too): try each, keep the package whose ocid it is.
  const codes = [...ocid.matchAll(/rup-/g)].map((m) => ocid.slice(m.index + 4)).filter((c) => c !== '');
  if (codes.length === 0) return undefined;
  const rows = await q.query<PackageRow>(
    `select ${PACKAGE_COLUMNS} from procurement_package p join agency a on a.id = p.agency_id where p.rup_code = any($1::text[])`,
    [codes],
  );
  const p = rows.find((r) => r.ocid === ocid);
  return p ? { ...p, id: Number(p.id), pagu: Number(p.pagu) } : undefined;
}

async function ordersById(q: Queryable, ids: number[]): Promise<Map<number, OrderRow>> {
  if (ids.length === 0) return new Map();
  const orders = await q.query<Omit<OrderRow, 'lines'>>(
    `select o.id, o.package_id as "packageId", o.total, o.placed_at as "placedAt", o.accepted_at as "acceptedAt",
            o.closed_at as "closedAt", o.umkm_id as "sellerId", u.name as "sellerName", o.seller_size as "sellerSize"
       from eorder o join umkm u on u.id = o.umkm_id
      where o.id = any($1::bigint[])`,
    [ids],
  );
  const lines = await q.query<{
    orderId: number;
    lineNo: number;
    name: string;
    unit: string;
    quantity: number;
    unitPrice: number;
  }>(
    `select order_id as "orderId", line_no as "lineNo", name, unit, quantity, unit_price as "unitPrice"
       from eorder_line where order_id = any($1::bigint[]) order by order_id, line_no`,
    [ids],
  );
  const byOrder = new Map<number, Item[]>();
  for (const l of lines) {
    const list = byOrder.get(Number(l.orderId)) ?? [];
    list.push({
      id: `${l.orderId}-${l.lineNo}`,
      description: l.name,
      quantity: Number(l.quantity),
      unit: { name: l.unit, value: { amount: Number(l.unitPrice), currency: 'IDR' } },
    });
    byOrder.set(Number(l.orderId), list);
  }
  return new Map(
    orders.map((o) => [
      Number(o.id),
      {
        ...o,
        id: Number(o.id),
        packageId: Number(o.packageId),
        total: Number(o.total),
        sellerId: Number(o.sellerId),
        lines: byOrder.get(Number(o.id)) ?? [],
      },
    ]),
  );
}

async function paymentsById(q: Queryable, ids: number[]): Promise<Map<number, PaymentRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<PaymentRow>(
    `select id, order_id as "orderId", amount + tax_withheld as amount, paid_at as "paidAt"
       from eorder_payment where id = any($1::bigint[]) and status = 'paid'`,
    [ids],
  );
  return new Map(
    rows.map((r) => [Number(r.id), { ...r, id: Number(r.id), orderId: Number(r.orderId), amount: Number(r.amount) }]),
  );
}

/** The releases of `keys`, in the keys' order. */
export async function loadReleases(q: Queryable, keys: EventKey[]): Promise<Release[]> {
  const idsOf = (pred: (k: EventKey) => boolean) => [...new Set(keys.filter(pred).map((k) => k.id))];
  const payments = await paymentsById(
    q,
    idsOf((k) => k.kind === 'payment'),
  );
  const orderIds = new Set(idsOf((k) => k.kind !== 'planning' && k.kind !== 'tender' && k.kind !== 'payment'));
  for (const y of payments.values()) orderIds.add(y.orderId);
  const orders = await ordersById(q, [...orderIds]);
  const packageIds = new Set(idsOf((k) => k.kind === 'planning' || k.kind === 'tender'));
  for (const o of orders.values()) packageIds.add(o.packageId);
  const packages = await packagesById(q, [...packageIds]);

  return keys.map((k) => {
    if (k.kind === 'planning' || k.kind === 'tender') {
      const p = packages.get(k.id)!;
      return k.kind === 'planning' ? planningRelease(p, k.at) : tenderRelease(p, k.at);
    }
    if (k.kind === 'payment') {
      const y = payments.get(k.id)!;
      const o = orders.get(y.orderId)!;
      return paymentRelease(packages.get(o.packageId)!, o, y);
    }
    const o = orders.get(k.id)!;
    return orderRelease(k, packages.get(o.packageId)!, o);
  });
}
