// An edition's line-up as the admin reads it: every item with why it was chosen (removed ones too, with their reason),
// the quota in force and what each kecamatan has listed. One query for the items; the presenter is pure.
import type { Queryable } from '../platform/db/types.ts';
import { notFound } from '../platform/http/problem.ts';
import { settingOn } from '../platform/settings.ts';
import type { Lineup, LineupItem } from './lineup-schema.ts';
import type { EditionStatus } from './schema.ts';

export interface LineupRow {
  id: number;
  product_id: number;
  product_name: string;
  umkm_id: number;
  seller_name: string;
  kecamatan_code: string;
  kecamatan_name: string;
  category_code: string;
  category_id: string;
  category_en: string;
  price: number;
  stock_initial: number;
  stock: number;
  held: number;
  sold: number;
  pick: LineupItem['pick'];
  rotation_round: number | null;
  reason_id: string;
  reason_en: string;
  removed_at: Date | null;
  removed_reason: string | null;
}

export const presentLineupItem = (r: LineupRow): LineupItem => ({
  id: r.id,
  product: { id: r.product_id, name: r.product_name },
  seller: { id: r.umkm_id, name: r.seller_name },
  kecamatan: { code: r.kecamatan_code, name: r.kecamatan_name },
  category: { code: r.category_code, name: { id: r.category_id, en: r.category_en } },
  price: r.price,
  stockInitial: r.stock_initial,
  stock: r.stock,
  held: r.held,
  sold: r.sold,
  pick: r.pick,
  round: r.rotation_round,
  reason: { id: r.reason_id, en: r.reason_en },
  removed: r.removed_at ? { at: new Date(r.removed_at).toISOString(), reason: r.removed_reason ?? '' } : null,
});

/** The items of an edition, kecamatan by kecamatan, in the order they were chosen. */
export const lineupItems = (db: Queryable, editionId: number) =>
  db.query<LineupRow>(
    `select i.*, p.name as product_name, u.name as seller_name, k.name as kecamatan_name,
            c.name_id as category_id, c.name_en as category_en
       from jbl_lineup_item i
       join product p on p.id = i.product_id
       join umkm u on u.id = i.umkm_id
       join region k on k.code = i.kecamatan_code
       join product_category c on c.code = i.category_code
      where i.edition_id = $1
      order by k.name, i.id`,
    [editionId],
  );

export async function getLineup(db: Queryable, editionId: number): Promise<Lineup> {
  const [e] = await db.query<{
    id: number;
    friday: string;
    held_on: string;
    status: EditionStatus;
    code: string;
    name: string;
  }>(
    `select e.id, e.friday::text, e.held_on::text, e.status, r.code, r.name
       from jbl_edition e join region r on r.code = e.host_region_code where e.id = $1`,
    [editionId],
  );
  if (!e) throw notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });
  const rows = await lineupItems(db, editionId);
  const items = rows.map(presentLineupItem);
  const quota = Number((await settingOn<number>(db, 'jbl.kecamatan_quota', e.friday))?.value ?? 30);
  const limit = Number((await settingOn<number>(db, 'jbl.city_picks', e.friday))?.value ?? 10);
  const live = items.filter((i) => !i.removed);
  // Every kecamatan with an item (a removed one too, so the page can show it), counted against the quota by the
  // rotation's items still listed.
  const kecamatan = new Map<string, { code: string; name: string; listed: number }>();
  for (const i of items) {
    const k = kecamatan.get(i.kecamatan.code) ?? { ...i.kecamatan, listed: 0 };
    if (i.pick === 'rotation' && !i.removed) k.listed += 1;
    kecamatan.set(k.code, k);
  }
  return {
    edition: { id: e.id, friday: e.friday, heldOn: e.held_on, status: e.status, host: { code: e.code, name: e.name } },
    quota,
    cityPicks: { used: live.filter((i) => i.pick === 'city_pick').length, limit },
    kecamatan: [...kecamatan.values()],
    items,
  };
}
