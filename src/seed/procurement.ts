// Procurement: the government buyers of e-Order — province OPD, one office per kota/kabupaten (from the region
// table), the suku dinas of each kota and the BUMD — with their units and officials, then a year of e-Order
// activity up to the reference day (procurement-activity.ts). Names come from the profile; codes are unique, so
// loading twice adds no agency, and orders are generated only into an empty order table.
import { localDate } from '../platform/time.ts';
import type { SeedModule } from './context.ts';
import { ORDERS_PER_MEMBER, seedProcurementActivity } from './procurement-activity.ts';
import { ensureAgencyParties } from './procurement-parties.ts';
import { loadProfile } from './vocabulary.ts';

export const ordersFor = (members: number) => Math.max(160, Math.round(members * ORDERS_PER_MEMBER));

/** `today`: the reference day (WIB) the year of orders ends on; default today. */
export function procurementModule(profileName = 'jakarta', today?: string): SeedModule {
  return {
    name: 'procurement',
    units: (scale) => ordersFor(scale.umkm),
    async run(ctx) {
      const p = loadProfile(profileName);
      // [code, name, kind, region_code]: province OPD, one office per kota/kabupaten, the suku dinas, the BUMD.
      const rows: (string | null)[][] = [
        ...p.opd.map(([code, name]) => [code, name, 'opd', null]),
        ...ctx.geography.cities.map((c) => [`KOTA-${c.code}`, p.city_offices.replace('{city}', c.name), 'opd', c.code]),
        ...ctx.geography.cities.flatMap((c) =>
          (p.suku_dinas ?? []).map(([code, name]) => [
            `${code}-${c.code}`,
            name.replace('{city}', c.shortName),
            'opd',
            c.code,
          ]),
        ),
        ...p.bumd.map(([code, name]) => [code, name, 'bumd', null]),
      ];
      const inserted = await ctx.q.query(
        `insert into agency (code, name, kind, region_code)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[]) on conflict (code) do nothing returning id`,
        [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
      );
      const agencies = await ensureAgencyParties(ctx.q, ctx.rng('procurement-parties'));
      const counts: Record<string, number> = { agency: inserted.length };
      // Orders go only into an empty order table (a seed loads an empty database; a reload after the register was
      // emptied starts its packages afresh, so BAST numbers and rollups stay consistent).
      const [existing] = await ctx.q.query<{ n: number }>('select count(*)::int8 as n from eorder');
      if (Number(existing?.n) > 0) return counts;
      await ctx.q.exec(
        `delete from order_group where package_id in (select id from procurement_package where source = 'seed');
         delete from procurement_package p where source = 'seed'
            and not exists (select 1 from cart_line c where c.package_id = p.id)
            and not exists (select 1 from mandate_exception e where e.package_id = p.id)
            and not exists (select 1 from package_document d where d.package_id = p.id);
         delete from bast_counter;
         delete from outside_spending where reported_by is null or reported_by in (select id from account where email like '%@pejabat.seed.pasarlokal.id');`,
      );
      const t = performance.now();
      Object.assign(
        counts,
        await seedProcurementActivity(ctx.q, agencies, {
          seed: ctx.seed,
          today: today ?? localDate(new Date()),
          members: ctx.members,
          orders: ordersFor(ctx.members.length),
          parallel: ctx.parallel,
          batch: ctx.batch,
          progress: ctx.progress,
          log: ctx.log,
        }),
      );
      ctx.log(`procurement: ${counts.eorder ?? 0} orders in ${Math.round(performance.now() - t) / 1000} s`);
      return counts;
    },
  };
}
