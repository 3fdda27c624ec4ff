// Rows → OCDS releases, with no queries. A release states the process as it stood at its event (an award is
// 'pending' in the release of the placed order and 'active' in the release of its acceptance), so a record's
// compiled release is the current state. No personal data: a supplier is its business name and size, never
// its owner, NIK, phone, NPWP or address.
import type { EventKey } from './events.ts';
import type { Award, CATEGORIES, Contract, Item, METHODS, Party, Release } from './schema.ts';

export interface PackageRow {
  id: number;
  rupCode: string;
  ocid: string;
  name: string;
  pagu: number;
  kind: string;
  method: string;
  fundingSource: string;
  selectionFrom: string | null;
  selectionTo: string | null;
  executionFrom: string | null;
  executionTo: string | null;
  agencyCode: string;
  agencyName: string;
}

export interface OrderRow {
  id: number;
  packageId: number;
  total: number;
  placedAt: Date;
  acceptedAt: Date | null;
  closedAt: Date | null;
  sellerId: number;
  sellerName: string;
  sellerSize: string | null;
  lines: Item[];
}

export interface PaymentRow {
  id: number;
  orderId: number;
  amount: number; // cash to the seller plus the tax withheld on its behalf: what the payment settles
  paidAt: Date;
}

const WIB_MS = 7 * 3600 * 1000;
/** ISO 8601 in WIB with its offset (Jakarta keeps +07:00 all year). */
export const isoWib = (d: Date | string): string =>
  `${new Date(new Date(d).getTime() + WIB_MS).toISOString().slice(0, 19)}+07:00`;
const dayStart = (d: string | null) => (d ? `${d}T00:00:00+07:00` : undefined);
const dayEnd = (d: string | null) => (d ? `${d}T23:59:59+07:00` : undefined);
const idr = (amount: number) => ({ amount, currency: 'IDR' as const });

/** Our methods → the closed `method` codelist; the method itself goes in procurementMethodDetails. */
export const METHOD: Record<string, { code: (typeof METHODS)[number]; details: string }> = {
  e_purchasing: { code: 'direct', details: 'E-Purchasing (katalog elektronik)' },
  pengadaan_langsung: { code: 'direct', details: 'Pengadaan Langsung' },
  penunjukan_langsung: { code: 'direct', details: 'Penunjukan Langsung' },
  dikecualikan: { code: 'direct', details: 'Dikecualikan' },
  tender: { code: 'open', details: 'Tender' },
  tender_cepat: { code: 'open', details: 'Tender Cepat' },
  seleksi: { code: 'selective', details: 'Seleksi' },
};
export const CATEGORY: Record<string, (typeof CATEGORIES)[number]> = {
  barang: 'goods',
  pekerjaan_konstruksi: 'works',
  jasa_konsultansi: 'services',
  jasa_lainnya: 'services',
};
/** Size class → `details.scale`: small and medium are 'sme'; unknown size states none. */
const SCALE: Record<string, 'micro' | 'sme' | 'large'> = {
  micro: 'micro',
  small: 'sme',
  medium: 'sme',
  large: 'large',
};

const buyerRef = (p: PackageRow) => ({ id: `agency-${p.agencyCode}`, name: p.agencyName });
const supplierRef = (o: OrderRow) => ({ id: `umkm-${o.sellerId}`, name: o.sellerName });

function buyerParty(p: PackageRow): Party {
  return { ...buyerRef(p), roles: ['buyer', 'procuringEntity', 'payer'] };
}
function supplierParty(o: OrderRow): Party {
  const scale = o.sellerSize ? SCALE[o.sellerSize] : undefined;
  return { ...supplierRef(o), roles: ['supplier', 'payee'], ...(scale ? { details: { scale } } : {}) };
}

function base(p: PackageRow, id: string, at: Date | string, tag: Release['tag'], parties: Party[]): Release {
  return {
    ocid: p.ocid,
    id,
    date: isoWib(at),
    tag,
    initiationType: 'tender',
    language: 'id',
    buyer: buyerRef(p),
    parties,
  };
}

