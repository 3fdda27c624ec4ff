import type { Actor } from '../platform/auth/actor.ts';
import type { Queryable } from '../platform/db/types.ts';
import { maskNik, memberScope } from './policy.ts';

interface MemberRow {
  id: number;
  name: string;
  kind: string;
  status: string;
  size_class: string | null;
  nib: string | null;
  kbli_codes: string[];
  village_code: string;
  village_name: string;
  district_name: string;
  city_name: string;
  address: string;
  postal_code: string | null;
  start_year: number | null;
  workers: number | null;
  capital: number | null;
  annual_sales: number | null;
  registered_at: Date;
  registration_channel: string;
  full_name: string;
  nik_region: string;
  nik_last4: string;
  gender: string | null;
  birth_year: number | null;
  agencies: { id: number; name: string; since: string }[] | null;
}

const SELECT = `
  select u.id, u.name, u.kind, u.status, u.size_class, u.nib,
         array_prepend(u.kbli_code, coalesce((select array_agg(k.kbli_code order by k.kbli_code) from umkm_kbli k where k.umkm_id = u.id), '{}')) as kbli_codes,
         u.village_code, v.name as village_name, d.name as district_name, c.name as city_name,
         u.address, u.postal_code, u.start_year, u.workers, u.capital, u.annual_sales, u.registered_at, u.registration_channel,
         o.full_name, o.nik_region, o.nik_last4, o.gender, extract(year from o.birth_date)::int as birth_year,
         (select json_agg(json_build_object('id', a.id, 'name', a.name, 'since', f.since) order by f.since, a.id)
            from fostering_link f join fostering_agency a on a.id = f.agency_id where f.umkm_id = u.id) as agencies
    from umkm u
    join owner o on o.id = u.owner_id
    join region v on v.code = u.village_code
    join region d on d.code = v.parent_code
    join region c on c.code = d.parent_code`;

function present(r: MemberRow) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    status: r.status,
    sizeClass: r.size_class,
    nib: r.nib,
    kbliCodes: r.kbli_codes,
    village: { code: r.village_code, name: r.village_name, district: r.district_name, city: r.city_name },
    address: r.address,
    postalCode: r.postal_code,
    startYear: r.start_year,
    workers: r.workers,
    capital: r.capital,
    annualSales: r.annual_sales,
    registeredAt: r.registered_at.toISOString(),
    registrationChannel: r.registration_channel,
    // NIK is always masked here; the clear value has its own audited route.
    owner: {
      fullName: r.full_name,
      nikMasked: maskNik(r.nik_region, r.nik_last4),
      gender: r.gender,
      birthYear: r.birth_year,
    },
    fosteringAgencies: r.agencies ?? [],
  };
}
export type Member = ReturnType<typeof present>;

/** One member within the caller's scope; undefined when absent or outside it (the two look the same). */
export async function getMember(db: Queryable, actor: Actor, umkmId: number): Promise<Member | undefined> {
  const scope = memberScope(actor, 2);
  const [row] = await db.query<MemberRow>(`${SELECT} where u.id = $1 and ${scope.sql}`, [umkmId, ...scope.params]);
  return row && present(row);
}

export interface MemberFilter {
  q?: string;
  district?: string;
  limit: number;
  after?: number;
}

/** Members within scope, newest first, keyset-paginated by id. */
export async function listMembers(db: Queryable, actor: Actor, f: MemberFilter): Promise<Member[]> {
  const scope = memberScope(actor, 5);
  const rows = await db.query<MemberRow>(
    `${SELECT}
      where ($1::text is null or u.name ilike '%' || $1 || '%')
        and ($2::text is null or d.code = $2)
        and ($3::bigint is null or u.id < $3)
        and ${scope.sql}
      order by u.id desc limit $4`,
    [f.q ?? null, f.district ?? null, f.after ?? null, f.limit, ...scope.params],
  );
  return rows.map(present);
}
