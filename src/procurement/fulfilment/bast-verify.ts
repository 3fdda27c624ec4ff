// Anyone checks a BAST number (the QR on the PDF): it exists, for which agency, on which day (WIB), for what
// value, and the seller's business name — no personal data. The BAST PDF for the agency's readers and the seller
// is drawn from the order view with the signing PPK's name.
import type { Queryable } from '../../platform/db/types.ts';
import { localDate } from '../../platform/time.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { OrderView } from './order-view.ts';

export interface PublicBast {
  number: string;
  valid: boolean;
  agency: string | null;
  date: string | null;
  total: number | null;
  seller: string | null;
}

export async function verifyBast(db: Queryable, number: string): Promise<PublicBast> {
  const [r] = await db.query<{ agency: string; received_at: Date; total: number; seller: string }>(
    `select a.name as agency, o.received_at, o.total, u.name as seller
       from eorder o join agency a on a.id = o.agency_id join umkm u on u.id = o.umkm_id
      where o.bast_number = $1 and o.received_at is not null`,
    [number],
  );
  if (!r) return { number, valid: false, agency: null, date: null, total: null, seller: null };
  return {
    number,
    valid: true,
    agency: r.agency,
    date: localDate(new Date(r.received_at)),
    total: r.total,
    seller: r.seller,
  };
}

/** The name that signed the order's BAST (agency_official, else the account's display name). */
export async function bastSigner(db: Queryable, o: OrderView): Promise<string | null> {
  if (!o.bastNumber) throw notFound({ id: 'Pesanan ini belum memiliki BAST.', en: 'This order has no BAST yet.' });
  const [r] = await db.query<{ name: string | null }>(
    `select coalesce((select f.name from agency_official f where f.account_id = o.bast_by and f.agency_id = o.agency_id and f.role = 'ppk'),
                     (select c.display_name from account c where c.id = o.bast_by)) as name
       from eorder o where o.id = $1`,
    [o.id],
  );
  return r?.name ?? null;
}
