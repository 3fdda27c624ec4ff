// Capital (P7): Bank DKI, the KUR banks and other lenders members can ask for credit.
import type { SeedModule } from './context.ts';
import { loadProfile } from './vocabulary.ts';

export function capitalModule(profileName = 'jakarta'): SeedModule {
  return {
    name: 'capital',
    units: () => 0,
    async run(ctx) {
      const l = loadProfile(profileName).lenders;
      const inserted = await ctx.q.query(
        `insert into lender (code, name, kind) select * from unnest($1::text[], $2::text[], $3::text[]) on conflict (code) do nothing returning id`,
        [l.map((x) => x[0]), l.map((x) => x[1]), l.map((x) => x[2])],
      );
      return { lender: inserted.length };
    },
  };
}