function tender(p: PackageRow, status: 'planned' | 'active'): NonNullable<Release['tender']> {
  const m = METHOD[p.method] ?? { code: 'direct' as const, details: p.method };
  const selection = { startDate: dayStart(p.selectionFrom), endDate: dayEnd(p.selectionTo) };
  const execution = { startDate: dayStart(p.executionFrom), endDate: dayEnd(p.executionTo) };
  return {
    id: `rup-${p.rupCode}`,
    title: p.name,
    status,
    procurementMethod: m.code,
    procurementMethodDetails: m.details,
    mainProcurementCategory: CATEGORY[p.kind] ?? 'goods',
    value: idr(p.pagu),
    procuringEntity: buyerRef(p),
    ...(p.selectionFrom || p.selectionTo ? { tenderPeriod: selection } : {}),
    ...(p.executionFrom || p.executionTo ? { contractPeriod: execution } : {}),
  };
}

export function planningRelease(p: PackageRow, at: Date | string): Release {
  return {
    ...base(p, `rup-${p.rupCode}-planning`, at, ['planning'], [buyerParty(p)]),
    planning: {
      budget: {
        id: p.rupCode,
        description: p.fundingSource,
        amount: idr(p.pagu),
        project: p.name,
        projectID: p.rupCode,
      },
    },
    tender: tender(p, 'planned'),
  };
}

export function tenderRelease(p: PackageRow, at: Date | string): Release {
  return { ...base(p, `rup-${p.rupCode}-tender`, at, ['tender'], [buyerParty(p)]), tender: tender(p, 'active') };
}

/** An order's lines; none, no items (the schema wants at least one when they are stated). */
const items = (o: OrderRow) => (o.lines.length > 0 ? { items: o.lines } : {});

function award(o: OrderRow, status: Award['status']): Award {
  return {
    id: String(o.id),
    status,
    date: isoWib(o.placedAt),
    value: idr(o.total),
    suppliers: [supplierRef(o)],
    ...items(o),
  };
}

function contract(o: OrderRow, status: NonNullable<Contract['status']>): Contract {
  const period =
    o.acceptedAt && status !== 'cancelled'
      ? { period: { startDate: isoWib(o.acceptedAt), ...(o.closedAt ? { endDate: isoWib(o.closedAt) } : {}) } }
      : {};
  return {
    id: String(o.id),
    awardID: String(o.id),
    status,
    value: idr(o.total),
    ...items(o),
    ...(o.acceptedAt ? { dateSigned: isoWib(o.acceptedAt) } : {}),
    ...period,
  };
}

/** The release of one order event: award (placed), contract (accepted), cancellation (declined/cancelled), closing. */
export function orderRelease(k: EventKey, p: PackageRow, o: OrderRow): Release {
  const parties = [buyerParty(p), supplierParty(o)];
  switch (k.kind) {
    case 'award': {
      const placed = { ...o, acceptedAt: null, closedAt: null }; // as it stood when placed
      return {
        ...base(p, `order-${o.id}-award`, k.at, ['award'], parties),
        awards: [award(placed, 'pending')],
        contracts: [contract(placed, 'pending')],
      };
    }
    case 'contract': {
      const accepted = { ...o, closedAt: null };
      return {
        ...base(p, `order-${o.id}-contract`, k.at, ['contract'], parties),
        awards: [award(accepted, 'active')],
        contracts: [contract(accepted, 'active')],
      };
    }
    case 'closed':
      return {
        ...base(p, `order-${o.id}-closed`, k.at, ['contractTermination'], parties),
        awards: [award(o, 'active')],
        contracts: [contract(o, 'terminated')],
      };
    default: // declined by the seller, or cancelled before acceptance
      return {
        ...base(p, `order-${o.id}-${k.kind}`, k.at, ['awardCancellation'], parties),
        awards: [award(o, 'cancelled')],
        contracts: [contract(o, 'cancelled')],
      };
  }
}

/** A paid payment: a transaction of the order's contract, from the agency to the seller. */
export function paymentRelease(p: PackageRow, o: OrderRow, y: PaymentRow): Release {
  return {
    ...base(p, `payment-${y.id}`, y.paidAt, ['implementation'], [buyerParty(p), supplierParty(o)]),
    contracts: [
      {
        id: String(o.id),
        awardID: String(o.id),
        status: 'active',
        implementation: {
          transactions: [
            {
              id: `payment-${y.id}`,
              date: isoWib(y.paidAt),
              value: idr(y.amount),
              payer: buyerRef(p),
              payee: supplierRef(o),
            },
          ],
        },
      },
    ],
  };
}
