// Malls: the profile's malls per kota, each placed in one of that kota's kelurahan, with an effective floor area
// (the base of the 20% UMKM space duty, Perda DKI 2/2018). A mall already present by name is left alone.
import type { SeedModule } from './context.ts';
import { loadProfile } from './vocabulary.ts';

export function mallModule(profileName = 'jakarta'): SeedModule {
  return {
    name: 'mall',
    units: () => 0,
    async run(ctx) {
      const rng = ctx.rng('mall');
      const p = loadProfile(profileName);
      const { cities, villages } = ctx.geography;
      const names: string[] = [];
      const operators: string[] = [];
      const villageCodes: string[] = [];
      const floors: number[] = [];
      for (const city of cities) {
        for (const [name, operator] of p.malls[city.code] ?? []) {
          if (!city.villages.length) continue;
          names.push(name);
          operators.push(operator);
          villageCodes.push(villages[rng.pick(city.villages)]!.code);
          floors.push(rng.int(80, 1800) * 100); // 8,000–180,000 m²
        }
      }
      const inserted = await ctx.q.query(
        `insert into mall (name, operator, village_code, effective_floor_m2)
         select n, o, v, f from unnest($1::text[], $2::text[], $3::text[], $4::int4[]) as t(n, o, v, f)
          where not exists (select 1 from mall m where m.name = t.n) returning id`,
        [names, operators, villageCodes, floors],
      );
      return { mall: inserted.length };
    },
  };
}
