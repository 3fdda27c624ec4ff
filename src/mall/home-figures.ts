// The mall programme's figures for the role homes (src/access/home.ts): a mall's effective floor and the UMKM space duty.
import type { Queryable } from '../platform/db/types.ts';
import { fig, type Figure } from '../platform/home-figures.ts';

export async function mallFigures(db: Queryable, mallId: string): Promise<Figure[]> {
  const [m] = await db.query<{ area: number; share: number }>(
    `select effective_floor_m2 as area, (select value::text::numeric from setting where key = 'mall.umkm_floor_share' and effective_from <= current_date order by effective_from desc limit 1)::float8 as share from mall where id::text = $1`,
    [mallId],
  );
  return [
    fig('Luas lantai efektif', 'Effective floor area', m?.area ?? 0, 'm2'),
    fig('Kewajiban ruang UMKM', 'UMKM space duty', Math.round((m?.area ?? 0) * (m?.share ?? 0)), 'm2'),
  ];
}
