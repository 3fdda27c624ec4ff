import type { Queryable } from '../platform/db/types.ts';
import { postalPrefixesByCity } from '../registry/identifiers.ts';

// Where members live: read from the region table (never a hard-coded list), weighted by the profile.

export interface Village {
  code: string;
  name: string;
  districtCode: string; // kecamatan: the first 6 digits of a NIK registered there
  city: number; // index into cities
  postalCode: string | null;
}

export interface City {
  code: string;
  name: string;
  shortName: string; // "Jakarta Selatan"
  weight: number;
  villages: number[]; // indices into Geography.villages
}

export interface Geography {
  cities: City[];
  villages: Village[];
}

/**
 * Cities with a weight in the profile get it; cities without one get the mean of the given weights (equal weights
 * when none is given). A postal code per kelurahan is made from the kota's prefixes (db/reference), spread in order.
 */
export async function loadGeography(q: Queryable, cityWeights: Record<string, number>): Promise<Geography> {
  const rows = await q.query<{ code: string; name: string; level: string; parent_code: string | null }>(
    `select code, name, level, parent_code from region where level in ('city', 'district', 'village') order by code`,
  );
  const districtCity = new Map<string, string>();
  for (const r of rows) if (r.level === 'district' && r.parent_code) districtCity.set(r.code, r.parent_code);
  const given = Object.values(cityWeights);
  const meanWeight = given.length ? given.reduce((a, b) => a + b, 0) / given.length : 1;
  const prefixes = postalPrefixesByCity();

  const cities: City[] = [];
  const cityIndex = new Map<string, number>();
  for (const r of rows) {
    if (r.level !== 'city') continue;
    cityIndex.set(r.code, cities.length);
    cities.push({
      code: r.code,
      name: r.name,
      shortName: r.name.replace(/^(Kota|Kabupaten)( Administrasi)? /, ''),
      weight: cityWeights[r.code] ?? meanWeight,
      villages: [],
    });
  }
  const villages: Village[] = [];
  for (const r of rows) {
    if (r.level !== 'village' || !r.parent_code) continue;
    const c = cityIndex.get(districtCity.get(r.parent_code) ?? '');
    if (c === undefined) continue;
    (cities[c] as City).villages.push(villages.length);
    villages.push({ code: r.code, name: r.name, districtCode: r.parent_code, city: c, postalCode: null });
  }
  for (const city of cities) {
    const p = prefixes[city.code];
    if (!p?.length) continue;
    const perPrefix = new Map<string, number>();
    city.villages.forEach((v, i) => {
      const prefix = p[Math.floor((i * p.length) / city.villages.length)] as string;
      const k = perPrefix.get(prefix) ?? 0;
      perPrefix.set(prefix, k + 1);
      (villages[v] as Village).postalCode = `${prefix}${((k % 9) + 1) * 10}`;
    });
  }
  const inhabited = cities.filter((c) => c.villages.length > 0);
  if (!inhabited.length) throw new Error('the region table has no kelurahan (village level): run the migrations first');
  return { cities, villages };
}
