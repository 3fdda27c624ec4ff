// Upcoming procurement opportunities. Public: packages offered to providers (penyedia) that are not closed and
// whose selection window has not passed (WIB), with agency, pagu, method, category, kota and whether reserved for
// small businesses. For an owner ("peluang untuk Anda"): those whose KBLI or product category matches one of its
// businesses — a KBLI of the business (main or additional) or the category of one of its products — and whose
// kota is one of its businesses' kota or the whole province; each with the reasons it matched.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';

const PAGE = 20;

const OPEN = `p.status <> 'closed' and p.supply = 'penyedia' and (p.selection_to is null or p.selection_to >= wib_today())`;

const COLUMNS = `p.id, p.rup_code, p.name, a.name as agency_name, p.pagu, p.kind, p.method, p.category_code,
  c.name_id as category_id, c.name_en as category_en, p.region_code, r.name as region_name,
  p.selection_from::text as selection_from, p.selection_to::text as selection_to, p.reserved_small`;
const FROM = `procurement_package p join agency a on a.id = p.agency_id
  left join product_category c on c.code = p.category_code left join region r on r.code = p.region_code`;

interface Row {
  id: number;
  rup_code: string;
  name: string;
  agency_name: string;
  pagu: number;
  kind: 'barang';
  method: 'e_purchasing';
  category_code: string | null;
  category_id: string | null;
  category_en: string | null;
  region_code: string | null;
  region_name: string | null;
  selection_from: string | null;
  selection_to: string | null;
  reserved_small: boolean;
}

const present = (r: Row) => ({
  id: r.id,
  rupCode: r.rup_code,
  name: r.name,
  agencyName: r.agency_name,
  pagu: Number(r.pagu),
  kind: r.kind,
  method: r.method,
  categoryCode: r.category_code,
  categoryName: r.category_id ? { id: r.category_id, en: r.category_en ?? r.category_id } : null,
  regionCode: r.region_code,
  regionName: r.region_name,
  selectionFrom: r.selection_from,
  selectionTo: r.selection_to,
  reservedSmall: r.reserved_small,
});

export async function listOpportunities(
  db: Queryable,
  q: { category?: string | undefined; kota?: string | undefined; kind?: string | undefined; page: number },
) {
  const where = `${OPEN} and ($1::text is null or p.category_code = $1) and ($2::text is null or p.region_code = $2)
    and ($3::text is null or p.kind = $3)`;
  const params = [q.category ?? null, q.kota ?? null, q.kind ?? null];
  const rows = await db.query<Row>(
    `select ${COLUMNS} from ${FROM} where ${where}
      order by p.selection_from nulls last, p.id limit ${PAGE} offset ${(q.page - 1) * PAGE}`,
    params,
  );
  const [n] = await db.query<{ n: number }>(
    `select count(*)::int as n from procurement_package p where ${where}`,
    params,
  );
  return { items: rows.map(present), total: n?.n ?? 0, page: q.page, pageSize: PAGE };
}

export async function opportunitiesForMe(db: Queryable, actor: Actor) {
  if (actor.kind !== 'account' || actor.ownerId === null) return { items: [] };
  // What the owner's businesses are: their KBLI codes, their products' categories, their kota.
  const [me] = await db.query<{ kbli: string[]; categories: string[]; kotas: string[] }>(
    `with mine as (select id, kbli_code, village_code from umkm where owner_id = $1 and status = 'active')
     select coalesce((select array_agg(distinct k) from (select kbli_code as k from mine
                      union select x.kbli_code from umkm_kbli x join mine on mine.id = x.umkm_id) s), '{}') as kbli,
            coalesce((select array_agg(distinct p.category_code) from product p join mine on mine.id = p.umkm_id
                       where p.status <> 'archived'), '{}') as categories,
            coalesce((select array_agg(distinct d.parent_code) from mine join region v on v.code = mine.village_code
                       join region d on d.code = v.parent_code), '{}') as kotas`,
    [actor.ownerId],
  );
  if (!me || (!me.kbli.length && !me.categories.length)) return { items: [] };
  const rows = await db.query<Row & { kbli_hit: string[]; category_hit: boolean; kota_hit: boolean }>(
    `select ${COLUMNS},
            array(select unnest(p.kbli_codes) intersect select unnest($1::text[])) as kbli_hit,
            coalesce(p.category_code = any($2::text[]), false) as category_hit,
            coalesce(p.region_code = any($3::text[]), false) as kota_hit
       from ${FROM}
      where ${OPEN} and (p.kbli_codes && $1::text[] or p.category_code = any($2::text[]))
        and (p.region_code is null or p.region_code = any($3::text[]))
      order by p.selection_from nulls last, p.id limit 100`,
    [me.kbli, me.categories, me.kotas],
  );
  return {
    items: rows.map((r) => ({
      ...present(r),
      reasons: [
        ...(r.kbli_hit.length
          ? [
              {
                kind: 'kbli' as const,
                text: {
                  id: `KBLI usaha Anda cocok: ${r.kbli_hit.join(', ')}`,
                  en: `Your business's KBLI matches: ${r.kbli_hit.join(', ')}`,
                },
              },
            ]
          : []),
        ...(r.category_hit
          ? [
              {
                kind: 'category' as const,
                text: {
                  id: `Anda menjual produk kategori ${r.category_id}`,
                  en: `You sell products in ${r.category_en}`,
                },
              },
            ]
          : []),
        r.kota_hit
          ? {
              kind: 'kota' as const,
              text: {
                id: `Lokasi di kota usaha Anda: ${r.region_name}`,
                en: `In your business's kota: ${r.region_name}`,
              },
            }
          : {
              kind: 'kota' as const,
              text: { id: 'Lokasi: seluruh provinsi', en: 'Location: the whole province' },
            },
      ],
    })),
  };
}
