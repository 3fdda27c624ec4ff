// Procurement's figures for the role homes (src/access/home.ts): the buying agencies and the UMK share target.
import type { Queryable } from '../platform/db/types.ts';
import { fig, type Figure } from '../platform/home-figures.ts';

export async function procurementFigures(db: Queryable): Promise<Figure[]> {
  const [r] = await db.query<{ agencies: number; share: number | null }>(
    `select (select count(*) from agency) as agencies,
            (select value from setting where key = 'procurement.umk_share_min' and effective_from <= current_date order by effective_from desc limit 1) as share`,
  );
  return [
    fig('Instansi pembeli', 'Buying agencies', r?.agencies ?? 0),
    fig('Target porsi UMK', 'UMK share target', Math.round(Number(r?.share ?? 0) * 100), 'percent'),
  ];
}
