// The drill-down's last step: one agency's (or unit's) orders accepted in a month, paged — read by index
// (eorder_agency_accepted_idx), never a scan — and the map's figures per kecamatan from share_district_month.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { localDate } from '../../platform/time.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';

export interface ShareOrder {
  id: number;
  seller: string;
  unitName: string | null;
  status: string;
  countsUmk: boolean;
  total: number;
  paidAmount: number;
  acceptedAt: string;
}

export interface ShareOrderPage {
  agencyId: number;
  month: string;
  page: number;
  pageSize: number;
  totalCount: number;
  items: ShareOrder[];
}

export async function readShareOrders(
  db: Queryable,
  actor: Actor,
  agencyId: number,
  q: { month?: string | undefined; unitId?: number | undefined; page: number; pageSize: number },
): Promise<ShareOrderPage> {
  const scope = agencyScope(actor, procurementPolicy.readsShare, 'id', 2);
  const [agency] = await db.query<{ id: number }>(`select id from agency where id = $1 and ${scope.sql}`, [
    agencyId,
    ...scope.params,
  ]);
  if (!agency) throw notFound({ id: 'Instansi tidak ditemukan.', en: 'Agency not found.' });
  const month = q.month ?? localDate(new Date()).slice(0, 7);
  const from = `${month}-01`;
  // Orders that count in the month's commitment: accepted that WIB month and not declined or cancelled since.
  const where = `o.agency_id = $1 and o.accepted_at >= ($2::date::timestamp at time zone 'Asia/Jakarta')
      and o.accepted_at < (($2::date + interval '1 month')::timestamp at time zone 'Asia/Jakarta')
      and o.status not in ('declined', 'cancelled', 'placed')
      and ($3::integer is null or coalesce(o.unit_id, 0) = $3)`;
  const params = [agencyId, from, q.unitId ?? null];
  const [c] = await db.query<{ n: number }>(`select count(*)::integer as n from eorder o where ${where}`, params);
  const items = await db.query<ShareOrder>(
    `select o.id, u.name as seller, un.name as "unitName", o.status, o.counts_umk as "countsUmk", o.total,
            o.paid_amount as "paidAmount", to_char(o.accepted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "acceptedAt"
       from eorder o join umkm u on u.id = o.umkm_id left join agency_unit un on un.id = o.unit_id
      where ${where}
      order by o.accepted_at desc, o.id desc limit $4 offset $5`,
    [...params, q.pageSize, (q.page - 1) * q.pageSize],
  );
  return { agencyId, month, page: q.page, pageSize: q.pageSize, totalCount: c?.n ?? 0, items };
}

export interface DistrictShare {
  code: string;
  name: string;
  cityName: string | null;
  committedUmk: number;
  committedTotal: number;
  realisedUmk: number;
  realisedTotal: number;
}

/** Where the platform's money went, by the seller's kecamatan, in a year (every kecamatan, zero where none). */
export async function readDistrictShare(
  db: Queryable,
  year: number,
): Promise<{ year: number; items: DistrictShare[] }> {
  const items = await db.query<DistrictShare>(
    `select r.code, r.name, c.name as "cityName",
            coalesce(sum(s.committed) filter (where s.umk), 0)::bigint as "committedUmk",
            coalesce(sum(s.committed), 0)::bigint as "committedTotal",
            coalesce(sum(s.realised) filter (where s.umk), 0)::bigint as "realisedUmk",
            coalesce(sum(s.realised), 0)::bigint as "realisedTotal"
       from region r left join region c on c.code = r.parent_code
       left join share_district_month s on s.district_code = r.code
            and s.month >= make_date($1, 1, 1) and s.month < make_date($1 + 1, 1, 1)
      where r.level = 'district'
      group by r.code, r.name, c.name order by r.code`,
    [year],
  );
  return { year, items };
}

/** Kecamatan (or another level's) boundaries as GeoJSON, from the region table (loaded from db/reference). */
export async function readBoundaries(db: Queryable, level: string) {
  const rows = await db.query<{ code: string; name: string; parent_code: string | null; boundary: unknown }>(
    'select code, name, parent_code, boundary from region where level = $1 and boundary is not null order by code',
    [level],
  );
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      properties: { code: r.code, name: r.name, parentCode: r.parent_code },
      geometry: r.boundary,
    })),
  };
}
