// Procurement: the government buyers of e-Order — province OPD, one office per kota/kabupaten (from the region
// table), and the BUMD. Names come from the profile; codes are unique, so loading twice adds nothing.
import type { SeedModule } from './context.ts';
import { loadProfile } from './vocabulary.ts';

export function procurementModule(profileName = 'jakarta'): SeedModule {
  return {
    name: 'procurement',
    units: () => 0,
    async run(ctx) {
      const p = loadProfile(profileName);
      // [code, name, kind, region_code]: province OPD, one office per kota/kabupaten, then the BUMD.
      const rows: (string | null)[][] = [
        ...p.opd.map(([code, name]) => [code, name, 'opd', null]),
        ...ctx.geography.cities.map((c) => [`KOTA-${c.code}`, p.city_offices.replace('{city}', c.name), 'opd', c.code]),
        ...p.bumd.map(([code, name]) => [code, name, 'bumd', null]),
      ];
      const inserted = await ctx.q.query(
        `insert into agency (code, name, kind, region_code)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[]) on conflict (code) do nothing returning id`,
        [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
      );
      return { agency: inserted.length };
    },
  };
}
