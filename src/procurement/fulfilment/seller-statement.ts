// The seller's statement of income from government: every payment received in the year (WIB) per order — gross,
// tax withheld with the rule that gave it, net cash, the day paid — and what is still owed on orders whose BAST is
// signed, with the expected payment day; totals; and the same as CSV.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { sellerScope } from '../policy.ts';

export interface StatementPayment {
  orderId: number;
  paymentId: number;
  agencyName: string;
  sellerName: string;
  bastNumber: string | null;
  kind: 'transfer' | 'autodebit';
  paidOn: string;
  gross: number;
  taxWithheld: number;
  taxRule: string | null;
  net: number;
}

export interface StatementOutstanding {
  orderId: number;
  agencyName: string;
  sellerName: string;
  bastNumber: string | null;
  total: number;
  paid: number;
  outstanding: number;
  expectedOn: string | null;
  daysOverdue: number | null;
}

export interface Statement {
  year: number;
  payments: StatementPayment[];
  outstanding: StatementOutstanding[];
  totals: { gross: number; taxWithheld: number; net: number; outstanding: number; orders: number };
}

/** The withheld lines' titles, e.g. "PPh 22 (1,5%)"; null when nothing was withheld. */
function ruleText(lines: unknown): string | null {
  if (!Array.isArray(lines) || !lines.length) return null;
  return lines
    .map((l: { label?: { id?: string }; code?: string; rule?: string | null }) =>
      [l.label?.id ?? l.code, l.rule ? `(${l.rule})` : ''].filter(Boolean).join(' '),
    )
    .join('; ');
}

export async function sellerStatement(db: Queryable, actor: Actor, year: number): Promise<Statement> {
  // The payment's own umkm_id and a range on paid_at: the seller index of eorder_payment answers it at scale.
  const pscope = sellerScope(actor, 'y.umkm_id', 2);
  const scope = sellerScope(actor, 'o.umkm_id', 2);
  const payments = await db.query<{
    order_id: number;
    payment_id: number;
    agency_name: string;
    seller_name: string;
    bast_number: string | null;
    kind: 'transfer' | 'autodebit';
    paid_on: string;
    amount: number;
    tax_withheld: number;
    tax_lines: unknown;
  }>(
    `select o.id as order_id, y.id as payment_id, a.name as agency_name, u.name as seller_name, o.bast_number, y.kind,
            (y.paid_at at time zone 'Asia/Jakarta')::date::text as paid_on, y.amount, y.tax_withheld, y.tax_lines
       from eorder_payment y join eorder o on o.id = y.order_id join agency a on a.id = o.agency_id join umkm u on u.id = o.umkm_id
      where y.status = 'paid' and ${pscope.sql}
        and y.paid_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Asia/Jakarta')
        and y.paid_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Asia/Jakarta')
      order by y.paid_at, y.id`,
    [year, ...pscope.params],
  );
  const owed = await db.query<{
    order_id: number;
    agency_name: string;
    seller_name: string;
    bast_number: string | null;
    total: number;
    paid_amount: number;
    due_date: string | null;
    overdue: number | null;
  }>(
    `select o.id as order_id, a.name as agency_name, u.name as seller_name, o.bast_number, o.total, o.paid_amount,
            o.due_date::text as due_date, case when o.due_date < wib_today() then wib_today() - o.due_date end as overdue
       from eorder o join agency a on a.id = o.agency_id join umkm u on u.id = o.umkm_id
      where o.status = 'received' and extract(year from o.received_at at time zone 'Asia/Jakarta') <= $1 and ${scope.sql}
      order by o.due_date nulls last, o.id`,
    [year, ...scope.params],
  );
  const p = payments.map((r) => ({
    orderId: r.order_id,
    paymentId: r.payment_id,
    agencyName: r.agency_name,
    sellerName: r.seller_name,
    bastNumber: r.bast_number,
    kind: r.kind,
    paidOn: r.paid_on,
    gross: r.amount + r.tax_withheld,
    taxWithheld: r.tax_withheld,
    taxRule: r.tax_withheld > 0 ? ruleText(r.tax_lines) : null,
    net: r.amount,
  }));
  const out = owed.map((r) => ({
    orderId: r.order_id,
    agencyName: r.agency_name,
    sellerName: r.seller_name,
    bastNumber: r.bast_number,
    total: r.total,
    paid: r.paid_amount,
    outstanding: r.total - r.paid_amount,
    expectedOn: r.due_date,
    daysOverdue: r.overdue === null ? null : Number(r.overdue),
  }));
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  return {
    year,
    payments: p,
    outstanding: out,
    totals: {
      gross: sum(p, (x) => x.gross),
      taxWithheld: sum(p, (x) => x.taxWithheld),
      net: sum(p, (x) => x.net),
      outstanding: sum(out, (x) => x.outstanding),
      orders: new Set([...p.map((x) => x.orderId), ...out.map((x) => x.orderId)]).size,
    },
  };
}

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Quote fields with separators, and neutralise a leading formula character (spreadsheet injection).
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The statement as CSV (UTF-8 with BOM so spreadsheet programs read the rupiah names right); amounts in whole rupiah. */
export function statementCsv(s: Statement): string {
  const head = [
    'jenis',
    'pesanan',
    'instansi',
    'usaha',
    'nomor_bast',
    'tanggal',
    'bruto',
    'pajak_dipotong',
    'aturan_pajak',
    'neto',
    'sisa_tagihan',
  ];
  const rows = [
    ...s.payments.map((p) => [
      'pembayaran',
      p.orderId,
      p.agencyName,
      p.sellerName,
      p.bastNumber,
      p.paidOn,
      p.gross,
      p.taxWithheld,
      p.taxRule,
      p.net,
      null,
    ]),
    ...s.outstanding.map((o) => [
      'tagihan',
      o.orderId,
      o.agencyName,
      o.sellerName,
      o.bastNumber,
      o.expectedOn,
      null,
      null,
      null,
      null,
      o.outstanding,
    ]),
    [
      'total',
      null,
      null,
      null,
      null,
      null,
      s.totals.gross,
      s.totals.taxWithheld,
      null,
      s.totals.net,
      s.totals.outstanding,
    ],
  ];
  return `\ufeff${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
