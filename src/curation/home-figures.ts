// Curation's figures and lists for the role homes (src/access/home.ts).
import type { Queryable } from '../platform/db/types.ts';
import { fig, type Figure, type ListItem } from '../platform/home-figures.ts';
import { formatDate } from '../platform/time.ts';

/** Submissions waiting for the kecamatan desk: verification (pendamping) or validation (kasatpel). */
export async function waitingInDistrict(db: Queryable, district: string, role: string): Promise<Figure> {
  const pendamping = role === 'pendamping';
  const [r] = await db.query<{ n: number }>(
    `select count(*) as n from curation_submission s join umkm u on u.id = s.umkm_id join region v on v.code = u.village_code where s.status = $2 and v.parent_code = $1`,
    [district, pendamping ? 'submitted' : 'verified'],
  );
  return pendamping
    ? fig('Produk menunggu verifikasi', 'Products awaiting verification', r?.n ?? 0)
    : fig('Produk menunggu validasi', 'Products awaiting validation', r?.n ?? 0);
}

/** A kurator's products awaiting scoring and open calls. */
export async function kuratorFigures(db: Queryable, accountId: number): Promise<Figure[]> {
  const [r] = await db.query<{ waiting: number; calls: number }>(
    `select (select count(*) from curation_submission s join curation_call_kurator k on k.call_id = s.call_id where k.account_id = $1 and s.status = 'validated') as waiting,
            (select count(*) from curation_call_kurator k join curation_call c on c.id = k.call_id where k.account_id = $1 and c.status = 'open') as calls`,
    [accountId],
  );
  return [
    fig('Produk menunggu penilaian', 'Products awaiting scoring', r?.waiting ?? 0),
    fig('Panggilan kurasi saya', 'My curation calls', r?.calls ?? 0),
  ];
}

/** A kurator's scoring queue: products validated by the kecamatan in the calls assigned to them, soonest due first. */
export async function kuratorQueue(db: Queryable, accountId: number): Promise<ListItem[]> {
  const rows = await db.query<{ name: string; umkm: string; due_on: string }>(
    `select p.name, u.name as umkm, s.due_on::text as due_on from curation_submission s join curation_call_kurator k on k.call_id = s.call_id
       join product p on p.id = s.product_id join umkm u on u.id = s.umkm_id
      where k.account_id = $1 and s.status = 'validated' order by s.due_on, s.id limit 8`,
    [accountId],
  );
  return rows.map((r) => ({
    primary: r.name,
    secondary: {
      id: `${r.umkm} · tenggat ${formatDate(r.due_on, 'id')}`,
      en: `${r.umkm} · due ${formatDate(r.due_on, 'en')}`,
    },
  }));
}
