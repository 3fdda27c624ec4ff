// GET /api/jbl/reports/editions/:editionId — one edition's orders, units and omzet, pre-order vs live, in total and
// by the seller's kota, kecamatan, the product's category and the seller. One set-based statement over the
// edition's paid order lines (jbl_child_order_edition_idx, then the lines by child order): an edition is at most tens
// of thousands of orders, so no rollup is needed here.
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import {
  addInto,
  COUNTED,
  EDITION_COLUMNS,
  EDITION_JOIN,
  type EditionCols,
  editionRef,
  emptySplit,
  PUBLISHED,
  type SessionRow,
} from './queries.ts';
import type { EditionReport, Slice } from './schema.ts';

type Dim = 'total' | 'kota' | 'kecamatan' | 'category' | 'seller';

interface Row extends SessionRow {
  dim: Dim;
  key: string | null;
  name_id: string | null;
  name_en: string | null;
  parent: string | null;
}

// Orders are counted distinct within a slice: a seller order with lines of two categories is one order in each.
const SQL = `
with l as (
  select o.session, c.id as child_id, c.umkm_id, li.kecamatan_code, k.parent_code as kota_code, li.category_code,
         ol.quantity, ol.amount
    from jbl_child_order c
    join jbl_order o on o.id = c.order_id
    join jbl_order_line ol on ol.child_order_id = c.id
    join jbl_lineup_item li on li.id = ol.lineup_item_id
    join region k on k.code = li.kecamatan_code
   where c.edition_id = $1 and c.status in ${COUNTED}
), g as (
  select case when grouping(kota_code) = 0 then 'kota' when grouping(kecamatan_code) = 0 then 'kecamatan'
              when grouping(category_code) = 0 then 'category' when grouping(umkm_id) = 0 then 'seller'
              else 'total' end as dim,
         coalesce(kota_code, kecamatan_code, category_code, umkm_id::text) as key, session,
         kota_code, kecamatan_code, category_code, umkm_id,
         count(distinct child_id) as orders, sum(quantity) as units, sum(amount) as omzet
    from l
   group by grouping sets ((session), (session, kota_code), (session, kecamatan_code), (session, category_code),
                           (session, umkm_id))
)
select g.dim, g.key, g.session, g.orders, g.units, g.omzet,
       coalesce(r.name, pc.name_id, u.name) as name_id, coalesce(r.name, pc.name_en, u.name) as name_en,
       case g.dim when 'kecamatan' then r.parent_code
                  when 'seller' then (select v.parent_code from region v where v.code = u.village_code) end as parent
  from g
  left join region r on r.code = coalesce(g.kota_code, g.kecamatan_code)
  left join product_category pc on pc.code = g.category_code
  left join umkm u on u.id = g.umkm_id`;

/** Rows of one dimension folded into slices, largest omzet first. */
function slices(rows: Row[], dim: Dim): (Slice & { parent: string })[] {
  const by = new Map<string, Slice & { parent: string }>();
  for (const r of rows.filter((x) => x.dim === dim)) {
    const key = r.key ?? '';
    const s = by.get(key) ?? {
      key,
      name: { id: r.name_id ?? key, en: r.name_en ?? key },
      parent: r.parent ?? '',
      ...emptySplit(),
    };
    by.set(key, addInto(s, r) as typeof s);
  }
  return [...by.values()].sort((a, b) => b.total.omzet - a.total.omzet || a.key.localeCompare(b.key));
}

const strip = ({ parent: _p, ...s }: Slice & { parent: string }): Slice => s;

export async function readEditionReport(db: Queryable, editionId: number): Promise<EditionReport> {
  const [e] = await db.query<EditionCols>(
    `select ${EDITION_COLUMNS} from jbl_edition e ${EDITION_JOIN} where e.id = $1 and e.status in ${PUBLISHED}`,
    [editionId],
  );
  if (!e) throw notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });
  const rows = await db.query<Row>(SQL, [editionId]);
  const total = emptySplit();
  for (const r of rows.filter((x) => x.dim === 'total')) addInto(total, r);
  return {
    edition: editionRef(e),
    total,
    byKota: slices(rows, 'kota').map(strip),
    byKecamatan: slices(rows, 'kecamatan').map(({ parent, ...s }) => ({ ...s, kota: parent })),
    byCategory: slices(rows, 'category').map(strip),
    bySeller: slices(rows, 'seller').map(({ parent, ...s }) => ({ ...s, kecamatan: parent })),
  };
}
