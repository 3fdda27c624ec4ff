// The register's figures and lists for the role homes (src/access/home.ts). A kecamatan, an owner or a pengampu is
// a slice counted live; the province's member count comes from the funnel rollup (journey/rollup.ts) once the
// register is larger than LIVE_MAX, as the funnel does.
import type { Db, Queryable } from '../platform/db/types.ts';
import { fig, type Figure, type ListItem, same } from '../platform/home-figures.ts';
import { formatDate } from '../platform/time.ts';
import { ensureRollups, LIVE_MAX } from './journey/rollup.ts';

/** A permit that ends within the next 30 days, counted in Jakarta days. */
const EXPIRING = `p.expires_on between (now() at time zone 'Asia/Jakarta')::date and (now() at time zone 'Asia/Jakarta')::date + 30`;
const MEMBERS_IN_DISTRICT = `from umkm u join region v on v.code = u.village_code where v.parent_code = $1`;
const UNCLAIMED = 'not exists (select 1 from account a where a.owner_id = u.owner_id and a.password_hash is not null)';

/** A kecamatan's members, owners who have not claimed their account, and permits expiring within 30 days (WIB). */
export async function districtFigures(db: Queryable, district: string): Promise<Figure[]> {
  const [r] = await db.query<{ members: number; unclaimed: number; expiring: number }>(
    `select (select count(*) ${MEMBERS_IN_DISTRICT}) as members,
            (select count(*) ${MEMBERS_IN_DISTRICT} and ${UNCLAIMED}) as unclaimed,
            (select count(*) from permit p join umkm u on u.id = p.umkm_id join region v on v.code = u.village_code where v.parent_code = $1 and ${EXPIRING}) as expiring`,
    [district],
  );
  return [
    fig('UMKM di kecamatan ini', 'UMKM in this kecamatan', r?.members ?? 0),
    fig('Pemilik belum mengaktifkan akun', 'Owners who have not claimed their account', r?.unclaimed ?? 0),
    // Permits expiring within 30 days (WIB): the queue is GET /api/registry/permits/expiring.
    fig('Izin akan habis (30 hari)', 'Permits expiring (30 days)', r?.expiring ?? 0),
  ];
}

/** The kecamatan desk's queue: owners to help claim their account, newest members first. */
export async function unclaimedOwners(db: Queryable, district: string): Promise<ListItem[]> {
  const rows = await db.query<{ name: string; village: string; id: number }>(
    `select u.id, u.name, v.name as village ${MEMBERS_IN_DISTRICT} and ${UNCLAIMED}
      order by u.registered_at desc, u.id desc limit 8`,
    [district],
  );
  return rows.map((r) => ({ primary: r.name, secondary: same(`UMKM #${r.id} · ${r.village}`), umkmId: r.id }));
}

/** An owner's businesses and their permits expiring within 30 days (WIB). */
export async function ownerFigures(db: Queryable, ownerId: number): Promise<{ businesses: Figure; expiring: Figure }> {
  const [r] = await db.query<{ businesses: number; expiring: number }>(
    `select (select count(*) from umkm where owner_id = $1) as businesses,
            (select count(*) from permit p join umkm u on u.id = p.umkm_id where u.owner_id = $1 and ${EXPIRING}) as expiring`,
    [ownerId],
  );
  return {
    businesses: fig('Usaha saya', 'My businesses', r?.businesses ?? 0),
    expiring: fig('Izin akan habis (30 hari)', 'Permits expiring (30 days)', r?.expiring ?? 0),
  };
}

/**
 * The province: Jakpreneur members (from the funnel rollup's stage 1 when the register is larger than LIVE_MAX,
 * counted live otherwise) and members registered in the last 30 days.
 */
export async function provinceFigures(db: Db, onError: (e: unknown) => void): Promise<Figure[]> {
  await ensureRollups(db, onError);
  const [rolled] = await db.query<{ n: number }>(
    'select coalesce(sum(members), 0)::int8 as n from journey_rollup where stage = 1 and agency_id = 0',
  );
  const [r] = await db.query<{ members: number | null; recent: number }>(
    `select case when $1::int8 <= $2 then (select count(*) from umkm where kind = 'jakpreneur') end as members,
            (select count(*) from umkm where registered_at > now() - interval '30 days') as recent`,
    [rolled?.n ?? 0, LIVE_MAX],
  );
  return [
    fig('Anggota Jakpreneur', 'Jakpreneur members', r?.members ?? rolled?.n ?? 0),
    fig('Terdaftar 30 hari terakhir', 'Registered in the last 30 days', r?.recent ?? 0),
  ];
}

/** A pengampu's fostered members, and those also fostered by another agency. */
export async function fosteringFigures(db: Queryable, agencyId: string): Promise<Figure[]> {
  const [r] = await db.query<{ fostered: number; shared: number }>(
    `select (select count(*) from fostering_link where agency_id::text = $1) as fostered,
            (select count(*) from fostering_link f where f.agency_id::text = $1
                and exists (select 1 from fostering_link o where o.umkm_id = f.umkm_id and o.agency_id <> f.agency_id)) as shared`,
    [agencyId],
  );
  return [
    fig('UMKM binaan', 'Fostered UMKM', r?.fostered ?? 0),
    fig('Juga dibina pengampu lain', 'Also fostered by another agency', r?.shared ?? 0),
  ];
}

/** A pengampu's newest members. */
export async function newestFostered(db: Queryable, agencyId: string): Promise<ListItem[]> {
  const rows = await db.query<{ name: string; since: string; id: number }>(
    'select u.id, u.name, f.since from fostering_link f join umkm u on u.id = f.umkm_id where f.agency_id::text = $1 order by f.since desc, u.id desc limit 8',
    [agencyId],
  );
  return rows.map((r) => ({
    primary: r.name,
    secondary: {
      id: `UMKM #${r.id} · sejak ${formatDate(r.since, 'id')}`,
      en: `UMKM #${r.id} · since ${formatDate(r.since, 'en')}`,
    },
  }));
}

/** Micro and small businesses in the province (for lenders). */
export async function sizeClassFigures(db: Queryable): Promise<Figure[]> {
  const [r] = await db.query<{ micro: number; small: number }>(
    `select count(*) filter (where size_class = 'micro') as micro, count(*) filter (where size_class = 'small') as small from umkm`,
  );
  return [fig('UMKM mikro', 'Micro businesses', r?.micro ?? 0), fig('UMKM kecil', 'Small businesses', r?.small ?? 0)];
}
