import type { Queryable } from '../platform/db/types.ts';

/** The figures the public home page shows: what the programme holds today, read live from the database. */
export interface PublicFigures {
  members: number; // de-duplicated businesses in the register
  owners: number;
  products: number;
  publishedProducts: number;
  fosteringAgencies: number;
  cities: number;
  districts: number;
  villages: number;
  buyers: number; // OPD and BUMD
  malls: number;
  lenders: number;
  membersByCity: { code: string; name: string; members: number }[];
}

export async function getPublicFigures(db: Queryable): Promise<PublicFigures> {
  const [c] = await db.query<Omit<PublicFigures, 'membersByCity'>>(`
    select
      (select count(*) from umkm where status = 'active') as "members",
      (select count(*) from owner) as "owners",
      (select count(*) from product where status <> 'archived') as "products",
      (select count(*) from product where status = 'published') as "publishedProducts",
      (select count(*) from fostering_agency) as "fosteringAgencies",
      (select count(*) from region where level = 'city') as "cities",
      (select count(*) from region where level = 'district') as "districts",
      (select count(*) from region where level = 'village') as "villages",
      (select count(*) from agency) as "buyers",
      (select count(*) from mall) as "malls",
      (select count(*) from lender) as "lenders"`);
  const membersByCity = await db.query<{ code: string; name: string; members: number }>(`
    select city.code, city.name, count(u.id) as members
      from region city
      left join region d on d.parent_code = city.code
      left join region v on v.parent_code = d.code
      left join umkm u on u.village_code = v.code and u.status = 'active'
     where city.level = 'city'
     group by city.code, city.name
     order by city.code`);
  return { ...(c as Omit<PublicFigures, 'membersByCity'>), membersByCity };
}
